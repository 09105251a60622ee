import { BarChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import {
  EVALUATION_LEVEL_LABELS,
  EVALUATION_MOMENT_LABELS,
  EVALUATION_MOMENTS,
  type Criterion,
  type EvaluationLevel,
  type EvaluationSheet,
} from '@shared/contract/evaluations';

/** The scale as a bar length; "non évalué" draws nothing. */
const SCORE: Record<EvaluationLevel, number | null> = {
  non_evalue: null,
  non_acquis: 1,
  en_cours: 2,
  acquis: 3,
  maitrise: 4,
};
const SHORT: Record<number, string> = { 1: 'Non acquis', 2: 'En cours', 3: 'Acquis', 4: 'Maîtrisé' };

function levelOf(
  sheet: EvaluationSheet,
  evaluator: 'encadrant' | 'participant',
  moment: string,
  criterionId: number,
): EvaluationLevel | null {
  const level = sheet.evaluations
    .find((e) => e.evaluator === evaluator && e.moment === moment)
    ?.items.find((i) => i.criterionId === criterionId)?.level;
  return level && level !== 'non_evalue' ? level : null;
}

/** The person's own last view of a skill (end, else mid-way, else start). */
function selfOf(sheet: EvaluationSheet, criterionId: number) {
  return (
    ['fin', 'mi_parcours', 'debut'].map((m) => levelOf(sheet, 'participant', m, criterionId)).find((l) => l !== null) ??
    null
  );
}

const SERIES = [
  { name: 'Début (encadrant)', color: 'gray.5' },
  { name: 'Mi-parcours (encadrant)', color: 'blue.4' },
  { name: 'Fin (encadrant)', color: 'teal.6' },
  { name: 'Auto-évaluation', color: 'orange.5' },
];

/**
 * Supervisor's levels at each moment beside the person's own, as grouped
 * bars, with the same figures in a table: what staff and the person talk
 * about when the two views differ.
 */
export function SkillsChart({ sheet }: { sheet: EvaluationSheet }) {
  const rows = sheet.criteria
    .map((c: Criterion) => ({
      criterion: c,
      levels: [...EVALUATION_MOMENTS.map((m) => levelOf(sheet, 'encadrant', m, c.id)), selfOf(sheet, c.id)],
    }))
    .filter((r) => r.levels.some((l) => l !== null));
  if (rows.length === 0)
    return <Text c="dimmed">Aucune évaluation pour l’instant : le graphique apparaîtra dès la première.</Text>;
  const data = rows.map((r) =>
    Object.fromEntries([
      ['skill', r.criterion.label],
      ...SERIES.map((s, i) => [s.name, r.levels[i] ? SCORE[r.levels[i]!] : 0]),
    ]),
  );
  return (
    <>
      <BarChart
        h={rows.length * 56 + 80}
        data={data}
        dataKey="skill"
        orientation="vertical"
        series={SERIES}
        withLegend
        gridAxis="x"
        yAxisProps={{ width: 230 }}
        xAxisProps={{ domain: [0, 4], ticks: [1, 2, 3, 4], tickFormatter: (v: number) => SHORT[v] ?? '' }}
        valueFormatter={(v) => SHORT[v] ?? 'Non évalué'}
        aria-label="Graphique des compétences : encadrant et auto-évaluation"
      />
      <Table aria-label="Évolution des compétences" mt="md" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Compétence</Table.Th>
            {EVALUATION_MOMENTS.map((m) => (
              <Table.Th key={m}>{EVALUATION_MOMENT_LABELS[m]} (encadrant)</Table.Th>
            ))}
            <Table.Th>Auto-évaluation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.criterion.id}>
              <Table.Td>{r.criterion.label}</Table.Td>
              {r.levels.map((l, i) => (
                <Table.Td key={i}>{l ? EVALUATION_LEVEL_LABELS[l] : '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
