import {
  Alert,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconFile, IconFolder, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { FilePurpose } from '@shared/contract/files';
import { errorMessage, useApiQuery } from '../../api/client';

export const PURPOSE_TITLES: Record<FilePurpose, string> = {
  logo: 'Choisir le logo (image PNG ou JPEG)',
  export: 'Choisir le dossier où enregistrer le fichier',
  import: 'Choisir le tableau à importer (.xlsx ou .csv)',
  attachment: 'Choisir le document numérisé (PDF, JPEG ou PNG)',
  backup: 'Choisir la sauvegarde à restaurer',
  join: 'Choisir le fichier de raccordement (.passerelle-raccordement)',
  authority: 'Choisir le certificat de l’autorité (.crt, .pem ou .cer)',
};

function formatSize(bytes: number | null) {
  if (bytes === null) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} Ko` : `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
}

/**
 * The in-app picker of browser mode: the home folder and USB drives only.
 * The desktop app shows the system's own dialog instead.
 */
export function FilePickerModal(props: {
  purpose: FilePurpose;
  kind: 'file' | 'folder';
  onChoose: (path: string) => void;
  onCancel: () => void;
}) {
  const [folder, setFolder] = useState<string | null>(null);
  const listing = useApiQuery('files/list', { purpose: props.purpose, path: folder });
  const roots = listing.data?.roots ?? [];

  return (
    <Modal opened onClose={props.onCancel} title={PURPOSE_TITLES[props.purpose]} size="lg">
      <Stack>
        <Group gap="xs">
          {roots.map((root) => (
            <Button
              key={root.path}
              variant={folder === root.path ? 'filled' : 'light'}
              size="xs"
              onClick={() => setFolder(root.path)}
            >
              {root.label}
            </Button>
          ))}
        </Group>
        {listing.error && <Alert color="red">{errorMessage(listing.error)}</Alert>}
        {folder === null ? (
          <Text c="dimmed">Choisissez d’abord où chercher : votre dossier personnel ou une clé USB.</Text>
        ) : (
          <>
            <Breadcrumbs>
              <Text size="sm" c="dimmed">
                {listing.data?.path ?? folder}
              </Text>
            </Breadcrumbs>
            <ScrollArea h={320}>
              <Table highlightOnHover>
                <Table.Tbody>
                  {listing.data?.parent && (
                    <Table.Tr>
                      <Table.Td>
                        <UnstyledButton onClick={() => setFolder(listing.data!.parent)}>
                          <Group gap="xs">
                            <IconArrowUp size={18} />
                            <Text>Dossier parent</Text>
                          </Group>
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  )}
                  {listing.data?.entries.map((entry) => (
                    <Table.Tr key={entry.path}>
                      <Table.Td>
                        <UnstyledButton
                          onClick={() => (entry.kind === 'folder' ? setFolder(entry.path) : props.onChoose(entry.path))}
                          aria-label={
                            entry.kind === 'folder' ? `Ouvrir le dossier ${entry.name}` : `Choisir ${entry.name}`
                          }
                        >
                          <Group gap="xs">
                            {entry.kind === 'folder' ? <IconFolder size={18} /> : <IconFile size={18} />}
                            <Text>{entry.name}</Text>
                          </Group>
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {formatSize(entry.size)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {listing.data && listing.data.entries.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={2}>
                        <Text c="dimmed">
                          {props.kind === 'file'
                            ? 'Aucun fichier utilisable ni aucun dossier ici.'
                            : 'Aucun sous-dossier ici.'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Annuler
          </Button>
          {props.kind === 'folder' && listing.data?.path && (
            <Button onClick={() => props.onChoose(listing.data!.path!)}>Choisir ce dossier</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
