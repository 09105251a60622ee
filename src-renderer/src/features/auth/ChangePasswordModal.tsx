import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApiMutation } from '../../api/client';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { checkNewPassword, NewPasswordFields, useStructureName } from './NewPasswordFields';
import { useSignedIn } from './SessionContext';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { user } = useSignedIn();
  const form = useForm({ initialValues: { currentPassword: '', password: '', confirm: '' } });
  const change = useApiMutation('auth/changePassword');
  const values = form.getValues();
  const structureName = useStructureName();

  const submit = async () => {
    if (!(await checkNewPassword(form, values.password, values.confirm, { personName: user.displayName, structureName }))) return;
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.password });
      notifySuccess('Votre mot de passe est changé.');
      onClose();
    } catch (error) {
      const mapped = showServerErrors(form, error);
      if (form.errors.newPassword) form.setFieldError('password', form.errors.newPassword);
      if (!mapped) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Changer mon mot de passe">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <PasswordInput label="Mot de passe actuel" withAsterisk {...form.getInputProps('currentPassword')} />
          <NewPasswordFields form={form} password={values.password} personName={user.displayName} label="Nouveau mot de passe" />
          <FormActions onCancel={onClose} submitLabel="Changer le mot de passe" loading={change.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
