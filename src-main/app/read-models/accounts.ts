/** What the accounts features share: the session a sign-in opens, and the rules a new password meets. */
import type { ReadableDb } from '../../db/access';
import { findStructure } from '../../db/repositories/settings';
import type { SessionView } from '../../shared/contract/auth';
import { AppError } from '../../shared/errors';
import { evaluatePassword } from '../../shared/password-strength';
import { OPEN_BEFORE_PASSWORD_CHANGE } from '../password-change-gate';
import { allowedMethods } from '../permissions';
import type { HandlerServices } from '../handler';
import type { SessionUser } from '../session';

export function sessionViewFor(
  services: Pick<HandlerServices, 'security'>,
  user: SessionUser,
  token: string,
): SessionView {
  const mustChangePassword = user.mustChangePassword === true;
  return {
    token,
    user: { id: user.id, displayName: user.displayName, role: user.role },
    idleLockMinutes: services.security.idleLockMinutes,
    // Until the person chose their own password, no screen of the role opens.
    permissions: mustChangePassword
      ? allowedMethods(user.role).filter((method) => OPEN_BEFORE_PASSWORD_CHANGE.has(method))
      : allowedMethods(user.role),
    mustChangePassword,
  };
}

/** The structure's name, which no password may contain (null before the setup wizard). */
export async function structureNameOf(db: ReadableDb): Promise<string | undefined> {
  return (await findStructure(db))?.structure.name;
}

/** A new account password must be strong enough and contain no part of the person's or the structure's name. */
export function assertPasswordFor(
  password: string,
  owners: { personName: string; structureName?: string },
  field: string,
) {
  const verdict = evaluatePassword(password, 'account', owners);
  if (!verdict.acceptable) throw new AppError('INVALID_INPUT', verdict.advice!, { field });
}
