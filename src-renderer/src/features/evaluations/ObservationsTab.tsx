import { Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { supervisesWorksites } from '@shared/capabilities';
import {
  OBSERVATION_KIND_LABELS,
  OBSERVATION_KINDS,
  observationInput,
  type Observation,
  type ObservationInput,
} from '@shared/contract/evaluations';
import { OBSTACLE_KIND_LABELS, OBSTACLE_KINDS } from '@shared/contract/journey-lists';
import { obstacleInput, type ObstacleInput } from '@shared/contract/people';
import { formatFrenchDate } from '@shared/dates';
import { useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { saveForm, validateSection } from '../../ui/form-errors';
import { todayInFrance } from '../people/defaults';
import { Modal } from '@mantine/core';
import { DateField } from '../../ui/DateField';
import { WithHelp } from '../../ui/TermHelp';

/** The social worker turns what the supervisor noticed into one of the person's freins. */
function QualifyModal({ observation, onClose }: { observation: Observation; onClose: () => void }) {
  const form = useForm<{ obstacle: ObstacleInput }>({
    initialValues: {
      obstacle: { kind: null as never, identifiedOn: observation.observedOn, actions: '', resolvedOn: null },
    },
  });
  const qualify = useApiMutation('observations/qualify');
  const submit = async () => {
    const obstacle = form.getValues().obstacle;
    if (!validateSection(form, 'obstacle', obstacleInput, obstacle)) return;
    await saveForm(
      form,
      () => qualify.mutateAsync({ observationId: observation.id, obstacle }),
      'Le frein est ajouté à la fiche de la personne.',
      onClose,
    );
  };
  return (
    <Modal opened onClose={onClose} title="Qualifier en frein" size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Text size="sm">« {observation.text} »</Text>
          <NativeSelect
            label={<WithHelp term="frein">Frein</WithHelp>}
            withAsterisk
            data={[
              { value: '', label: 'Choisissez…' },
              ...OBSTACLE_KINDS.map((k) => ({ value: k, label: OBSTACLE_KIND_LABELS[k] })),
            ]}
            {...form.getInputProps('obstacle.kind')}
            value={form.getValues().obstacle.kind ?? ''}
          />
          <DateField label="Repéré le" withAsterisk {...form.getInputProps('obstacle.identifiedOn')} />
          <Textarea label="Actions engagées" autosize minRows={2} {...form.getInputProps('obstacle.actions')} />
          <FormActions onCancel={onClose} submitLabel="Ajouter le frein" loading={qualify.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

function AddObservation({ participationId }: { participationId: number }) {
  const blank: ObservationInput = { observedOn: todayInFrance(), kind: 'frein_possible', text: '' };
  const form = useForm<{ observation: ObservationInput }>({ initialValues: { observation: blank } });
  const add = useApiMutation('observations/add');
  const submit = async () => {
    const observation = form.getValues().observation;
    if (!validateSection(form, 'observation', observationInput, observation)) return;
    await saveForm(
      form,
      () => add.mutateAsync({ participationId, observation }),
      'L’observation est enregistrée.',
      () => form.setValues({ observation: { ...blank } }),
    );
  };
  return (
    <AsyncForm onSubmit={submit}>
      <Stack>
        <Group align="flex-start">
          <DateField label="Date" w={160} {...form.getInputProps('observation.observedOn')} />
          <NativeSelect
            label="Type"
            data={OBSERVATION_KINDS.map((k) => ({ value: k, label: OBSERVATION_KIND_LABELS[k] }))}
            {...form.getInputProps('observation.kind')}
          />
        </Group>
        <Textarea label="Ce que vous avez remarqué" autosize minRows={2} {...form.getInputProps('observation.text')} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Ajouter l’observation
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}

/** What the supervisor notices on the worksite; the social worker reads and qualifies it, the supervisor reads back his own. */
export function ObservationsTab({ participationId }: { participationId: number }) {
  const { can, user } = useSignedIn();
  const list = useApiQuery('observations/list', { participationId });
  const [qualifying, setQualifying] = useState<Observation | null>(null);
  return (
    <Stack>
      <Card withBorder>
        <Title order={3} mb="sm">
          Nouvelle observation
        </Title>
        {supervisesWorksites(user.role) && (
          <Text size="sm" mb="sm" c="dimmed">
            Notez des faits observés sur le chantier. Le travailleur social les lit et décide s’il s’agit d’un frein.
          </Text>
        )}
        <AddObservation participationId={participationId} />
      </Card>
      <Card withBorder>
        <Title order={3} mb="sm">
          Observations
        </Title>
        {list.data?.length === 0 && <Text c="dimmed">Aucune observation.</Text>}
        {list.data && list.data.length > 0 && (
          <Table aria-label="Observations">
            <Table.Tbody>
              {list.data.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td w={110}>{formatFrenchDate(o.observedOn)}</Table.Td>
                  <Table.Td w={150}>
                    <Badge
                      variant="light"
                      color={o.kind === 'incident' ? 'red' : o.kind === 'frein_possible' ? 'orange' : 'teal'}
                      style={{ textTransform: 'none' }}
                    >
                      {OBSERVATION_KIND_LABELS[o.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.text}</Text>
                    <Text size="xs" c="dimmed">
                      {o.authorName ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td w={170}>
                    {o.obstacleId !== null ? (
                      <Badge variant="outline" style={{ textTransform: 'none' }}>
                        Qualifiée en frein
                      </Badge>
                    ) : (
                      can('observations/qualify') && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => setQualifying(o)}
                          aria-label={`Qualifier en frein : ${o.text}`}
                        >
                          Qualifier en frein
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {qualifying && <QualifyModal observation={qualifying} onClose={() => setQualifying(null)} />}
    </Stack>
  );
}
