import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { User } from '@shared/contract/users';
import { useApiMutation } from '../../api/client';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { checkNewPassword, NewPasswordFields, useStructureName } from '../auth/NewPasswordFields';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { deName } from '@shared/french';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const form = useForm({ initialValues: { password: '', confirm: '' } });
  const reset = useApiMutation('users/resetPassword');
  const values = form.getValues();
  const structureName = useStructureName();

  const submit = async () => {
    if (
      !(await checkNewPassword(form, values.password, values.confirm, { personName: user.displayName, structureName }))
    )
      return;
    try {
      await reset.mutateAsync({ id: user.id, password: values.password });
      notifySuccess(`Le mot de passe ${deName(user.displayName)} est réinitialisé.`);
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Réinitialiser le mot de passe ${deName(user.displayName)}`}>
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Text size="sm">
            Le compte est aussi déverrouillé. Donnez le nouveau mot de passe de vive voix : à sa prochaine connexion,{' '}
            {user.displayName} devra en choisir un à lui.
          </Text>
          <NewPasswordFields
            form={form}
            password={values.password}
            personName={user.displayName}
            label="Nouveau mot de passe"
          />
          <FormActions onCancel={onClose} submitLabel="Réinitialiser" loading={reset.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
