import {
  Alert,
  Avatar,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { SessionUserView } from '@shared/contract/auth';
import { ROLE_LABELS } from '@shared/contract/users';
import { ApiError, call, errorMessage, useApiQuery } from '../../api/client';
import { useSession } from './SessionContext';
import { AsyncForm } from '../../ui/AsyncForm';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** The shared office PC: pick your name, type your password. */
export function LoginScreen({ structureName }: { structureName: string | null }) {
  const { lockedUser, lockReason, signIn, switchUser } = useSession();
  const accounts = useApiQuery('auth/users');
  const [chosen, setChosen] = useState<SessionUserView | null>(lockedUser);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { password: '' } });
  const person = chosen ?? lockedUser;

  const submit = async () => {
    if (!person) return;
    setBusy(true);
    try {
      signIn(await call('auth/login', { userId: person.id, password: form.getValues().password }));
    } catch (error) {
      // Emptied first: changing the value would clear the message.
      form.setFieldValue('password', '');
      form.setFieldError('password', error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center component="main" mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={560}>
        <Stack>
          <div>
            <Title order={1} c="teal.8">
              Passerelle
            </Title>
            {structureName && <Text c="dimmed">{structureName}</Text>}
          </div>
          {lockReason && (
            <Alert color="blue" variant="light">
              {lockReason}
            </Alert>
          )}
          {person ? (
            <AsyncForm onSubmit={submit}>
              <Stack>
                <Group>
                  <Avatar color="teal" radius="xl" aria-hidden>
                    {initials(person.displayName)}
                  </Avatar>
                  <div>
                    <Text fw={700}>{person.displayName}</Text>
                    <Text size="sm" c="dimmed">
                      {ROLE_LABELS[person.role]}
                    </Text>
                  </div>
                </Group>
                <PasswordInput label="Mot de passe" autoFocus {...form.getInputProps('password')} />
                <Group justify="space-between">
                  <Button
                    variant="subtle"
                    onClick={() => {
                      setChosen(null);
                      form.reset();
                      if (lockedUser) switchUser();
                    }}
                  >
                    Changer d’utilisateur
                  </Button>
                  <Button type="submit" loading={busy}>
                    {lockedUser ? 'Déverrouiller' : 'Se connecter'}
                  </Button>
                </Group>
              </Stack>
            </AsyncForm>
          ) : (
            <Stack>
              <Title order={2} size="h4">
                Qui êtes-vous ?
              </Title>
              {accounts.isPending && <Loader />}
              {accounts.error && <Alert color="red">{errorMessage(accounts.error)}</Alert>}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {accounts.data?.map((account) => (
                  // Its name starts with the action, then says what it shows (RGAA 11.2 / WCAG 2.5.3).
                  <UnstyledButton key={account.id} onClick={() => setChosen(account)}>
                    <VisuallyHidden>Se connecter en tant que </VisuallyHidden>
                    <Paper withBorder p="sm" radius="md">
                      <Group wrap="nowrap">
                        <Avatar color="teal" radius="xl" aria-hidden>
                          {initials(account.displayName)}
                        </Avatar>
                        <div>
                          <Text fw={600}>{account.displayName}</Text>
                          <Text size="xs" c="dimmed">
                            {ROLE_LABELS[account.role]}
                          </Text>
                        </div>
                      </Group>
                    </Paper>
                  </UnstyledButton>
                ))}
              </SimpleGrid>
              <Text size="sm" c="dimmed">
                Mot de passe oublié ? Demandez à l’administrateur de Passerelle de le réinitialiser.
              </Text>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
