import { PasswordInput, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { SecretOwners } from '@shared/password-strength';
import { newPassword } from '@shared/contract/users';
import { useApiQuery } from '../../api/client';
import { judgePassword } from './password-estimator';
import { PasswordStrength } from './PasswordStrength';

/** The structure's name, which no password may contain (none before the setup wizard is finished). */
export function useStructureName(): string | undefined {
  return useApiQuery('setup/status').data?.structureName ?? undefined;
}

/**
 * A new password typed twice, with the strength meter and its reason live.
 * Fields `${prefix}password` and `${prefix}confirm`. Once the form refused the
 * password, the reason shows under the field only (not in the meter too).
 */
export function NewPasswordFields(props: {
  form: UseFormReturnType<any>;
  /** The password as typed, for the meter. */
  password: string;
  prefix?: string;
  personName?: string;
  /** Defaults to the structure's saved name. */
  structureName?: string;
  label?: string;
}) {
  const prefix = props.prefix ?? '';
  const savedStructureName = useStructureName();
  const refused = Boolean(props.form.errors[`${prefix}password`]);
  return (
    <Stack gap="xs">
      <PasswordInput
        label={props.label ?? 'Mot de passe'}
        description="Au moins 12 caractères, difficile à deviner : une phrase de 4 ou 5 mots sans lien entre eux convient très bien. Ni votre nom, ni celui de la structure."
        withAsterisk
        // Mantine marks this inner input data-invalid only: tell screen readers too.
        aria-invalid={refused || undefined}
        {...props.form.getInputProps(`${prefix}password`)}
      />
      <PasswordStrength
        password={props.password}
        personName={props.personName}
        structureName={props.structureName ?? savedStructureName}
        quiet={refused}
      />
      <PasswordInput
        label="Confirmer le mot de passe"
        withAsterisk
        aria-invalid={Boolean(props.form.errors[`${prefix}confirm`]) || undefined}
        {...props.form.getInputProps(`${prefix}confirm`)}
      />
    </Stack>
  );
}

/** Checks the confirmation; true when both typings match. */
export function confirmMatches(
  form: UseFormReturnType<any>,
  password: string,
  confirm: string,
  field: string,
): boolean {
  if (password === confirm) return true;
  form.setFieldError(field, 'Les deux mots de passe ne sont pas identiques.');
  return false;
}

/**
 * The new password follows the whole policy main applies (length, no part of
 * the person's or the structure's name, strength) and was typed twice the
 * same; the reasons go under the fields.
 */
export async function checkNewPassword(
  form: UseFormReturnType<any>,
  password: string,
  confirm: string,
  owners: SecretOwners,
  prefix = '',
): Promise<boolean> {
  form.clearFieldError(`${prefix}password`);
  form.clearFieldError(`${prefix}confirm`);
  const checked = newPassword.safeParse(password);
  const advice = checked.success ? (await judgePassword(password, owners)).advice : checked.error.issues[0]!.message;
  if (advice) {
    form.setFieldError(`${prefix}password`, advice);
    return false;
  }
  return confirmMatches(form, password, confirm, `${prefix}confirm`);
}
