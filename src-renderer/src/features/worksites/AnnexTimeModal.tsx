import { Modal, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import {
  ANNEX_KINDS,
  ANNEX_KIND_LABELS,
  annexTimeInput,
  type AnnexTimeInput,
  type Participant,
} from '@shared/contract/worksites';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { DateField } from '../../ui/DateField';
import { deName } from '@shared/french';

/** A paid annex time (health check, pose-chantier, bilans…) for one participant. */
export function AnnexTimeModal({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const form = useForm<{ annexTime: AnnexTimeInput }>({
    initialValues: {
      annexTime: {
        kind: null as never,
        date: participant.contract.startDate,
        start: '14:00',
        end: '15:30',
        paid: true,
      },
    },
  });
  const add = useApiMutation('worksites/addAnnexTime');

  const submit = async () => {
    const annexTime = form.getValues().annexTime;
    if (!validateSection(form, 'annexTime', annexTimeInput, annexTime)) return;
    try {
      await add.mutateAsync({ participationId: participant.id, annexTime });
      notifySuccess('Le temps annexe est enregistré.');
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Temps annexe ${deName(participant.name)}`}>
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Select
            label="Type"
            data={ANNEX_KINDS.map((k) => ({ value: k, label: ANNEX_KIND_LABELS[k] }))}
            withAsterisk
            {...form.getInputProps('annexTime.kind')}
          />
          <DateField label="Date" withAsterisk {...form.getInputProps('annexTime.date')} />
          <SimpleGrid cols={2}>
            <TimeInput label="De" withAsterisk {...form.getInputProps('annexTime.start')} />
            <TimeInput label="À" withAsterisk {...form.getInputProps('annexTime.end')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Un temps annexe se place avant ou après les demi-journées de la personne. Seul un bilan de santé ou une
            visite médicale peut avoir lieu pendant une demi-journée : le temps commun n’est alors compté qu’une fois.
          </Text>
          <Switch label="Temps rémunéré" {...form.getInputProps('annexTime.paid', { type: 'checkbox' })} />
          <FormActions onCancel={onClose} submitLabel="Enregistrer" loading={add.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
