import { Anchor, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Contact, Organisation } from '@shared/contract/contacts';
import type { User } from '@shared/contract/users';
import { deName } from '@shared/french';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/** What the directory card needs back when only its account changes: the card as it is, minus what the list adds. */
export function cardWithAccount(contact: Contact, userId: number | null) {
  const { id, organisationName: _organisation, ...card } = contact;
  return { id, contact: { ...card, userId } };
}

export function cardLabel(contact: Contact) {
  return `${contact.firstName} ${contact.lastName} (${contact.organisationName})`;
}

/**
 * Links a social worker's account to their card in the directory, from Paramètres › Comptes:
 * the same save as Contacts › fiche › Compte Passerelle, so one rule (one account, one card) holds.
 */
export function LinkCardModal({
  user,
  organisations,
  onClose,
}: {
  user: User;
  organisations: Organisation[];
  onClose: () => void;
}) {
  const save = useApiMutation('contacts/saveContact');
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Cards still free: not linked to another account, their person still in the service.
  const free = organisations.flatMap((o) => o.contacts).filter((c) => c.userId === null && c.leftOn === null);

  const submit = async () => {
    const contact = free.find((c) => String(c.id) === chosen);
    if (!contact) {
      setError('Choisissez la fiche de cette personne.');
      return;
    }
    try {
      await save.mutateAsync(cardWithAccount(contact, user.id));
      notifySuccess(`Le compte ${deName(user.displayName)} est relié à la fiche ${cardLabel(contact)}.`);
      onClose();
    } catch (failure) {
      notifyFailure(failure);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Relier le compte ${deName(user.displayName)} à sa fiche`}>
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Text size="sm">
            Une fois relié, {user.displayName} voit les personnes dont sa fiche est le référent ou la référente.
          </Text>
          {free.length === 0 ? (
            <Text size="sm">
              Aucune fiche libre dans le répertoire. Créez d’abord la fiche de {user.displayName} dans{' '}
              <Anchor component={Link} to="/contacts">
                Contacts
              </Anchor>
              , dans l’organisme où la personne travaille.
            </Text>
          ) : (
            <Select
              label="Fiche du répertoire"
              placeholder="Choisissez une fiche"
              searchable
              data-autofocus
              data={free.map((c) => ({ value: String(c.id), label: cardLabel(c) }))}
              value={chosen}
              onChange={(value) => {
                setChosen(value);
                setError(null);
              }}
              error={error}
              nothingFoundMessage="Aucune fiche ne correspond."
            />
          )}
          <FormActions onCancel={onClose} submitLabel="Relier" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
