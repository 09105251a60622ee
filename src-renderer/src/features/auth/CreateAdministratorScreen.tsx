import { Alert, Button, Center, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { displayName as displayNameField } from '@shared/contract/users';
import { call } from '../../api/client';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure } from '../../ui/notify';
import { checkNewPassword, NewPasswordFields, useStructureName } from './NewPasswordFields';
import { useSession } from './SessionContext';
import { AsyncForm } from '../../ui/AsyncForm';

/** A database set up before accounts existed: its first administrator is created here. */
export function CreateAdministratorScreen() {
  const { signIn } = useSession();
  const form = useForm({ initialValues: { displayName: '', password: '', confirm: '' } });
  const [busy, setBusy] = useState(false);
  const structureName = useStructureName();

  const submit = async () => {
    const { displayName, password, confirm } = form.getValues();
    const named = validateSection(form, 'displayName', displayNameField, displayName);
    const passwordOk = await checkNewPassword(form, password, confirm, { personName: displayName, structureName });
    if (!named || !passwordOk) return;
    setBusy(true);
    try {
      signIn(await call('setup/createAdministrator', { displayName, password }));
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center component="main" mih="100vh" bg="gray.0" p="md">
      <Paper withBorder p="xl" radius="md" w={560}>
        <AsyncForm onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              Créer le compte administrateur
            </Title>
            <Alert color="blue" variant="light">
              Passerelle demande désormais à chaque personne de se connecter avec son propre compte. Créez d’abord le
              vôtre : vous pourrez ensuite créer ceux de vos collègues dans Paramètres.
            </Alert>
            <TextInput label="Votre nom" placeholder="Prénom Nom" withAsterisk {...form.getInputProps('displayName')} />
            <NewPasswordFields
              form={form}
              password={form.getValues().password}
              personName={form.getValues().displayName}
            />
            <Button type="submit" loading={busy}>
              Créer mon compte
            </Button>
          </Stack>
        </AsyncForm>
      </Paper>
    </Center>
  );
}
