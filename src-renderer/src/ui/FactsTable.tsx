import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One line of a facts table: what it is, and its value; `false`/`null` lines are left out. */
export interface Fact {
  label: string;
  value: ReactNode;
}

/**
 * A short table of facts, label on the left (where the data is kept, which
 * server this PC works with): one look for every settings card that states
 * rather than asks.
 */
export function FactsTable({
  label,
  facts,
  maw,
}: {
  /** Its accessible name. */
  label: string;
  facts: readonly (Fact | false | null | undefined)[];
  maw?: number;
}) {
  const shown = facts.filter((fact): fact is Fact => Boolean(fact));
  return (
    <Table variant="vertical" withTableBorder maw={maw} aria-label={label}>
      <Table.Tbody>
        {shown.map((fact, i) => (
          <Table.Tr key={fact.label}>
            <Table.Th w={i === 0 ? 220 : undefined}>{fact.label}</Table.Th>
            <Table.Td>{fact.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
