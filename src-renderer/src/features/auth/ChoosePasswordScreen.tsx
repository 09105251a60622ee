import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession, useSignedIn } from './SessionContext';

/**
 * Shown instead of the app to a person signed in with a password an
 * administrator typed (new account or reset): main refuses everything else
 * until they choose their own, so nobody acts under their name but them.
 */
export function ChoosePasswordScreen({ structureName }: { structureName: string | null }) {
  const { user, token } = useSignedIn();
  const { signIn, switchUser } = useSession();

  const opened = async () => {
    const { session } = await call('auth/me');
    if (session) signIn({ ...session, token });
    notifySuccess('Votre mot de passe est choisi. Vous seul le connaissez désormais.');
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={560}>
        <Stack>
          <div>
            <Title order={1} c="teal.8">
              Choisissez votre mot de passe
            </Title>
            {structureName && <Text c="dimmed">{structureName}</Text>}
          </div>
          <Alert color="blue" variant="light">
            {user.displayName}, votre mot de passe a été saisi par l’administrateur : remplacez-le par un mot de passe
            que vous seul connaissez avant de continuer.
          </Alert>
          <ChangePasswordForm
            currentLabel="Mot de passe donné par l’administrateur"
            onChanged={opened}
            actions={(loading) => (
              <Group justify="space-between">
                <Button variant="default" onClick={switchUser}>
                  Se déconnecter
                </Button>
                <Button type="submit" loading={loading}>
                  Enregistrer et continuer
                </Button>
              </Group>
            )}
          />
        </Stack>
      </Paper>
    </Center>
  );
}
