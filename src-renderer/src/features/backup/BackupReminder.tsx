import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { formatFrenchInstant } from '@shared/paris-time';
import type { BackupStatus } from '@shared/contract/backup';
import { BACKUP_ON_SERVER } from '@shared/contract/files';
import { fileSizeLabel } from '@shared/dates';
import { useApiMutation, useApiQuery } from '../../api/client';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/** When something happened, in words: "23/11/2026 à 17:05". */
export const when = formatFrenchInstant;

/** The last verified USB backup, red after 7 days: on the dashboard and the Sauvegardes page. */
export function LastBackup({ status }: { status: BackupStatus }) {
  const info = useApiQuery('app/info');
  if (!status.lastBackup)
    return (
      <Alert color="red" title="Aucune sauvegarde sur clé USB">
        {info.data?.filesFrom === 'client'
          ? 'Faites une première sauvegarde sur le PC serveur Passerelle, dans Sauvegardes.'
          : 'Faites une première sauvegarde dans Sauvegardes.'}
      </Alert>
    );
  return (
    <Alert
      color={status.stale ? 'red' : 'teal'}
      title={status.stale ? 'Dernière sauvegarde il y a plus de 7 jours' : 'Sauvegarde vérifiée'}
    >
      Le {when(status.lastBackup.at)}, {fileSizeLabel(status.lastBackup.size)}, dans {status.lastBackup.path}
      {status.lastBackup.previousVerified === false &&
        ' — attention : la sauvegarde précédente sur cette clé ne se relit plus, la clé est peut-être défaillante.'}
    </Alert>
  );
}

/** The running backup's step and percentage, asked of the main process while it works. */
function BackupProgressBar() {
  const progress = useApiQuery('backup/progress', undefined, { refetchInterval: 300, gcTime: 0 });
  const run = progress.data;
  return (
    <Stack gap={4} mt="sm">
      <Progress value={run?.percent ?? 0} size="lg" animated aria-label="Avancement de la sauvegarde" />
      <Text size="sm">
        {run ? `${run.step}… ${run.percent} %` : 'Préparation…'} Vous pouvez continuer à travailler ; ne retirez pas la
        clé avant la fin.
      </Text>
    </Stack>
  );
}

/** "Sauvegarder sur clé USB": one click into the remembered folder, or another one; the progress bar while it runs. */
export function BackupButtons({ status: s }: { status: BackupStatus }) {
  const info = useApiQuery('app/info');
  if (info.data?.filesFrom === 'client') return <BackupOnServer />;
  return <BackupButtonsHere status={s} />;
}

/** On a client PC (main is the office's server, issue 29): the backups are made on the server's PC. */
export function BackupOnServer() {
  return (
    <Alert color="blue" title="Sauvegardes : sur le PC serveur">
      {BACKUP_ON_SERVER}
    </Alert>
  );
}

function BackupButtonsHere({ status: s }: { status: BackupStatus }) {
  const create = useApiMutation('backup/create');
  const choose = useChooseFile();
  const backupTo = async (folder: string | null) => {
    if (!folder) return;
    try {
      await create.mutateAsync({ folder });
      notifySuccess('Sauvegarde vérifiée.');
    } catch (failure) {
      notifyFailure(failure, 'La sauvegarde n’est pas faite');
    }
  };
  return (
    <>
      <Group>
        {s.lastFolder && (
          <Button onClick={() => void backupTo(s.lastFolder)} loading={create.isPending}>
            Sauvegarder dans « {s.lastFolder.split(/[\\/]/).filter(Boolean).at(-1)} »
          </Button>
        )}
        <Button
          variant={s.lastFolder ? 'light' : 'filled'}
          loading={create.isPending}
          onClick={async () => void backupTo(await choose('export', 'folder'))}
        >
          {s.lastFolder ? 'Autre dossier…' : 'Sauvegarder sur clé USB…'}
        </Button>
      </Group>
      {create.isPending && <BackupProgressBar />}
    </>
  );
}
