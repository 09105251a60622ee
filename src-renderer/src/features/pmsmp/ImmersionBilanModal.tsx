import { Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PMSMP_OUTCOME_LABELS, PMSMP_OUTCOMES, type Pmsmp, type PmsmpBilanInput } from '@shared/contract/pmsmp';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/** The bilan of an immersion: done or not, hours missed, skills observed, what follows. */
export function ImmersionBilanModal({ immersion, onClose }: { immersion: Pmsmp; onClose: () => void }) {
  const b = immersion.bilan;
  const form = useForm<{ bilan: PmsmpBilanInput & { missedHours: number } }>({
    initialValues: {
      bilan: {
        outcome: b?.outcome ?? (null as never),
        missedMinutes: b?.missedMinutes ?? 0,
        missedHours: (b?.missedMinutes ?? 0) / 60,
        skillsObserved: b?.skillsObserved ?? '',
        followUp: b?.followUp ?? '',
        comment: b?.comment ?? '',
        writtenOn: b?.writtenOn ?? immersion.fields.endDate,
      },
    },
  });
  const save = useApiMutation('pmsmp/saveBilan');
  const submit = async () => {
    const { missedHours, ...bilan } = form.getValues().bilan;
    try {
      await save.mutateAsync({
        id: immersion.id,
        bilan: { ...bilan, missedMinutes: Math.round(Number(missedHours || 0) * 60) },
      });
      notifySuccess('Le bilan de l’immersion est enregistré.');
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Bilan de l’immersion chez ${immersion.hostName}`} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Select
            label="L’immersion a été"
            data={PMSMP_OUTCOMES.map((o) => ({ value: o, label: PMSMP_OUTCOME_LABELS[o] }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('bilan.outcome')}
          />
          <NumberInput
            label="Heures manquées"
            min={0}
            step={0.5}
            decimalSeparator=","
            {...form.getInputProps('bilan.missedHours')}
          />
          <Textarea
            label="Compétences observées"
            autosize
            minRows={3}
            {...form.getInputProps('bilan.skillsObserved')}
          />
          <Textarea label="Suites proposées" autosize minRows={2} {...form.getInputProps('bilan.followUp')} />
          <Textarea label="Commentaire" autosize minRows={2} {...form.getInputProps('bilan.comment')} />
          <DateField label="Bilan établi le" withAsterisk {...form.getInputProps('bilan.writtenOn')} />
          <FormActions onCancel={onClose} submitLabel="Enregistrer le bilan" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
