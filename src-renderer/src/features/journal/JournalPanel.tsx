import { Alert, Badge, Button, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFilterOff, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '@shared/contract';
import {
  JOURNAL_ACTION_LABELS,
  JOURNAL_OUTCOMES,
  type JournalEntry,
  type JournalFilter,
} from '@shared/contract/journal';
import { journalActionOf } from '@shared/journal-actions';
import { formatFrenchInstant } from '@shared/paris-time';
import { call, errorMessage, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useChooseFile } from '../files/FileChooser';
import { JournalFilters } from './JournalFilters';
import { countOf } from '@shared/french';

const PAGE_SIZE = 50;

const OUTCOME_COLORS: Record<string, string> = { réussi: 'green', refusé: 'red', anomalie: 'orange' };

function Outcome({ action }: { action: JournalEntry['action'] }) {
  const outcome = JOURNAL_OUTCOMES[action];
  return (
    <Badge variant="light" tt="none" color={OUTCOME_COLORS[outcome] ?? 'gray'}>
      {outcome}
    </Badge>
  );
}

function ResetFilters({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={16} />} onClick={onClick}>
      Tout afficher
    </Button>
  );
}

/** The access journal: who did what, when, on whose records. Kept 12 months. */
export function JournalPanel() {
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<JournalFilter>({});
  const journal = useApiQuery('journal/list', { ...filter, page, pageSize: PAGE_SIZE });
  const choose = useChooseFile();
  const [check, setCheck] = useState<MethodOutput<'journal/verify'> | null>(null);
  const [busy, setBusy] = useState(false);
  const filtered = Object.values(filter).some((value) => value !== undefined);
  // While a new filter loads, the action filter keeps the actions it offered.
  const [methods, setMethods] = useState<readonly string[]>([]);
  if (journal.data && journal.data.methods !== methods) setMethods(journal.data.methods);

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
      const result = await call('journal/export', { ...filter, folder });
      notifySuccess(`${countOf(result.count, 'entrée exportée', 'entrées exportées')} dans ${result.path}`);
    } catch (error) {
      notifyFailure(error, 'Le journal n’a pas été exporté');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text maw={760}>
        Le journal garde la trace de chaque modification, de chaque consultation de données sensibles et de chaque
        export, pendant 12 mois. Il ne garde que des numéros d’enregistrement : les noms ci-dessous sont retrouvés au
        moment de l’affichage, et une personne anonymisée y reste anonyme.
      </Text>
      <Group>
        <Button variant="light" leftSection={<IconShieldCheck size={18} />} onClick={() => void verify()}>
          Vérifier l’intégrité
        </Button>
        <Button
          variant="light"
          leftSection={<IconDownload size={18} />}
          loading={busy}
          onClick={() => void exportCsv()}
        >
          {filtered ? 'Exporter ces entrées en CSV…' : 'Exporter en CSV…'}
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
                Conservez une copie du dossier de données et prévenez votre responsable ou votre délégué à la protection
                des données.
              </Text>
            </Stack>
          </Alert>
        ))}
      <JournalFilters
        filter={filter}
        methods={methods}
        onChange={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      {journal.isPending && <Loader />}
      {journal.error && <Alert color="red">{errorMessage(journal.error)}</Alert>}
      {journal.data && journal.data.total === 0 && (
        <Group>
          <Text c="dimmed">{filtered ? 'Aucune entrée ne correspond à ces critères.' : 'Le journal est vide.'}</Text>
          {filtered && <ResetFilters onClick={() => setFilter({})} />}
        </Group>
      )}
      {journal.data && journal.data.total > 0 && (
        <>
          <Group justify="space-between">
            <Text size="sm">
              {journal.data.total} {journal.data.total > 1 ? 'entrées' : 'entrée'}
            </Text>
            {filtered && <ResetFilters onClick={() => setFilter({})} />}
          </Group>
          <Table withTableBorder striped aria-label="Journal des accès">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Compte</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Résultat</Table.Th>
                <Table.Th>Enregistrements</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {journal.data.entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{formatFrenchInstant(entry.at)}</Table.Td>
                  <Table.Td>{entry.userName ?? 'Passerelle'}</Table.Td>
                  <Table.Td>{journalActionOf(entry.method)}</Table.Td>
                  <Table.Td>{JOURNAL_ACTION_LABELS[entry.action]}</Table.Td>
                  <Table.Td>
                    <Outcome action={entry.action} />
                  </Table.Td>
                  <Table.Td>
                    {entry.records.map((record) => (
                      <Text key={record.ref} size="sm" title={record.ref}>
                        {record.label}
                      </Text>
                    ))}
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
