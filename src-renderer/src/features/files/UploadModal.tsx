import { Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FILE_PURPOSE_EXTENSIONS, UPLOAD_LIMITS, type UploadedFile, type UploadPurpose } from '@shared/contract/files';
import { PURPOSE_TITLES } from './FilePickerModal';

/** Bytes as base64, a slice at a time (a 10 Mo scan in one `String.fromCharCode` call would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const HINTS: Record<UploadPurpose, string> = {
  attachment: 'PDF, JPEG ou PNG, 10 Mo au plus.',
  import: 'Excel (.xlsx) ou CSV (.csv), 10 Mo au plus.',
  logo: 'Image PNG ou JPEG, 2 Mo au plus.',
  join: 'Le fichier « .passerelle-raccordement » fait sur un poste déjà raccordé.',
  authority: 'Le certificat remis par votre prestataire informatique (.crt, .pem ou .cer), 32 Ko au plus.',
};

/**
 * Passerelle runs on the office's server, not on this PC (issue 29): the file
 * is chosen here, with the system's own file window, and sent to the server,
 * which checks again what it is and its size.
 */
export function UploadModal(props: {
  purpose: UploadPurpose;
  onChoose: (file: UploadedFile) => void;
  onCancel: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const limit = UPLOAD_LIMITS[props.purpose];

  const pick = (chosen: File | null) => {
    setFile(chosen);
    setError(chosen && chosen.size > limit.bytes ? limit.tooBig : null);
  };

  const send = async () => {
    if (!file) return setError('Choisissez un fichier sur ce PC.');
    if (file.size > limit.bytes) return setError(limit.tooBig);
    setReading(true);
    try {
      props.onChoose({ name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
    } catch {
      setError('Ce fichier n’a pas pu être lu sur ce PC. Choisissez-le de nouveau.');
    } finally {
      setReading(false);
    }
  };

  return (
    <Modal opened onClose={props.onCancel} title={PURPOSE_TITLES[props.purpose]} size="lg">
      <Stack>
        <FileInput
          label="Fichier sur ce PC"
          description={HINTS[props.purpose]}
          placeholder="Cliquez pour choisir le fichier"
          accept={FILE_PURPOSE_EXTENSIONS[props.purpose].map((e) => `.${e}`).join(',')}
          value={file}
          onChange={pick}
          error={error}
          clearable
        />
        <Text size="xs" c="dimmed">
          Le fichier est envoyé au serveur Passerelle, qui le garde avec la fiche : il n’est pas modifié sur ce PC.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Annuler
          </Button>
          <Button onClick={() => void send()} loading={reading} disabled={!file || error !== null}>
            Choisir ce fichier
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
