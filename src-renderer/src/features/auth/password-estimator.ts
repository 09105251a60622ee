import type { PasswordVerdict, SecretOwners, SecretPurpose } from '@shared/password-strength';

type Evaluate = typeof import('@shared/password-strength').evaluatePassword;

// The estimator's dictionaries weigh about 1 MB: loaded once, when a password is first typed or checked.
let loading: Promise<Evaluate> | null = null;
export const loadEstimator = () =>
  (loading ??= import('@shared/password-strength').then((module) => module.evaluatePassword));

/**
 * The same verdict main gives (CNIL délibération 2022-100: length, no part of
 * the person's or the structure's name, strength), so the form refuses on the
 * step where the password is typed, with main's French reason.
 */
export async function judgePassword(
  password: string,
  owners: SecretOwners,
  purpose: SecretPurpose = 'account',
): Promise<PasswordVerdict> {
  return (await loadEstimator())(password, purpose, owners);
}
