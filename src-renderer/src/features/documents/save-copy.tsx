import { Button, Group } from '@mantine/core';
import { useApiMutation, useApiQuery } from '../../api/client';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure } from '../../ui/notify';
import { notifications } from '@mantine/notifications';

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
