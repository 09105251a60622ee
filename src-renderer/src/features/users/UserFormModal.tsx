import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DEFAULT_NEW_ACCOUNT_ROLE } from '@shared/capabilities';
import { displayName as displayNameField, ROLES, ROLE_LABELS, type User } from '@shared/contract/users';
import { useApiMutation } from '../../api/client';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { checkNewPassword, NewPasswordFields, useStructureName } from '../auth/NewPasswordFields';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { deName } from '@shared/french';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** New account (name, role, first password) or edit (name, role). */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const form = useForm({
    initialValues: {
      displayName: user?.displayName ?? '',
      role: user?.role ?? DEFAULT_NEW_ACCOUNT_ROLE,
      password: '',
      confirm: '',
    },
  });
  const create = useApiMutation('users/create');
  const update = useApiMutation('users/update');
  const values = form.getValues();
  const structureName = useStructureName();

  const submit = async () => {
    const { displayName, role, password, confirm } = form.getValues();
    try {
      // Every field is checked at once, so the summary lists all that is wrong.
      const named = validateSection(form, 'displayName', displayNameField, displayName);
      if (user) {
        if (!named) return;
        await update.mutateAsync({ id: user.id, displayName, role });
        notifySuccess(`Le compte ${deName(displayName)} est enregistré.`);
      } else {
        const passwordOk = await checkNewPassword(form, password, confirm, { personName: displayName, structureName });
        if (!named || !passwordOk) return;
        await create.mutateAsync({ displayName, role, password });
        notifySuccess(
          `Le compte ${deName(displayName)} est créé. Donnez-lui son mot de passe de vive voix : à sa première connexion, il lui sera demandé d’en choisir un à lui.`,
        );
      }
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title={user ? 'Modifier le compte' : 'Nouveau compte'}>
      <AsyncForm onSubmit={submit}>
        <Stack>
          <TextInput
            label="Nom"
            placeholder="Prénom Nom"
            withAsterisk
            data-autofocus
            {...form.getInputProps('displayName')}
          />
          <Select label="Rôle" data={ROLE_OPTIONS} allowDeselect={false} withAsterisk {...form.getInputProps('role')} />
          {!user && <NewPasswordFields form={form} password={values.password} personName={values.displayName} />}
          <FormActions
            onCancel={onClose}
            submitLabel={user ? 'Enregistrer' : 'Créer le compte'}
            loading={create.isPending || update.isPending}
          />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
