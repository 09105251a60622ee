import {
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  EVALUATION_LEVEL_LABELS,
  EVALUATION_LEVELS,
  EVALUATION_MOMENT_LABELS,
  EVALUATION_MOMENTS,
  EVALUATOR_LABELS,
  EVALUATORS,
  GRID_SECTION_LABELS,
  type EvaluationLevel,
  type EvaluationMoment,
  type EvaluationSheet,
  type Evaluator,
} from '@shared/contract/evaluations';
import { formatFrenchDate } from '@shared/dates';
import { useApiMutation } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from '../people/defaults';
import { SkillsChart } from './SkillsChart';
import { DateField } from '../../ui/DateField';

type Line = { level: EvaluationLevel; comment: string };

/** One evaluation (a moment, an evaluator) on the worksite's grid, every line with a level and a comment. */
function EvaluationForm({
  sheet,
  moment,
  evaluator,
}: {
  sheet: EvaluationSheet;
  moment: EvaluationMoment;
  evaluator: Evaluator;
}) {
  const existing = sheet.evaluations.find((e) => e.moment === moment && e.evaluator === evaluator);
  const today = todayInFrance();
  const [date, setDate] = useState<string | null>(
    existing?.evaluatedOn ?? (today < sheet.participation.end ? today : sheet.participation.end),
  );
  const [lines, setLines] = useState<Record<number, Line>>(() =>
    Object.fromEntries(
      sheet.criteria.map((c) => {
        const item = existing?.items.find((i) => i.criterionId === c.id);
        return [c.id, { level: item?.level ?? 'non_evalue', comment: item?.comment ?? '' }];
      }),
    ),
  );
  const save = useApiMutation('evaluations/save');
  // Archived lines show only where they were already evaluated.
  const shown = sheet.criteria.filter((c) => !c.archived || existing?.items.some((i) => i.criterionId === c.id));
  const sections = [...new Set(shown.map((c) => c.section))];
  const set = (id: number, change: Partial<Line>) =>
    setLines((current) => ({ ...current, [id]: { ...current[id]!, ...change } }));
  const submit = async () => {
    try {
      await save.mutateAsync({
        participationId: sheet.participation.id,
        evaluation: {
          moment,
          evaluator,
          evaluatedOn: date ?? '',
          items: shown.map((c) => ({ criterionId: c.id, ...lines[c.id]! })),
        },
      });
      notifySuccess(
        `L’évaluation (${EVALUATION_MOMENT_LABELS[moment].toLowerCase()}, ${EVALUATOR_LABELS[evaluator].toLowerCase()}) est enregistrée.`,
      );
    } catch (error) {
      notifyFailure(error, 'L’évaluation n’est pas enregistrée');
    }
  };
  return (
    <Stack>
      <Group align="flex-end">
        <DateField label="Date de l’évaluation" value={date} onChange={setDate} w={200} />
        {existing && (
          <Text size="sm" c="dimmed">
            Enregistrée le {formatFrenchDate(existing.evaluatedOn)}
            {existing.authorName ? ` par ${existing.authorName}` : ''}.
          </Text>
        )}
      </Group>
      <Table aria-label="Grille d’évaluation">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Compétence</Table.Th>
            <Table.Th w={260}>Niveau</Table.Th>
            <Table.Th>Commentaire</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sections.flatMap((section) => [
            <Table.Tr key={section}>
              <Table.Th colSpan={3}>{GRID_SECTION_LABELS[section]}</Table.Th>
            </Table.Tr>,
            ...shown
              .filter((c) => c.section === section)
              .map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Niveau — ${c.label}`}
                      data={EVALUATION_LEVELS.map((l) => ({ value: l, label: EVALUATION_LEVEL_LABELS[l] }))}
                      value={lines[c.id]!.level}
                      onChange={(e) => set(c.id, { level: e.currentTarget.value as EvaluationLevel })}
                      miw={250}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Commentaire — ${c.label}`}
                      value={lines[c.id]!.comment}
                      onChange={(e) => set(c.id, { comment: e.currentTarget.value })}
                      maxLength={500}
                    />
                  </Table.Td>
                </Table.Tr>
              )),
          ])}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={save.isPending}>
          Enregistrer l’évaluation
        </Button>
      </Group>
    </Stack>
  );
}

/** Evaluations at start, mid-way and end, by the supervisor and by the person, and the chart that compares them. */
export function EvaluationTab({ sheet }: { sheet: EvaluationSheet }) {
  const [moment, setMoment] = useState<EvaluationMoment>('debut');
  const [evaluator, setEvaluator] = useState<Evaluator>('encadrant');
  return (
    <Stack>
      <Card withBorder>
        <Group mb="md">
          <SegmentedControl
            aria-label="Moment de l’évaluation"
            value={moment}
            onChange={(v) => setMoment(v as EvaluationMoment)}
            data={EVALUATION_MOMENTS.map((m) => ({ value: m, label: EVALUATION_MOMENT_LABELS[m] }))}
          />
          <SegmentedControl
            aria-label="Qui évalue"
            value={evaluator}
            onChange={(v) => setEvaluator(v as Evaluator)}
            data={EVALUATORS.map((e) => ({
              value: e,
              label: e === 'encadrant' ? 'Encadrant' : 'Auto-évaluation de la personne',
            }))}
          />
        </Group>
        {evaluator === 'participant' && (
          <Text size="sm" mb="sm">
            La personne se situe elle-même sur chaque ligne (« se jauger ») ; vous saisissez ses réponses avec elle.
          </Text>
        )}
        <EvaluationForm
          key={`${moment}-${evaluator}-${sheet.evaluations.length}`}
          sheet={sheet}
          moment={moment}
          evaluator={evaluator}
        />
      </Card>
      <Card withBorder>
        <Title order={3} mb="sm">
          Encadrant et auto-évaluation, côte à côte
        </Title>
        <SkillsChart sheet={sheet} />
      </Card>
    </Stack>
  );
}
