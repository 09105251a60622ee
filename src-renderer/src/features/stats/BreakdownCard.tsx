import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { PERSON_BREAKDOWNS, type BreakdownTable, type PersonBreakdown } from '@shared/contract/stats';
import { countText, Info, SmallMark } from './Info';

/** One breakdown: its numbers (clickable to the people they count, for staff) beside a bar chart. */
export function BreakdownCard({
  table,
  onOpen,
}: {
  table: BreakdownTable;
  onOpen: ((breakdown: PersonBreakdown, category: string, label: string) => void) | null;
}) {
  const person = (PERSON_BREAKDOWNS as readonly string[]).includes(table.key);
  const shown = table.rows.filter((r) => r.count !== 0 || table.rows.length <= 8);
  // A hidden count draws no bar.
  const drawn = shown.filter((r) => r.count !== null);
  return (
    <Card withBorder>
      <Group gap={4} mb="xs">
        <Title order={3}>{table.label}</Title>
        <Info text={table.info} label={table.label} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table aria-label={table.label}>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">
                  {person && onOpen && r.count !== null && r.count > 0 ? (
                    <Anchor
                      component="button"
                      onClick={() => onOpen(table.key as PersonBreakdown, r.key, `${table.label} : ${r.label}`)}
                      aria-label={`${r.count} — voir les personnes : ${r.label}`}
                    >
                      {r.count}
                    </Anchor>
                  ) : (
                    countText(r)
                  )}
                  <SmallMark count={r.count} />
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th>Total</Table.Th>
              <Table.Th ta="right">{countText(table.total)}</Table.Th>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {table.total.count !== 0 ? (
          <BarChart
            h={Math.max(120, drawn.length * 30 + 30)}
            data={drawn.map((r) => ({ label: r.label, Effectif: r.count }))}
            dataKey="label"
            orientation="vertical"
            series={[{ name: 'Effectif', color: 'teal.6' }]}
            yAxisProps={{ width: 150 }}
            gridAxis="none"
            withXAxis={false}
            withBarValueLabel
          />
        ) : (
          <Text c="dimmed" size="sm">
            Rien à compter sur la période.
          </Text>
        )}
      </SimpleGrid>
    </Card>
  );
}
