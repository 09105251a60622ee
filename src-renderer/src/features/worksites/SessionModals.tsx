import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { HALF_DAYS, HALF_DAY_LABELS } from '@shared/contract/worksites';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';

export function AddSessionModal({ worksiteId, onClose }: { worksiteId: number; onClose: () => void }) {
  const form = useForm({ initialValues: { session: { date: '', halfDay: 'morning' as const } } });
  const add = useApiMutation('worksites/addSession', { invalidates: ['worksites/get', 'worksites/list'] });
  const submit = async () => {
    try {
      await add.mutateAsync({ id: worksiteId, session: form.getValues().session });
      notifySuccess('La demi-journée est ajoutée.');
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Ajouter une demi-journée">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <DateInput label="Date" valueFormat="DD/MM/YYYY" withAsterisk {...form.getInputProps('session.date')} />
          <Select label="Demi-journée" data={HALF_DAYS.map((h) => ({ value: h, label: HALF_DAY_LABELS[h] }))} allowDeselect={false} {...form.getInputProps('session.halfDay')} />
          <FormActions onCancel={onClose} submitLabel="Ajouter" loading={add.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

export function CancelSessionModal({ sessionId, label, onClose }: { sessionId: number; label: string; onClose: () => void }) {
  const form = useForm({ initialValues: { reason: '' } });
  const cancel = useApiMutation('worksites/cancelSession', { invalidates: ['worksites/get', 'worksites/list'] });
  const submit = async () => {
    try {
      await cancel.mutateAsync({ sessionId, reason: form.getValues().reason });
      notifySuccess('La demi-journée est annulée.');
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Annuler la demi-journée du ${label}`}>
      <AsyncForm onSubmit={submit}>
        <Stack>
          <TextInput label="Motif" placeholder="Intempéries, fermeture du site…" withAsterisk data-autofocus {...form.getInputProps('reason')} />
          <FormActions onCancel={onClose} submitLabel="Annuler la demi-journée" loading={cancel.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
