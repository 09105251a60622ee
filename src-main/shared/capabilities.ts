/**
 * What a role may see or be given beyond the methods it may call (those are
 * the permission matrix, `app/permissions.ts`): the few rules that depend on
 * who is asking, written once for main and the renderer. No role is named
 * anywhere else (tests/unit/role-literals.test.ts reads every source file).
 */
import type { Role } from './contract/users';

/** The account the setup wizard creates; the one role that manages accounts, so one must stay active. */
export const ADMINISTRATOR: Role = 'administrateur';

/** The role proposed when an administrator creates an account. */
export const DEFAULT_NEW_ACCOUNT_ROLE: Role = 'coordination';

/** The roles the daily work needs besides the administrator (psychologist and read-only are optional). */
export const TEAM_ROLES: readonly Role[] = ['coordination', 'encadrant', 'travailleur_social'];

const SOCIAL_DETAILS_READERS: readonly Role[] = ['administrateur', 'coordination', 'travailleur_social'];

/**
 * A person's social details (resources, RQTH, housing, mobility) and the
 * health-related times of a worksite (medical visit, psychologist): for those
 * who follow the person's parcours, not for the supervisor, who sees identity
 * and the work (CNIL délibération 2021-028: access limited to what each
 * professional needs).
 */
export function seesSocialDetails(role: Role): boolean {
  return SOCIAL_DETAILS_READERS.includes(role);
}

/** Manages accounts (Paramètres › Comptes): the last active one cannot be deactivated or demoted. */
export function managesAccounts(role: Role): boolean {
  return role === 'administrateur';
}

/** May be named a worksite's supervisor (encadrant technique). */
export function supervisesWorksites(role: Role): boolean {
  return role === 'encadrant';
}

/** May be named a worksite's coordinator. */
export function coordinatesWorksites(role: Role): boolean {
  return role === 'coordination' || role === 'administrateur';
}

/**
 * Follows a caseload (travailleur social / CIP): reaches only the people whose
 * referent she is, through her card in the directory.
 */
export function followsCaseload(role: Role): boolean {
  return role === 'travailleur_social';
}

/** Reads back only the observations he wrote (the supervisor), not what others noted about the person. */
export function readsOwnObservationsOnly(role: Role): boolean {
  return role === 'encadrant';
}
