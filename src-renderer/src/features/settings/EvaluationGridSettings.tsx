import { Accordion, Alert, Button, Group, Loader, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { GRID_SECTION_LABELS, GRID_SECTIONS, type Criterion, type GridSection } from '@shared/contract/evaluations';
import { ApiError, errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { notifyFailure } from '../../ui/notify';

function AddLine({ section }: { section: GridSection }) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('evaluations/saveCriterion');
  const add = async () => {
    try {
      await save.mutateAsync({ criterion: { section, label } });
      setLabel('');
    } catch (failure) {
      // About the line typed: said under it, not in a notice as well.
      if (failure instanceof ApiError && failure.payload.field) setError(failure.message);
      else notifyFailure(failure, 'La ligne n’est pas ajoutée');
    }
  };
  return (
    <AsyncForm onSubmit={add}>
      <Group align="flex-end">
        <TextInput
          label="Nouvelle ligne"
          value={label}
          error={error}
          onChange={(e) => {
            setLabel(e.currentTarget.value);
            setError(null);
          }}
          w={380}
          aria-label={`Nouvelle ligne — ${GRID_SECTION_LABELS[section]}`}
        />
        <Button type="submit" variant="light" disabled={label.trim() === ''} loading={save.isPending}>
          Ajouter
        </Button>
      </Group>
    </AsyncForm>
  );
}

function Line({ criterion }: { criterion: Criterion }) {
  const save = useApiMutation('evaluations/saveCriterion');
  return (
    <Group justify="space-between">
      <Text
        size="sm"
        c={criterion.archived ? 'dimmed' : undefined}
        td={criterion.archived ? 'line-through' : undefined}
      >
        {criterion.label}
      </Text>
      <Switch
        label="En usage"
        checked={!criterion.archived}
        onChange={async (e) => {
          try {
            await save.mutateAsync({
              id: criterion.id,
              criterion: { section: criterion.section, label: criterion.label, archived: !e.currentTarget.checked },
            });
          } catch (error) {
            notifyFailure(error);
          }
        }}
      />
    </Group>
  );
}

/** The evaluation grid: savoir-être for all, savoir-faire per activity support; a line taken out of use stays in past evaluations. */
export function EvaluationGridSettings() {
  const grid = useApiQuery('evaluations/grid');
  if (grid.isPending) return <Loader />;
  if (grid.error) return <Alert color="red">{errorMessage(grid.error)}</Alert>;
  return (
    <Stack maw={760}>
      <Text size="sm">
        Chaque chantier est évalué sur le savoir-être et sur le savoir-faire de son support d’activité, avec l’échelle :
        non acquis, en cours d’acquisition, acquis, maîtrisé (ou non évalué).
      </Text>
      <Accordion variant="separated" defaultValue="savoir_etre">
        {GRID_SECTIONS.map((section) => (
          <Accordion.Item key={section} value={section}>
            <Accordion.Control>{GRID_SECTION_LABELS[section]}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                {grid.data
                  .filter((c) => c.section === section)
                  .map((c) => (
                    <Line key={c.id} criterion={c} />
                  ))}
                <AddLine section={section} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
