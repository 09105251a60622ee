import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ORIENTATION_LABELS, type WorksiteBilan, type WorksiteBilanInput } from '@shared/contract/bilans';
import { OUTCOME_CATEGORY_LABELS } from '@shared/contract/journey-lists';
import { formatDuration } from '@shared/time';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { DocumentModal } from '../documents/DocumentModal';
import { saveForm } from '../../ui/form-errors';
import { AsyncForm } from '../../ui/AsyncForm';

function WorksiteBilanForm({ bilan }: { bilan: WorksiteBilan }) {
  const form = useForm<{ bilan: WorksiteBilanInput }>({ initialValues: { bilan: bilan.form } });
  const save = useApiMutation('bilans/saveWorksite');
  const submit = () =>
    saveForm(
      form,
      () => save.mutateAsync({ worksiteId: bilan.worksite.id, bilan: form.getValues().bilan }),
      'Le bilan du chantier est enregistré.',
      () => undefined,
    );
  return (
    <AsyncForm onSubmit={submit}>
      <Stack>
        <Textarea
          label="Réalisations pour le client"
          autosize
          minRows={2}
          {...form.getInputProps('bilan.production')}
        />
        <Textarea
          label={`Incidents (${bilan.incidentsNoted} noté${bilan.incidentsNoted > 1 ? 's' : ''} par l’encadrant)`}
          autosize
          minRows={2}
          {...form.getInputProps('bilan.incidents')}
        />
        <Textarea label="Commentaire" autosize minRows={2} {...form.getInputProps('bilan.comments')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Enregistrer le bilan du chantier
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}

/** The collective bilan: who took part, attendance, orientation and outcomes, what was produced; printable for funders. */
export function WorksiteBilanModal({ worksiteId, onClose }: { worksiteId: number; onClose: () => void }) {
  const { can } = useSignedIn();
  const query = useApiQuery('bilans/worksite', { worksiteId });
  const [printing, setPrinting] = useState(false);
  return (
    <Modal opened onClose={onClose} title="Bilan du chantier" size="xl">
      {query.isPending && <Loader />}
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {query.data && (
        <Stack>
          <Table aria-label="Participants du bilan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Présence</Table.Th>
                <Table.Th>Heures travaillées</Table.Th>
                <Table.Th>Orientation</Table.Th>
                <Table.Th>Sortie</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.participants.map((p) => (
                <Table.Tr key={p.participationId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>
                    {p.attendance.attended} / {p.attendance.held}
                  </Table.Td>
                  <Table.Td>{formatDuration(p.attendance.workedMinutes)}</Table.Td>
                  <Table.Td>{p.orientation ? ORIENTATION_LABELS[p.orientation] : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.outcome ? OUTCOME_CATEGORY_LABELS[p.outcome.category] : '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <WorksiteBilanForm bilan={query.data} />
          {can('documents/generate') && (
            <Group>
              <Button variant="light" onClick={() => setPrinting(true)}>
                Imprimer le bilan du chantier
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {printing && (
        <DocumentModal
          owner={{ worksiteId }}
          title="Bilan du chantier"
          choices={[
            { kind: 'bilan_chantier', worksiteId },
            { kind: 'bilan_chantier', worksiteId, named: true },
          ]}
          onClose={() => setPrinting(false)}
        />
      )}
    </Modal>
  );
}
