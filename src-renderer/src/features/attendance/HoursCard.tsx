import { Alert, Card, Loader, SimpleGrid, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { Fragment, useState } from 'react';
import { IconChevronDown, IconChevronRight, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { HoursRow } from '@shared/contract/attendance';
import { COMPLEMENTARY_DEFINITION } from '@shared/contract/payroll';
import { formatDuration } from '@shared/time';
import { formatFrenchDate, frenchMonth } from '@shared/dates';
import { attendanceRateText } from '@shared/attendance-rate';
import { errorMessage, useApiQuery } from '../../api/client';

const RATE_DEFINITION =
  'Taux de présence : demi-journées où la personne était présente (même en retard) ÷ demi-journées tenues jusqu’à aujourd’hui ; les demi-journées annulées ne comptent pas.';

export function rate(row: Pick<HoursRow, 'attended' | 'held'>): string {
  return attendanceRateText(row.attended, row.held);
}

/** Planned, worked and paid hours with the attendance rate, per participant of a worksite or per contract of a person. */
/** `totalLabel`: what the worksite's total counts (a social worker's total covers her people only). */
export function HoursCard(props: ({ worksiteId: number } | { personId: number }) & { totalLabel?: string }) {
  const { totalLabel = 'Total du chantier', ...query } = props;
  const hours = useApiQuery('attendance/hours', query);
  const [opened, setOpened] = useState<number | null>(null);
  const byPerson = 'personId' in props;
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        Heures et présence
      </Title>
      {hours.isPending && <Loader size="sm" />}
      {hours.error && <Alert color="red">{errorMessage(hours.error)}</Alert>}
      {hours.data && hours.data.rows.length === 0 && <Text c="dimmed">Aucun contrat pour l’instant.</Text>}
      {hours.data && hours.data.rows.length > 0 && (
        <Table aria-label="Heures et présence">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{byPerson ? 'Chantier' : 'Personne'}</Table.Th>
              <Table.Th ta="right">Prévues</Table.Th>
              <Table.Th ta="right">Travaillées</Table.Th>
              <Table.Th ta="right">Payées</Table.Th>
              <Table.Th ta="right">
                <Tooltip label={COMPLEMENTARY_DEFINITION} multiline w={360}>
                  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                    Complémentaires <IconInfoCircle size={14} aria-hidden />
                  </span>
                </Tooltip>
              </Table.Th>
              <Table.Th ta="right">
                <Tooltip label={RATE_DEFINITION} multiline w={320}>
                  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                    Présence <IconInfoCircle size={14} aria-hidden />
                  </span>
                </Tooltip>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hours.data.rows.map((r) => (
              <Fragment key={r.participationId}>
                <Table.Tr>
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => setOpened(opened === r.participationId ? null : r.participationId)}
                      aria-label={`Détail des heures : ${byPerson ? r.worksiteName : r.name}`}
                      mr={6}
                    >
                      {opened === r.participationId ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                    </UnstyledButton>
                    {byPerson ? (
                      <Link to={`/worksites/${r.worksiteId}`}>{r.worksiteName}</Link>
                    ) : (
                      <Link to={`/people/${r.personId}`}>{r.name}</Link>
                    )}
                    {r.regularisations.map((g, index) => (
                      // One régularisation per pay line: a day can have several (normal hours, heures complémentaires, an unpaid absence).
                      <Text key={`${g.date}-${index}`} size="xs" c="orange">
                        Régularisation du {formatFrenchDate(g.date)} :{' '}
                        {g.paidDelta === 0
                          ? 'heures payées inchangées'
                          : `${g.paidDelta < 0 ? '− ' : '+ '}${formatDuration(Math.abs(g.paidDelta))} payées`}{' '}
                        ({g.reason}){g.sent ? ', envoyée' : ', à envoyer'}
                      </Text>
                    ))}
                    {r.warnings.map((w) => (
                      <Text key={w} size="xs" c="red">
                        {w}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td ta="right">{formatDuration(r.planned)}</Table.Td>
                  <Table.Td ta="right">{formatDuration(r.worked)}</Table.Td>
                  <Table.Td ta="right">{formatDuration(r.paid)}</Table.Td>
                  <Table.Td ta="right">{formatDuration(r.complementary)}</Table.Td>
                  <Table.Td ta="right">{rate(r)}</Table.Td>
                </Table.Tr>
                {opened === r.participationId && (
                  <Table.Tr>
                    <Table.Td colSpan={6} bg="gray.0">
                      <PeriodDetail row={r} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
            {!byPerson && (
              <Table.Tr fw={700}>
                <Table.Td>{totalLabel}</Table.Td>
                <Table.Td ta="right">{formatDuration(hours.data.totals.planned)}</Table.Td>
                <Table.Td ta="right">{formatDuration(hours.data.totals.worked)}</Table.Td>
                <Table.Td ta="right">{formatDuration(hours.data.totals.paid)}</Table.Td>
                <Table.Td ta="right">{formatDuration(hours.data.totals.complementary)}</Table.Td>
                <Table.Td ta="right">{rate(hours.data.totals)}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {RATE_DEFINITION} Heures payées : travaillées, temps annexes rémunérés effectués, demi-journées annulées par la
        structure, absences payées et jours fériés payés (le 1er mai toujours, les autres après 3 mois d’ancienneté).{' '}
        {COMPLEMENTARY_DEFINITION}
      </Text>
    </Card>
  );
}

/** One contract's hours by month and by week. */
function PeriodDetail({ row }: { row: HoursRow }) {
  const table = (
    label: string,
    periods: { key: string; name: string; planned: number; worked: number; paid: number; complementary?: number }[],
  ) => (
    <Table aria-label={label} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label}</Table.Th>
          <Table.Th ta="right">Prévues</Table.Th>
          <Table.Th ta="right">Travaillées</Table.Th>
          <Table.Th ta="right">Payées</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {periods.map((p) => (
          <Table.Tr key={p.key}>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td ta="right">{formatDuration(p.planned)}</Table.Td>
            <Table.Td ta="right">{formatDuration(p.worked)}</Table.Td>
            <Table.Td ta="right">
              {formatDuration(p.paid)}
              {p.complementary ? ` (dont ${formatDuration(p.complementary)} compl.)` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} style={{ alignItems: 'start' }}>
      {table(
        'Par mois',
        row.months.map((m) => ({ key: m.month, name: frenchMonth(m.month), ...m })),
      )}
      {table(
        'Par semaine',
        row.weeks.map((w) => ({ key: w.weekOf, name: `Semaine du ${formatFrenchDate(w.weekOf)}`, ...w })),
      )}
    </SimpleGrid>
  );
}
