import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import {
  HEALTH_CHECK_KIND_LABELS,
  HEALTH_CHECK_KINDS,
  HEALTH_CHECK_PAPER_LABELS,
  healthCheckInput,
  type HealthCheck,
  type HealthCheckInput,
} from '@shared/contract/evaluations';
import { formatFrenchDate } from '@shared/dates';
import { useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { saveForm, validateSection } from '../../ui/form-errors';
import { todayInFrance } from '../people/defaults';
import { DateField } from '../../ui/DateField';

function HealthCheckModal({
  participationId,
  check,
  onClose,
}: {
  participationId: number;
  check: HealthCheck | null;
  onClose: () => void;
}) {
  const initial: HealthCheckInput = check
    ? (({ id: _id, ...rest }) => rest)(check)
    : { kind: 'vip', date: todayInFrance(), paperReceived: false, restrictions: '', inaptitude: false };
  const form = useForm<{ check: HealthCheckInput }>({ initialValues: { check: initial } });
  const save = useApiMutation('healthChecks/save');
  const kind = form.getValues().check.kind;
  const submit = async () => {
    const value = form.getValues().check;
    if (!validateSection(form, 'check', healthCheckInput, value)) return;
    await saveForm(
      form,
      () => save.mutateAsync({ participationId, id: check?.id, check: value }),
      'La visite est enregistrée.',
      onClose,
    );
  };
  return (
    <Modal opened onClose={onClose} title={check ? 'Modifier la visite' : 'Nouvelle visite de santé'} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Alert color="blue" variant="light">
            Aucune information médicale ici : seulement le type de visite, sa date, le document reçu et, s’il y en a,
            les restrictions de travail en mots simples.
          </Alert>
          <NativeSelect
            label="Type de visite"
            data={HEALTH_CHECK_KINDS.map((k) => ({ value: k, label: HEALTH_CHECK_KIND_LABELS[k] }))}
            {...form.getInputProps('check.kind')}
          />
          <DateField label="Date de la visite" withAsterisk {...form.getInputProps('check.date')} />
          <Checkbox
            label={HEALTH_CHECK_PAPER_LABELS[kind]}
            {...form.getInputProps('check.paperReceived', { type: 'checkbox' })}
          />
          <TextInput
            label="Restrictions de travail (sans termes médicaux)"
            placeholder="ex. pas de port de charges de plus de 10 kg"
            {...form.getInputProps('check.restrictions')}
          />
          {kind !== 'bilan_sante' && (
            <Checkbox
              label="Inaptitude déclarée par le médecin du travail"
              {...form.getInputProps('check.inaptitude', { type: 'checkbox' })}
            />
          )}
          <FormActions onCancel={onClose} submitLabel="Enregistrer la visite" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

/** Health checks of the person on this worksite; the supervisor reads the restrictions he must respect. */
export function HealthChecksTab({ participationId }: { participationId: number }) {
  const { can } = useSignedIn();
  const list = useApiQuery('healthChecks/list', { participationId });
  const [editing, setEditing] = useState<HealthCheck | 'new' | null>(null);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>Visites de santé</Title>
        {can('healthChecks/save') && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Ajouter une visite
          </Button>
        )}
      </Group>
      {list.data?.length === 0 && <Text c="dimmed">Aucune visite enregistrée.</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label="Visites de santé">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Visite</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Document</Table.Th>
              <Table.Th>Restrictions de travail</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{HEALTH_CHECK_KIND_LABELS[c.kind]}</Table.Td>
                <Table.Td>{formatFrenchDate(c.date)}</Table.Td>
                <Table.Td>{c.paperReceived ? HEALTH_CHECK_PAPER_LABELS[c.kind] : 'En attente'}</Table.Td>
                <Table.Td>
                  {c.restrictions || '—'}
                  {c.inaptitude && (
                    <Text size="sm" c="red" fw={700}>
                      Inaptitude déclarée
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {can('healthChecks/save') && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)}>
                      Modifier
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <HealthCheckModal
          participationId={participationId}
          check={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
