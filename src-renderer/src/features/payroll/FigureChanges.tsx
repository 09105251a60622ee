import { Alert, Table, Text } from '@mantine/core';
import type { HandoffView } from '@shared/contract/payroll';
import { formatFrenchDate } from '@shared/dates';
import { formatEuros } from '@shared/money';
import { formatDuration } from '@shared/time';
import { Link } from 'react-router';

const signed = (minutes: number) => (minutes < 0 ? `− ${formatDuration(-minutes)}` : formatDuration(minutes));
const days = (dates: string[]) => dates.map((d) => formatFrenchDate(d).slice(0, 5)).join(', ');

/** Only the days that changed: those added and those gone. */
function dayChanges(before: string[], after: string[]): string {
  const added = after.filter((d) => !before.includes(d));
  const gone = before.filter((d) => !after.includes(d));
  const parts = [...(added.length ? [`+ ${days(added)}`] : []), ...(gone.length ? [`− ${days(gone)}`] : [])];
  return parts.length ? parts.join(' ; ') : 'mêmes jours';
}

/**
 * The kept figures of a validated month against those counted now, per person
 * and pay line: "à revalider" before transmission; after it, what the next
 * month carries as régularisations.
 */
export function FigureChanges({ view }: { view: Pick<HandoffView, 'status' | 'stale' | 'changes'> }) {
  if (view.changes.length === 0) return null;
  const transmitted = view.status === 'transmis';
  return (
    <Alert
      color={transmitted ? 'blue' : 'red'}
      title={
        transmitted
          ? 'Modifié depuis la transmission : reporté en régularisation sur le mois suivant'
          : 'À revalider : les chiffres ont changé depuis la validation'
      }
    >
      <Text size="sm" mb="xs">
        {transmitted
          ? 'Ces écarts entre les chiffres transmis et ceux d’aujourd’hui partent avec le prochain mois validé, en lignes de régularisation.'
          : 'Les fichiers gardés ne correspondent plus aux heures saisies. Validez le mois à nouveau pour refaire les fichiers avant de les transmettre.'}
      </Text>
      <Table aria-label="Changements depuis la validation" withRowBorders={false} verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Personne</Table.Th>
            <Table.Th>Ligne de paie</Table.Th>
            <Table.Th ta="right">Validé</Table.Th>
            <Table.Th ta="right">Maintenant</Table.Th>
            <Table.Th>Jours ajoutés (+) ou retirés (−)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.changes.map((c) => (
            <Table.Tr key={`${c.participationId}-${c.item}`}>
              <Table.Td>
                <Link to={`/people/${c.personId}`}>{c.name}</Link>
              </Table.Td>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td ta="right">
                {signed(c.beforeMinutes)} · {formatEuros(c.beforeCents)}
              </Table.Td>
              <Table.Td ta="right">
                {signed(c.afterMinutes)} · {formatEuros(c.afterCents)}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{dayChanges(c.beforeDates, c.afterDates)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
