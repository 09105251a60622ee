import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { workHoursInput, type WorkHours } from '@shared/contract/settings';
import { useApiMutation } from '../../api/client';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { HoursFields } from './HoursFields';
import { AsyncForm } from '../../ui/AsyncForm';

export function HoursSettings({ hours }: { hours: WorkHours }) {
  const form = useForm({ initialValues: { hours } });
  const update = useApiMutation('settings/updateHours');

  const save = async () => {
    const values = form.getValues().hours;
    if (!validateSection(form, 'hours', workHoursInput, values)) return;
    try {
      await update.mutateAsync(values);
      notifySuccess('Les horaires des demi-journées sont enregistrés.');
    } catch (error) {
      // Said once: under the field main named, or in a notice when it named none.
      if (!showServerErrors(form, error, 'hours.')) notifyFailure(error);
    }
  };

  return (
    <AsyncForm onSubmit={save}>
      <Stack maw={520}>
        <Text>Ces horaires sont proposés par défaut à chaque nouveau chantier.</Text>
        <HoursFields form={form} prefix="hours." />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Enregistrer les horaires
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}
