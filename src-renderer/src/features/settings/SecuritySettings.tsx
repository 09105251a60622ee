import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApiMutation } from '../../api/client';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { AsyncForm } from '../../ui/AsyncForm';

/** The idle delay after which an unattended session locks itself. */
export function SecuritySettings({ idleLockMinutes }: { idleLockMinutes: number }) {
  const form = useForm<{ idleLockMinutes: number | string }>({ initialValues: { idleLockMinutes } });
  const update = useApiMutation('settings/updateSecurity');

  const save = async () => {
    const value = form.getValues().idleLockMinutes;
    try {
      await update.mutateAsync({ idleLockMinutes: typeof value === 'number' ? value : Number.NaN });
      notifySuccess('Le délai de verrouillage est enregistré. Il s’applique à la prochaine connexion.');
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <AsyncForm onSubmit={save}>
      <Stack maw={520}>
        <Text>
          Sur un ordinateur partagé, Passerelle se verrouille seule quand personne ne s’en sert : il faut alors retaper
          son mot de passe.
        </Text>
        <NumberInput
          label="Verrouiller après (minutes sans activité)"
          min={1}
          max={120}
          allowDecimal={false}
          {...form.getInputProps('idleLockMinutes')}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}
