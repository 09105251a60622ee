import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS, type User } from '@shared/contract/users';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useSignedIn } from '../auth/SessionContext';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { deName } from '@shared/french';

function status(user: User) {
  if (!user.active) return <Badge color="gray">Désactivé</Badge>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return <Badge color="orange">Verrouillé</Badge>;
  return <Badge color="teal">Actif</Badge>;
}

/** Accounts are deactivated, never deleted: the journal refers to them. */
export function UsersSettings() {
  const { user: me } = useSignedIn();
  const users = useApiQuery('users/list');
  const setActive = useApiMutation('users/setActive');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const toggle = async (user: User) => {
    try {
      await setActive.mutateAsync({ id: user.id, active: !user.active });
      notifySuccess(user.active ? `Le compte ${deName(user.displayName)} est désactivé.` : `Le compte ${deName(user.displayName)} est réactivé.`);
    } catch (error) {
      notifyFailure(error);
    }
  };

  if (users.isPending) return <Loader />;
  if (users.error) return <Alert color="red">{errorMessage(users.error)}</Alert>;
  return (
    <Stack maw={980}>
      <Text>
        Chaque personne a son propre compte et son propre mot de passe. Un compte n’est jamais supprimé : désactivez-le
        quand la personne quitte la structure.
      </Text>
      <Table withTableBorder striped aria-label="Comptes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nom</Table.Th>
            <Table.Th>Rôle</Table.Th>
            <Table.Th>État</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
              <Table.Td>{status(user)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end">
                  <Button size="xs" variant="subtle" onClick={() => setEditing(user)} aria-label={`Modifier ${user.displayName}`}>
                    Modifier
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => setResetting(user)} aria-label={`Réinitialiser le mot de passe ${deName(user.displayName)}`}>
                    Mot de passe
                  </Button>
                  {user.id !== me.id && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color={user.active ? 'gray' : 'teal'}
                      onClick={() => void toggle(user)}
                      aria-label={`${user.active ? 'Désactiver' : 'Réactiver'} ${user.displayName}`}
                    >
                      {user.active ? 'Désactiver' : 'Réactiver'}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button leftSection={<IconPlus size={18} />} variant="light" w="fit-content" onClick={() => setEditing('new')}>
        Nouveau compte
      </Button>
      {editing !== null && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
