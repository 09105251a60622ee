import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { OBSTACLE_KINDS, OBSTACLE_KIND_LABELS } from '@shared/contract/journey-lists';
import { obstacleInput, type Obstacle, type ObstacleInput } from '@shared/contract/people';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from './defaults';
import { DateField } from '../../ui/DateField';
import { WithHelp } from '../../ui/TermHelp';

export function ObstacleModal(props: { personId: number; obstacle: Obstacle | null; onClose: () => void }) {
  const initial: ObstacleInput = props.obstacle
    ? (({ id: _id, ...rest }) => rest)(props.obstacle)
    : { kind: null as never, identifiedOn: todayInFrance(), actions: '', resolvedOn: null };
  const form = useForm<{ obstacle: ObstacleInput }>({ initialValues: { obstacle: initial } });
  const save = useApiMutation('people/saveObstacle');

  const submit = async () => {
    const obstacle = form.getValues().obstacle;
    if (!validateSection(form, 'obstacle', obstacleInput, obstacle)) return;
    try {
      await save.mutateAsync({ personId: props.personId, id: props.obstacle?.id, obstacle });
      notifySuccess('Le frein est enregistré.');
      props.onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={props.obstacle ? 'Modifier le frein' : 'Nouveau frein'} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Select
            label={<WithHelp term="frein">Frein</WithHelp>}
            data={OBSTACLE_KINDS.map((k) => ({ value: k, label: OBSTACLE_KIND_LABELS[k] }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('obstacle.kind')}
          />
          <DateField label="Repéré le" withAsterisk {...form.getInputProps('obstacle.identifiedOn')} />
          <Textarea label="Actions engagées" autosize minRows={3} {...form.getInputProps('obstacle.actions')} />
          <DateField label="Levé le" clearable {...form.getInputProps('obstacle.resolvedOn')} />
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer le frein" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
