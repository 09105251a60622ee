import { Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { agreeLabel, type Civility } from '@shared/agreement';
import { JOURNEY_STATUS_LABELS, type JourneyStatus } from '@shared/contract/journey-lists';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from './defaults';
import { DateField } from '../../ui/DateField';

/** One more dated step of a parcours; a refusal asks for its reason. */
export function StepModal(props: {
  journeyId: number;
  status: JourneyStatus;
  civility: Civility;
  onClose: () => void;
}) {
  const form = useForm({ initialValues: { happenedOn: todayInFrance(), reason: '' } });
  const move = useApiMutation('people/moveJourney');
  const label = agreeLabel(props.civility, JOURNEY_STATUS_LABELS[props.status]);

  const save = async () => {
    const { happenedOn, reason } = form.getValues();
    try {
      await move.mutateAsync({
        journeyId: props.journeyId,
        status: props.status,
        happenedOn: happenedOn ?? '',
        reason,
      });
      notifySuccess(`Étape « ${label} » enregistrée.`);
      props.onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={`Passer à « ${label} »`}>
      <AsyncForm onSubmit={save}>
        <Stack>
          <DateField label="Date" withAsterisk {...form.getInputProps('happenedOn')} />
          {props.status === 'refusee' && (
            <Textarea label="Motif du refus" withAsterisk autosize minRows={2} {...form.getInputProps('reason')} />
          )}
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer l’étape" loading={move.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
