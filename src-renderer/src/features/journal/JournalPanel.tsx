import { Alert, Button, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '@shared/contract';
import { JOURNAL_ACTION_LABELS } from '@shared/contract/journal';
import { call, errorMessage, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useChooseFile } from '../files/FileChooser';

const PAGE_SIZE = 50;
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });

/** The access journal: who did what, when, on which records (ids only). Kept 12 months. */
export function JournalPanel() {
  const [page, setPage] = useState(1);
  const journal = useApiQuery('journal/list', { page, pageSize: PAGE_SIZE });
  const choose = useChooseFile();
  const [check, setCheck] = useState<MethodOutput<'journal/verify'> | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    try {
      setCheck(await call('journal/verify'));
    } catch (error) {
      notifyFailure(error);
    }
  };

  const exportCsv = async () => {
    try {
      const folder = await choose('export', 'folder');
      if (!folder) return;
      setBusy(true);
      const result = await call('journal/export', { folder });
      notifySuccess(`${result.count} entrées exportées dans ${result.path}`);
    } catch (error) {
      notifyFailure(error, "Le journal n’a pas été exporté");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text maw={760}>
        Le journal garde la trace de chaque modification, de chaque consultation de données sensibles et de chaque export,
        pendant 12 mois. Il ne contient que des numéros d’enregistrement, jamais de noms ni de texte libre.
      </Text>
      <Group>
        <Button variant="light" leftSection={<IconShieldCheck size={18} />} onClick={() => void verify()}>
          Vérifier l’intégrité
        </Button>
        <Button variant="light" leftSection={<IconDownload size={18} />} loading={busy} onClick={() => void exportCsv()}>
          Exporter en CSV…
        </Button>
      </Group>
      {check &&
        (check.valid ? (
          <Alert color="teal">Journal intact : {check.checked} entrées vérifiées.</Alert>
        ) : (
          <Alert color="red" title="Le journal a été modifié en dehors de Passerelle, ou l’horloge a été déréglée">
            <Stack gap={4}>
              {check.findings.map((finding, index) => (
                <Text key={index} size="sm">
                  {finding.message}
                </Text>
              ))}
              <Text size="sm" fw={500}>
                Conservez une copie du dossier de données et prévenez votre responsable ou votre délégué à la protection des données.
              </Text>
            </Stack>
          </Alert>
        ))}
      {journal.isPending && <Loader />}
      {journal.error && <Alert color="red">{errorMessage(journal.error)}</Alert>}
      {journal.data && (
        <>
          <Table withTableBorder striped aria-label="Journal des accès">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Compte</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Opération</Table.Th>
                <Table.Th>Enregistrements</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {journal.data.entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{DATE_TIME.format(new Date(entry.at))}</Table.Td>
                  <Table.Td>{entry.userName ?? '—'}</Table.Td>
                  <Table.Td>{JOURNAL_ACTION_LABELS[entry.action]}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.method}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.records.join(' ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {journal.data.total > PAGE_SIZE && (
            <Pagination value={page} onChange={setPage} total={Math.ceil(journal.data.total / PAGE_SIZE)} />
          )}
        </>
      )}
    </Stack>
  );
}
