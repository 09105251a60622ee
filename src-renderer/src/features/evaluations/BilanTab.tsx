import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { formatFrenchDayOf } from '@shared/paris-time';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ORIENTATION_LABELS, ORIENTATIONS, type Bilan, type BilanInput } from '@shared/contract/bilans';
import { EVALUATION_LEVEL_LABELS, type EvaluationLevel } from '@shared/contract/evaluations';
import { OBSTACLE_KIND_LABELS } from '@shared/contract/journey-lists';
import { formatFrenchDate } from '@shared/dates';
import { attendanceRateText } from '@shared/attendance-rate';
import { formatDuration } from '@shared/time';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { DocumentModal } from '../documents/DocumentModal';
import { saveForm } from '../../ui/form-errors';
import { AsyncForm } from '../../ui/AsyncForm';
import { WithHelp } from '../../ui/TermHelp';
import { deName } from '@shared/french';

const level = (l: EvaluationLevel | null) => (l ? EVALUATION_LEVEL_LABELS[l] : '—');

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Card>
  );
}

function BilanForm({ bilan }: { bilan: Bilan }) {
  const form = useForm<{ bilan: BilanInput }>({ initialValues: { bilan: bilan.form } });
  const save = useApiMutation('bilans/save');
  const submit = () =>
    saveForm(
      form,
      () => save.mutateAsync({ participationId: bilan.participation.id, bilan: form.getValues().bilan }),
      'Le bilan est enregistré.',
      () => undefined,
    );
  return (
    <AsyncForm onSubmit={submit}>
      <Stack>
        <Textarea
          label="Ce qu’en dit la personne (ses mots)"
          autosize
          minRows={2}
          {...form.getInputProps('bilan.participantWords')}
        />
        <Textarea
          label="Appréciation de l’équipe"
          autosize
          minRows={2}
          {...form.getInputProps('bilan.teamAssessment')}
        />
        <NativeSelect
          label="Orientation proposée"
          data={[
            { value: '', label: 'À définir' },
            ...ORIENTATIONS.map((o) => ({ value: o, label: ORIENTATION_LABELS[o] })),
          ]}
          {...form.getInputProps('bilan.orientation')}
          value={form.getValues().bilan.orientation ?? ''}
          onChange={(e) =>
            form.setFieldValue('bilan.orientation', (e.currentTarget.value || null) as BilanInput['orientation'])
          }
        />
        <Textarea label="Prochaines étapes" autosize minRows={2} {...form.getInputProps('bilan.nextSteps')} />
        <TextInput label="Référent social à informer" {...form.getInputProps('bilan.referentToInform')} />
        <Textarea
          label="Activités réalisées (pour l’attestation de compétences)"
          autosize
          minRows={2}
          {...form.getInputProps('bilan.activitiesDone')}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {bilan.updatedAt ? `Enregistré le ${formatFrenchDayOf(bilan.updatedAt)}` : 'Pas encore enregistré'}
          </Text>
          <Button type="submit" loading={save.isPending}>
            Enregistrer le bilan
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}

/** The individual bilan: figures from the records, skills start → end beside the person's view, freins, and the words typed here. */
export function BilanTab({ participationId }: { participationId: number }) {
  const { can } = useSignedIn();
  const query = useApiQuery('bilans/get', { participationId });
  const [printing, setPrinting] = useState(false);
  if (query.isPending) return <Loader />;
  if (query.error) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  const b = query.data;
  const a = b.attendance;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Figure label="Demi-journées tenues" value={String(a.held)} />
        <Figure label="Demi-journées de présence" value={String(a.attended)} />
        <Figure label="Taux de présence" value={attendanceRateText(a.attended, a.held)} />
        <Figure label="Heures travaillées" value={formatDuration(a.workedMinutes)} />
        <Figure label="Heures payées" value={formatDuration(a.paidMinutes)} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} mb="sm">
          Compétences
        </Title>
        <Table aria-label="Compétences du bilan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Compétence</Table.Th>
              <Table.Th>Début (encadrant)</Table.Th>
              <Table.Th>Fin (encadrant)</Table.Th>
              <Table.Th>Auto-évaluation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.skills.map((s) => (
              <Table.Tr key={s.criterionId}>
                <Table.Td>{s.label}</Table.Td>
                <Table.Td>{level(s.start)}</Table.Td>
                <Table.Td>{level(s.end)}</Table.Td>
                <Table.Td>{level(s.self)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="sm">
          Freins :{' '}
          {b.obstacles.length === 0
            ? 'aucun noté.'
            : b.obstacles
                .map(
                  (o) =>
                    `${OBSTACLE_KIND_LABELS[o.kind]} (${o.resolvedOn ? `levé le ${formatFrenchDate(o.resolvedOn)}` : 'toujours présent'})`,
                )
                .join(', ')}
        </Text>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <WithHelp term="bilan">
            <Title order={3}>Bilan de fin de chantier</Title>
          </WithHelp>
          {can('documents/generate') && (
            <Button variant="light" onClick={() => setPrinting(true)}>
              Imprimer le bilan ou l’attestation
            </Button>
          )}
        </Group>
        <BilanForm key={b.updatedAt ?? 'new'} bilan={b} />
      </Card>
      {printing && (
        <DocumentModal
          owner={{ personId: b.participation.personId }}
          title={`Bilan ${deName(b.participation.name)}`}
          choices={[
            { kind: 'bilan_individuel', participationId },
            { kind: 'attestation_competences', participationId },
          ]}
          onClose={() => setPrinting(false)}
        />
      )}
    </Stack>
  );
}
