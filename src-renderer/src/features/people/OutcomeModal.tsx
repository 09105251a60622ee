import { Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { OUTCOME_CATEGORIES, OUTCOME_CATEGORY_LABELS } from '@shared/contract/journey-lists';
import { outcomeInput, type OutcomeInput } from '@shared/contract/people';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from './defaults';
import { DateField } from '../../ui/DateField';

/** The exit of a parcours (national IAE categories), then the situation 3 and 6 months later. */
export function OutcomeModal(props: { journeyId: number; outcome: OutcomeInput | null; onClose: () => void }) {
  const form = useForm<{ outcome: OutcomeInput }>({
    initialValues: {
      outcome: props.outcome ?? {
        category: null as never,
        detail: '',
        exitedOn: todayInFrance(),
        afterThreeMonths: '',
        afterSixMonths: '',
      },
    },
  });
  const record = useApiMutation('people/recordOutcome');

  const save = async () => {
    const outcome = form.getValues().outcome;
    if (!validateSection(form, 'outcome', outcomeInput, outcome)) return;
    try {
      await record.mutateAsync({ journeyId: props.journeyId, outcome });
      notifySuccess('La sortie est enregistrée.');
      props.onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={props.outcome ? 'Sortie et suivi' : 'Enregistrer la sortie'} size="lg">
      <AsyncForm onSubmit={save}>
        <Stack>
          <Select
            label="Catégorie de sortie"
            data={OUTCOME_CATEGORIES.map((c) => ({ value: c, label: OUTCOME_CATEGORY_LABELS[c] }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('outcome.category')}
          />
          <TextInput
            label="Détail"
            placeholder="Type de contrat, employeur, formation…"
            {...form.getInputProps('outcome.detail')}
          />
          <DateField
            label="Date de sortie"
            withAsterisk
            disabled={props.outcome !== null}
            {...form.getInputProps('outcome.exitedOn')}
          />
          {props.outcome && (
            <>
              <Textarea
                label="Situation à 3 mois"
                autosize
                minRows={2}
                {...form.getInputProps('outcome.afterThreeMonths')}
              />
              <Textarea
                label="Situation à 6 mois"
                autosize
                minRows={2}
                {...form.getInputProps('outcome.afterSixMonths')}
              />
            </>
          )}
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer" loading={record.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
