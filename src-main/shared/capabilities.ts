/**
 * What a role may see or be given beyond the methods it may call (those are
 * the permission matrix, `app/permissions.ts`, which re-exports these for
 * main): the few rules that depend on who is asking, written once for main
 * and the renderer. One row per role, every capability decided, so a new role
 * cannot be added without deciding each. No role is named anywhere else
 * (tests/unit/role-literals.test.ts reads every source file).
 */
import type { Role } from './contract/users';

interface Capabilities {
  /**
   * A person's social details (resources, RQTH, housing, mobility, freins) and
   * what a health-related annex time is (medical visit, psychologist): for those
   * who follow the person's parcours, not for the supervisor, who sees identity
   * and the work (CNIL délibération 2021-028: access limited to what each
   * professional needs; GDPR art. 9 for health).
   */
  seesSocialDetails: boolean;
  /** Manages accounts (Paramètres › Comptes): the last active such account can be neither deactivated nor given another role. */
  managesAccounts: boolean;
  /** May be named a worksite's supervisor (encadrant technique). */
  supervisesWorksites: boolean;
  /** May be named a worksite's coordinator. */
  coordinatesWorksites: boolean;
  /** Follows a caseload: reaches only the people whose referent she is, through her card in the directory. */
  followsCaseload: boolean;
  /** Reads back only the observations he wrote, not what others noted about the person. */
  readsOwnObservationsOnly: boolean;
  /**
   * Sees and records the sensitive FSE+ items of a participant (disability,
   * third-country national, foreign background, minority: Regulation (EU)
   * 2021/1057, Annex I; GDPR art. 9): who asks them face to face, the social
   * worker (CIP) and the administrator. The coordination reads the operation's
   * aggregated table only.
   */
  seesFseSensitiveData: boolean;
}

const CAPABILITIES: Record<Role, Capabilities> = {
  administrateur: {
    seesSocialDetails: true,
    managesAccounts: true,
    supervisesWorksites: false,
    coordinatesWorksites: true,
    followsCaseload: false,
    readsOwnObservationsOnly: false,
    seesFseSensitiveData: true,
  },
  coordination: {
    seesSocialDetails: true,
    managesAccounts: false,
    supervisesWorksites: false,
    coordinatesWorksites: true,
    followsCaseload: false,
    readsOwnObservationsOnly: false,
    seesFseSensitiveData: false,
  },
  encadrant: {
    seesSocialDetails: false,
    managesAccounts: false,
    supervisesWorksites: true,
    coordinatesWorksites: false,
    followsCaseload: false,
    readsOwnObservationsOnly: true,
    seesFseSensitiveData: false,
  },
  travailleur_social: {
    seesSocialDetails: true,
    managesAccounts: false,
    supervisesWorksites: false,
    coordinatesWorksites: false,
    followsCaseload: true,
    readsOwnObservationsOnly: false,
    seesFseSensitiveData: true,
  },
  psychologue: {
    seesSocialDetails: false,
    managesAccounts: false,
    supervisesWorksites: false,
    coordinatesWorksites: false,
    followsCaseload: false,
    readsOwnObservationsOnly: false,
    seesFseSensitiveData: false,
  },
  lecture_seule: {
    seesSocialDetails: false,
    managesAccounts: false,
    supervisesWorksites: false,
    coordinatesWorksites: false,
    followsCaseload: false,
    readsOwnObservationsOnly: false,
    seesFseSensitiveData: false,
  },
};

export const seesSocialDetails = (role: Role): boolean => CAPABILITIES[role].seesSocialDetails;
export const managesAccounts = (role: Role): boolean => CAPABILITIES[role].managesAccounts;
export const supervisesWorksites = (role: Role): boolean => CAPABILITIES[role].supervisesWorksites;
export const coordinatesWorksites = (role: Role): boolean => CAPABILITIES[role].coordinatesWorksites;
export const followsCaseload = (role: Role): boolean => CAPABILITIES[role].followsCaseload;
export const readsOwnObservationsOnly = (role: Role): boolean => CAPABILITIES[role].readsOwnObservationsOnly;
export const seesFseSensitiveData = (role: Role): boolean => CAPABILITIES[role].seesFseSensitiveData;

/** The account the setup wizard creates: the one that manages accounts. */
export const ADMINISTRATOR: Role = 'administrateur';

/** The role proposed when an administrator creates an account. */
export const DEFAULT_NEW_ACCOUNT_ROLE: Role = 'coordination';

/** The roles the daily work needs besides the administrator (psychologist and read-only are optional). */
export const TEAM_ROLES: readonly Role[] = ['coordination', 'encadrant', 'travailleur_social'];
