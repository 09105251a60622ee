import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { followsCaseload } from '@shared/capabilities';
import { ROLE_LABELS, type User } from '@shared/contract/users';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useSignedIn } from '../auth/SessionContext';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { deName } from '@shared/french';
import type { Contact } from '@shared/contract/contacts';
import { cardLabel, cardWithAccount, LinkCardModal } from './LinkCardModal';

function status(user: User) {
  if (!user.active) return <Badge color="gray">Désactivé</Badge>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) return <Badge color="orange">Verrouillé</Badge>;
  return <Badge color="teal">Actif</Badge>;
}

/** Said in words under the state: the badge alone would not tell who must act. */
function passwordToChange(user: User) {
  if (!user.active || !user.mustChangePassword) return null;
  return (
    <Text size="xs" mt={2}>
      Mot de passe à changer à la prochaine connexion
    </Text>
  );
}

/** A social worker reaches their caseload only through their card in the directory. */
function CardCell({
  user,
  cards,
  onLink,
  onUnlink,
}: {
  user: User;
  cards: Contact[];
  onLink: () => void;
  onUnlink: (card: Contact) => void;
}) {
  if (!followsCaseload(user.role)) return <Text size="sm">—</Text>;
  const card = cards.find((c) => c.userId === user.id);
  if (card) {
    return (
      <Group gap={4}>
        <Text size="sm">{cardLabel(card)}</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          onClick={() => onUnlink(card)}
          aria-label={`Délier le compte ${deName(user.displayName)} de sa fiche`}
        >
          Délier
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Badge color="orange" variant="light" style={{ overflow: 'visible' }}>
        Non reliée
      </Badge>
      <Button
        size="compact-xs"
        variant="light"
        onClick={onLink}
        aria-label={`Relier à sa fiche le compte ${deName(user.displayName)}`}
      >
        Relier à sa fiche
      </Button>
    </Stack>
  );
}

/** Accounts are deactivated, never deleted: the journal refers to them. */
export function UsersSettings() {
  const { user: me } = useSignedIn();
  const users = useApiQuery('users/list');
  const directory = useApiQuery('contacts/list', { includeArchived: false });
  const setActive = useApiMutation('users/setActive');
  const saveCard = useApiMutation('contacts/saveContact');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [linking, setLinking] = useState<User | null>(null);
  const organisations = directory.data ?? [];
  const cards = organisations.flatMap((o) => o.contacts);

  const unlink = async (user: User, card: Contact) => {
    try {
      await saveCard.mutateAsync(cardWithAccount(card, null));
      notifySuccess(`Le compte ${deName(user.displayName)} n’est plus relié à la fiche ${cardLabel(card)}.`);
    } catch (error) {
      notifyFailure(error);
    }
  };

  const toggle = async (user: User) => {
    try {
      await setActive.mutateAsync({ id: user.id, active: !user.active });
      notifySuccess(
        user.active
          ? `Le compte ${deName(user.displayName)} est désactivé.`
          : `Le compte ${deName(user.displayName)} est réactivé.`,
      );
    } catch (error) {
      notifyFailure(error);
    }
  };

  if (users.isPending) return <Loader />;
  if (users.error) return <Alert color="red">{errorMessage(users.error)}</Alert>;
  return (
    <Stack maw={1200}>
      <Text>
        Chaque personne a son propre compte et son propre mot de passe. Un compte n’est jamais supprimé : désactivez-le
        quand la personne quitte la structure. Un travailleur social voit les personnes qu’il suit une fois son compte
        relié à sa fiche du répertoire (Contacts).
      </Text>
      <Table withTableBorder striped aria-label="Comptes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nom</Table.Th>
            <Table.Th>Rôle</Table.Th>
            <Table.Th>État</Table.Th>
            <Table.Th>Fiche du répertoire</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
              <Table.Td>
                {status(user)}
                {passwordToChange(user)}
              </Table.Td>
              <Table.Td>
                <CardCell
                  user={user}
                  cards={cards}
                  onLink={() => setLinking(user)}
                  onUnlink={(card) => void unlink(user, card)}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setEditing(user)}
                    aria-label={`Modifier ${user.displayName}`}
                  >
                    Modifier
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setResetting(user)}
                    aria-label={`Réinitialiser le mot de passe ${deName(user.displayName)}`}
                  >
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
      {linking && <LinkCardModal user={linking} organisations={organisations} onClose={() => setLinking(null)} />}
    </Stack>
  );
}
