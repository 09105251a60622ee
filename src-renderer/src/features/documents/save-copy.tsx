import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { call, useApiMutation, useApiQuery } from '../../api/client';
import { downloadBytes } from '../../api/downloads';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure } from '../../ui/notify';
import { notifications } from '@mantine/notifications';

/**
 * On a client PC (main is the office's server, issue 29): the stored file is
 * sent here and downloaded, since a folder on the server means nothing to
 * the person at this PC.
 */
function DownloadButton({ documentId, attachmentId }: { documentId?: number; attachmentId?: number }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      if (documentId !== undefined) {
        const content = await call('documents/content', { documentId });
        downloadBytes(content.pdfBase64, content.fileName, 'application/pdf');
      } else if (attachmentId !== undefined) {
        const content = await call('documents/attachmentContent', { attachmentId });
        downloadBytes(content.base64, content.fileName, content.mediaType);
      }
    } catch (error) {
      notifyFailure(error, 'Le fichier n’a pas pu être téléchargé');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="light" loading={busy} onClick={() => void download()}>
      Télécharger sur ce PC
    </Button>
  );
}

/**
 * "Enregistrer une copie": into the folder used last time (a USB stick, the
 * shared "Contrats" folder…) or another one chosen now.
 */
export function SaveCopyButtons({
  documentId,
  attachmentId,
  personId,
  worksiteId,
}: {
  documentId?: number;
  attachmentId?: number;
  personId?: number;
  worksiteId?: number;
}) {
  const choose = useChooseFile();
  const info = useApiQuery('app/info');
  const listing = useApiQuery('documents/list', personId !== undefined ? { personId } : { worksiteId });
  const save = useApiMutation('documents/saveCopy');
  const lastFolder = listing.data?.lastFolder ?? null;
  const saveInto = async (folder: string | null) => {
    if (folder === null) return;
    try {
      const { path } = await save.mutateAsync({ documentId, attachmentId, folder });
      notifications.show({ color: 'teal', title: 'Copie enregistrée', message: path });
    } catch (error) {
      notifyFailure(error, 'La copie n’est pas enregistrée');
    }
  };
  if (info.data?.filesFrom === 'client') return <DownloadButton documentId={documentId} attachmentId={attachmentId} />;
  return (
    <Group gap="xs">
      {lastFolder && (
        <Button
          size="xs"
          variant="light"
          loading={save.isPending}
          onClick={() => void saveInto(lastFolder)}
          title={lastFolder}
        >
          Enregistrer dans « {lastFolder.split(/[\\/]/).filter(Boolean).at(-1)} »
        </Button>
      )}
      <Button
        size="xs"
        variant={lastFolder ? 'subtle' : 'light'}
        loading={save.isPending}
        onClick={async () => void saveInto(await choose('export', 'folder'))}
      >
        {lastFolder ? 'Autre dossier…' : 'Enregistrer une copie…'}
      </Button>
    </Group>
  );
}
