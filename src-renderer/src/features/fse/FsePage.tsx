import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FseOperation, FseOperationInput } from '@shared/contract/fse-plus';
import { formatFrenchDate } from '@shared/dates';
import { useApiMutation, useApiQuery } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useSignedIn } from '../auth/SessionContext';

/**
 * FSE+: the six-month follow-ups to collect (from two weeks before they are
 * due, until answered) and the operations a funder co-funds, with their period
 * and worksites.
 */
export function FsePage() {
  const { can } = useSignedIn();
  return (
    <Stack>
      <Title order={1}>Suivi FSE+</Title>
      <FollowUps />
      <Operations editable={can('fse/saveOperation')} />
    </Stack>
  );
}

function FollowUps() {
  const list = useApiQuery('fse/followUps');
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        Suivis à 6 mois à faire
      </Title>
      {list.data && list.data.length === 0 && <Text c="dimmed">Aucun suivi à 6 mois à faire pour le moment.</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label="Suivis à 6 mois à faire">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Personne</Table.Th>
              <Table.Th>Opération</Table.Th>
              <Table.Th>Sortie le</Table.Th>
              <Table.Th>À recueillir à partir du</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((f) => (
              <Table.Tr key={`${f.operationId}-${f.personId}`}>
                <Table.Td>
                  <Link to={`/people/${f.personId}`}>{f.personName}</Link>
                </Table.Td>
                <Table.Td>{f.operationName}</Table.Td>
                <Table.Td>{formatFrenchDate(f.leftOn)}</Table.Td>
                <Table.Td>{formatFrenchDate(f.dueOn)}</Table.Td>
                <Table.Td>
                  {f.state === 'a_faire' ? (
                    <Badge color="orange">À faire</Badge>
                  ) : (
                    <Badge variant="light">Bientôt</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Operations({ editable }: { editable: boolean }) {
  const list = useApiQuery('fse/operations');
  const [editing, setEditing] = useState<FseOperation | 'new' | null>(null);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>Opérations FSE+</Title>
        {editable && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Nouvelle opération
          </Button>
        )}
      </Group>
      {list.data && list.data.length === 0 && <Text c="dimmed">Aucune opération FSE+.</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label="Opérations FSE+">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Opération</Table.Th>
              <Table.Th>Financeur</Table.Th>
              <Table.Th>Période</Table.Th>
              <Table.Th>Chantiers</Table.Th>
              <Table.Th>Participants</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{o.funderName}</Table.Td>
                <Table.Td>
                  du {formatFrenchDate(o.startDate)} au {formatFrenchDate(o.endDate)}
                </Table.Td>
                <Table.Td>{o.worksites.map((w) => w.name).join(', ') || '—'}</Table.Td>
                <Table.Td>{o.participantCount}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(o)}>
                      Modifier
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <OperationModal operation={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function OperationModal({ operation, onClose }: { operation: FseOperation | null; onClose: () => void }) {
  const funders = useApiQuery('funders/list', { includeArchived: false });
  const worksites = useApiQuery('worksites/list');
  const form = useForm<{
    operation: Omit<FseOperationInput, 'funderId' | 'worksiteIds'> & { funderId: string | null; worksiteIds: string[] };
  }>({
    initialValues: {
      operation: {
        name: operation?.name ?? '',
        funderId: operation ? String(operation.funderId) : null,
        startDate: operation?.startDate ?? '',
        endDate: operation?.endDate ?? '',
        worksiteIds: operation?.worksites.map((w) => String(w.id)) ?? [],
      },
    },
  });
  const save = useApiMutation('fse/saveOperation');
  const submit = async () => {
    const o = form.getValues().operation;
    try {
      await save.mutateAsync({
        id: operation?.id,
        operation: {
          ...o,
          funderId: o.funderId === null ? (undefined as never) : Number(o.funderId),
          worksiteIds: o.worksiteIds.map(Number),
        },
      });
      notifySuccess('L’opération FSE+ est enregistrée.');
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={operation ? 'Modifier l’opération FSE+' : 'Nouvelle opération FSE+'}
      size="lg"
    >
      <AsyncForm onSubmit={submit}>
        <Stack>
          <TextInput label="Nom de l’opération" withAsterisk {...form.getInputProps('operation.name')} />
          <Select
            label="Financeur"
            description="Les financeurs de Paramètres › Financeurs."
            data={(funders.data ?? []).map((f) => ({ value: String(f.id), label: f.name }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('operation.funderId')}
          />
          <Group grow>
            <DateField label="Début" withAsterisk {...form.getInputProps('operation.startDate')} />
            <DateField label="Fin" withAsterisk {...form.getInputProps('operation.endDate')} />
          </Group>
          <MultiSelect
            label="Chantiers couverts"
            data={(worksites.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
            searchable
            {...form.getInputProps('operation.worksiteIds')}
          />
          <FormActions onCancel={onClose} submitLabel="Enregistrer l’opération" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
