import type { Method } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { Session } from './session';

/**
 * What a person signed in with a password an administrator typed may call:
 * choose their own, sign out, and what the « Choisissez votre mot de passe »
 * screen needs (who is there, the structure's name for the strength rules).
 * Everything else waits, so the administrator who typed the password cannot
 * act under that person's name.
 */
export const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<Method> = new Set<Method>([
  'auth/changePassword',
  'auth/logout',
  'auth/me',
  'auth/users',
  'auth/login',
  'setup/status',
]);

export function assertPasswordChosen(method: Method, session: Session): void {
  if (session.user?.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(method)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED');
  }
}
