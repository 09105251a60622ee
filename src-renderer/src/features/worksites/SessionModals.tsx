import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { HALF_DAYS, HALF_DAY_LABELS, type WorksiteSession } from '@shared/contract/worksites';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { saveForm } from '../../ui/form-errors';
import { CANCEL_KIND_LABELS, CANCEL_KINDS, type CancelKind } from '@shared/contract/attendance-codes';
import { DateField } from '../../ui/DateField';

export function AddSessionModal({ worksiteId, onClose }: { worksiteId: number; onClose: () => void }) {
  const form = useForm({ initialValues: { session: { date: '', halfDay: 'morning' as const } } });
  const add = useApiMutation('worksites/addSession');
  const submit = () =>
    saveForm(
      form,
      () => add.mutateAsync({ id: worksiteId, session: form.getValues().session }),
      'La demi-journée est ajoutée.',
      onClose,
    );
  return (
    <Modal opened onClose={onClose} title="Ajouter une demi-journée">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <DateField label="Date" withAsterisk {...form.getInputProps('session.date')} />
          <Select
            label="Demi-journée"
            data={HALF_DAYS.map((h) => ({ value: h, label: HALF_DAY_LABELS[h] }))}
            allowDeselect={false}
            {...form.getInputProps('session.halfDay')}
          />
          <FormActions onCancel={onClose} submitLabel="Ajouter" loading={add.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

/** One half-day of the planning: move it to another date, or cancel it with a reason. */
export function SessionModal({
  session,
  label,
  onClose,
}: {
  session: WorksiteSession;
  label: string;
  onClose: () => void;
}) {
  const moveForm = useForm({ initialValues: { to: { date: session.date, halfDay: session.halfDay } } });
  const cancelForm = useForm({ initialValues: { reason: '', kind: 'structure' as CancelKind } });
  const move = useApiMutation('worksites/moveSession');
  const cancel = useApiMutation('worksites/cancelSession');
  const submitMove = () =>
    saveForm(
      moveForm,
      () => move.mutateAsync({ sessionId: session.id, to: moveForm.getValues().to }),
      'La demi-journée est déplacée.',
      onClose,
    );
  const submitCancel = () =>
    saveForm(
      cancelForm,
      () => cancel.mutateAsync({ sessionId: session.id, ...cancelForm.getValues() }),
      'La demi-journée est annulée.',
      onClose,
    );
  return (
    <Modal opened onClose={onClose} title={`Demi-journée du ${label}`} size="lg">
      <Stack>
        <AsyncForm onSubmit={submitMove}>
          <Stack>
            <Text fw={600}>Déplacer</Text>
            <SimpleGrid cols={2}>
              <DateField label="Nouvelle date" withAsterisk {...moveForm.getInputProps('to.date')} />
              <Select
                label="Demi-journée"
                data={HALF_DAYS.map((h) => ({ value: h, label: HALF_DAY_LABELS[h] }))}
                allowDeselect={false}
                {...moveForm.getInputProps('to.halfDay')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={move.isPending}>
                Déplacer
              </Button>
            </Group>
          </Stack>
        </AsyncForm>
        <Divider />
        <AsyncForm onSubmit={submitCancel}>
          <Stack>
            <Text fw={600}>Annuler</Text>
            <TextInput
              label="Motif de l’annulation"
              placeholder="Intempéries, fermeture du site…"
              withAsterisk
              {...cancelForm.getInputProps('reason')}
            />
            <Select
              label="Annulée"
              data={CANCEL_KINDS.map((k) => ({ value: k, label: CANCEL_KIND_LABELS[k] }))}
              allowDeselect={false}
              {...cancelForm.getInputProps('kind')}
            />
            <Group justify="flex-end">
              <Button type="submit" color="red" variant="light" loading={cancel.isPending}>
                Annuler la demi-journée
              </Button>
            </Group>
          </Stack>
        </AsyncForm>
      </Stack>
    </Modal>
  );
}
