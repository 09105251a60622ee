import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  FSE_LABOUR_STATUS_LABELS,
  FSE_SENSITIVE_ITEMS,
  FSE_SENSITIVE_ITEM_LABELS,
  SENSITIVE_ANSWER_LABELS,
  type FsePersonRecord,
} from '@shared/contract/fse-plus';
import { EDUCATION_LEVEL_LABELS } from '@shared/contract/people-lists';
import { formatFrenchDate } from '@shared/dates';
import { useApiQuery } from '../../api/client';
import { todayInFrance } from '../people/defaults';
import { FseEntryModal, FseExitModal, FseSixMonthsModal } from './FseModals';

type Editing =
  | { kind: 'entry'; record: FsePersonRecord | null }
  | { kind: 'exit'; record: FsePersonRecord }
  | { kind: 'sixMonths'; record: FsePersonRecord };

const yes = (value: boolean) => (value ? 'oui' : 'non');

/**
 * The person's FSE+ data, per operation: the answers at entry, at exit and six
 * months after (Regulation (EU) 2021/1057, Annex I), each with its day and who
 * recorded it. The sensitive items are shown only to a role that sees them.
 */
export function FseCard({ personId }: { personId: number }) {
  const data = useApiQuery('fse/person', { personId });
  const operations = useApiQuery('fse/operations');
  const [editing, setEditing] = useState<Editing | null>(null);
  const records = data.data?.records ?? [];
  const joined = new Set(records.map((r) => r.operationId));
  const open = (operations.data ?? [])
    .filter((o) => !joined.has(o.id))
    .map((o) => ({ value: String(o.id), label: `${o.name} (${o.funderName})` }));
  const today = todayInFrance();

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>FSE+</Title>
        {open.length > 0 && (
          <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'entry', record: null })}>
            Entrée dans une opération FSE+
          </Button>
        )}
      </Group>
      {data.data && records.length === 0 && (
        <Text c="dimmed">
          {open.length > 0
            ? 'Aucune donnée FSE+ : enregistrez l’entrée de la personne dans une opération.'
            : 'Aucune opération FSE+ ouverte (à créer dans la page FSE+).'}
        </Text>
      )}
      <Stack>
        {records.map((r) => (
          <Card withBorder key={r.operationId} aria-label={`FSE+ ${r.operationName}`}>
            <Group justify="space-between" mb="xs">
              <div>
                <Text fw={600}>{r.operationName}</Text>
                <Text size="sm" c="dimmed">
                  {r.funderName}
                </Text>
              </div>
              <Group gap="xs">
                <Button size="xs" variant="subtle" onClick={() => setEditing({ kind: 'entry', record: r })}>
                  Modifier l’entrée
                </Button>
                <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'exit', record: r })}>
                  {r.exit ? 'Modifier la sortie' : 'Enregistrer la sortie'}
                </Button>
                {r.exit && (
                  <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'sixMonths', record: r })}>
                    Situation à 6 mois
                  </Button>
                )}
              </Group>
            </Group>
            <Table variant="vertical" layout="fixed" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={220}>Entrée</Table.Th>
                  <Table.Td>
                    <Text size="sm">
                      Le {formatFrenchDate(r.entry.enteredOn)}, à {r.entry.ageAtEntry} ans —{' '}
                      {FSE_LABOUR_STATUS_LABELS[r.entry.labourStatus]} —{' '}
                      {EDUCATION_LEVEL_LABELS[r.entry.educationLevel]} (CITE {r.entry.iscedGroup})
                    </Text>
                    <Text size="sm">
                      Sans domicile ou mal logé : {yes(r.entry.homelessOrHousingExclusion)} — zone rurale :{' '}
                      {yes(r.entry.ruralArea)}
                    </Text>
                    {data.data?.seesSensitive &&
                      FSE_SENSITIVE_ITEMS.map((item) => (
                        <Text size="sm" key={item}>
                          {FSE_SENSITIVE_ITEM_LABELS[item]} :{' '}
                          {r.entry[item] === null ? 'à demander' : SENSITIVE_ANSWER_LABELS[r.entry[item]].toLowerCase()}
                        </Text>
                      ))}
                    <Text size="xs" c="dimmed">
                      Saisi le {formatFrenchDate(r.entry.recorded.at.slice(0, 10))}
                      {r.entry.recorded.by ? ` par ${r.entry.recorded.by}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Sortie</Table.Th>
                  <Table.Td>
                    {r.exit ? (
                      <>
                        <Text size="sm">
                          Le {formatFrenchDate(r.exit.leftOn)} — cherche un emploi : {yes(r.exit.seekingWork)} ; études
                          ou formation : {yes(r.exit.inEducationOrTraining)} ; qualification obtenue :{' '}
                          {yes(r.exit.gainedQualification)} ; en emploi : {yes(r.exit.inEmployment)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          Saisi le {formatFrenchDate(r.exit.recorded.at.slice(0, 10))}
                          {r.exit.recorded.by ? ` par ${r.exit.recorded.by}` : ''}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Pas encore sortie de l’opération.
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Six mois après</Table.Th>
                  <Table.Td>
                    {r.sixMonths ? (
                      <Text size="sm">
                        Le {formatFrenchDate(r.sixMonths.observedOn)} — en emploi : {yes(r.sixMonths.inEmployment)} ;
                        situation améliorée : {yes(r.sixMonths.improvedSituation)}
                      </Text>
                    ) : r.sixMonthsDueOn ? (
                      <Group gap="xs">
                        <Text size="sm">À recueillir à partir du {formatFrenchDate(r.sixMonthsDueOn)}</Text>
                        {r.sixMonthsDueOn <= today && <Badge color="orange">À faire</Badge>}
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Après la sortie.
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
        ))}
      </Stack>
      {editing?.kind === 'entry' && data.data && (
        <FseEntryModal
          personId={personId}
          seesSensitive={data.data.seesSensitive}
          record={editing.record}
          operations={
            editing.record ? [{ value: String(editing.record.operationId), label: editing.record.operationName }] : open
          }
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'exit' && (
        <FseExitModal personId={personId} record={editing.record} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'sixMonths' && (
        <FseSixMonthsModal personId={personId} record={editing.record} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
