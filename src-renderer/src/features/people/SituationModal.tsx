import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { situationInput, type SituationInput } from '@shared/contract/people';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { emptySituation, normaliseSituation, todayInFrance } from './defaults';
import { SituationFields } from './SituationFields';
import { FormActions } from '../../ui/FormActions';

/** A new dated situation; the previous ones stay in the history. */
export function SituationModal({
  personId,
  previous,
  onClose,
}: {
  personId: number;
  previous: SituationInput | null;
  onClose: () => void;
}) {
  const form = useForm<{ situation: SituationInput }>({
    initialValues: {
      situation: previous ? { ...previous, observedOn: todayInFrance() } : emptySituation(todayInFrance()),
    },
  });
  const add = useApiMutation('people/addSituation');

  const save = async () => {
    const situation = normaliseSituation(form.getValues().situation);
    if (!validateSection(form, 'situation', situationInput, situation)) return;
    try {
      await add.mutateAsync({ id: personId, situation });
      notifySuccess('La nouvelle situation est enregistrée.');
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Nouvelle situation" size="xl">
      <AsyncForm onSubmit={save}>
        <Stack>
          <Text size="sm" c="dimmed">
            La situation précédente est gardée dans l’historique.
          </Text>
          <SituationFields form={form} prefix="situation." />
          <FormActions onCancel={onClose} submitLabel="Enregistrer la situation" loading={add.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
