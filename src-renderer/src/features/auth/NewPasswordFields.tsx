import { PasswordInput, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { newPassword } from '@shared/contract/users';
import { PasswordStrength } from './PasswordStrength';

/** A new password typed twice, with the strength meter. Fields `${prefix}password` and `${prefix}confirm`. */
export function NewPasswordFields(props: {
  form: UseFormReturnType<any>;
  /** The password as typed, for the meter. */
  password: string;
  prefix?: string;
  personName?: string;
  label?: string;
}) {
  const prefix = props.prefix ?? '';
  return (
    <Stack gap="xs">
      <PasswordInput
        label={props.label ?? 'Mot de passe'}
        description="Au moins 12 caractères, difficile à deviner : une phrase de 4 ou 5 mots sans lien entre eux convient très bien. Ni votre nom, ni celui de la structure."
        withAsterisk
        {...props.form.getInputProps(`${prefix}password`)}
      />
      <PasswordStrength password={props.password} personName={props.personName} />
      <PasswordInput label="Confirmer le mot de passe" withAsterisk {...props.form.getInputProps(`${prefix}confirm`)} />
    </Stack>
  );
}

/** Checks the confirmation; true when both typings match. */
export function confirmMatches(form: UseFormReturnType<any>, password: string, confirm: string, field: string): boolean {
  if (password === confirm) return true;
  form.setFieldError(field, 'Les deux mots de passe ne sont pas identiques.');
  return false;
}

/** The new password follows the policy and was typed twice the same; messages go under the fields. */
export function checkNewPassword(form: UseFormReturnType<any>, password: string, confirm: string, prefix = ''): boolean {
  const checked = newPassword.safeParse(password);
  if (!checked.success) {
    form.setFieldError(`${prefix}password`, checked.error.issues[0]!.message);
    return false;
  }
  return confirmMatches(form, password, confirm, `${prefix}confirm`);
}
