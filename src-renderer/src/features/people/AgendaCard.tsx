import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ANNEX_KIND_LABELS, HALF_DAY_LABELS } from '@shared/contract/worksites';
import { formatFrenchDate, weekdayOf } from '@shared/dates';
import { WEEKDAY_LABELS } from '@shared/contract/worksites';
import { useApiQuery } from '../../api/client';

/** The person's half-days and annex times on their worksites. */
export function AgendaCard({ personId }: { personId: number }) {
  const agenda = useApiQuery('worksites/personAgenda', { personId });
  if (!agenda.data || agenda.data.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        Agenda
      </Title>
      <Table aria-label="Agenda de la personne">
        <Table.Tbody>
          {agenda.data.map((e, i) => (
            <Table.Tr key={i} style={{ textDecoration: e.cancelled ? 'line-through' : undefined }}>
              <Table.Td w={200} style={{ whiteSpace: 'nowrap' }}>
                {WEEKDAY_LABELS[weekdayOf(e.date)] ?? 'Dimanche'} {formatFrenchDate(e.date)}
              </Table.Td>
              <Table.Td w={120}>
                {e.start}–{e.end}
              </Table.Td>
              <Table.Td>
                {e.kind === 'morning' || e.kind === 'afternoon' ? (
                  <Text size="sm">{HALF_DAY_LABELS[e.kind]} de chantier</Text>
                ) : (
                  <Badge variant="light" color="orange" style={{ textTransform: 'none' }}>
                    {ANNEX_KIND_LABELS[e.kind]}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Link to={`/worksites/${e.worksiteId}`}>{e.worksiteName}</Link>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
