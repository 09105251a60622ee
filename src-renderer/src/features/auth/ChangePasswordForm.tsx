import { PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { ApiError, useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure } from '../../ui/notify';
import { checkNewPassword, NewPasswordFields, useStructureName } from './NewPasswordFields';
import { useSignedIn } from './SessionContext';

/**
 * The current password, then the new one typed twice with its live rules:
 * used by « Changer mon mot de passe » and by the screen that makes a person
 * replace the password an administrator typed.
 */
export function ChangePasswordForm(props: {
  currentLabel: string;
  onChanged: () => void | Promise<void>;
  /** The buttons, given whether the change is under way. */
  actions: (loading: boolean) => ReactNode;
}) {
  const { user } = useSignedIn();
  const form = useForm({ initialValues: { currentPassword: '', password: '', confirm: '' } });
  const change = useApiMutation('auth/changePassword');
  const values = form.getValues();
  const structureName = useStructureName();

  const submit = async () => {
    if (
      !(await checkNewPassword(form, values.password, values.confirm, { personName: user.displayName, structureName }))
    )
      return;
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.password });
      await props.onChanged();
    } catch (error) {
      // Main names the field `newPassword`; here it is typed in `password`.
      if (error instanceof ApiError && error.payload.field === 'newPassword')
        form.setFieldError('password', error.payload.message);
      else if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <AsyncForm onSubmit={submit}>
      <Stack>
        <PasswordInput label={props.currentLabel} withAsterisk {...form.getInputProps('currentPassword')} />
        <NewPasswordFields
          form={form}
          password={values.password}
          personName={user.displayName}
          label="Nouveau mot de passe"
        />
        {props.actions(change.isPending)}
      </Stack>
    </AsyncForm>
  );
}
