/**
 * The capabilities (`shared/capabilities.ts`) and the permission matrix
 * (`app/permissions.ts`) speak of the same people: each capability is checked
 * here against what the product expects of each role, and against the scope
 * the matrix gives that role, so neither can drift from the other.
 */
import { describe, expect, it } from 'vitest';
import { scopeFor } from '../../src-main/app/permissions';
import {
  ADMINISTRATOR,
  coordinatesWorksites,
  DEFAULT_NEW_ACCOUNT_ROLE,
  followsCaseload,
  managesAccounts,
  readsOwnObservationsOnly,
  seesFseSensitiveData,
  seesSocialDetails,
  supervisesWorksites,
  TEAM_ROLES,
} from '../../src-main/shared/capabilities';
import { ROLES, type Role } from '../../src-main/shared/contract/users';

const holders = (capability: (role: Role) => boolean) => ROLES.filter(capability);

describe('what each role may see or be given, beyond the methods it calls', () => {
  it('names, for each capability, the roles the product expects', () => {
    expect(holders(seesSocialDetails)).toEqual(['administrateur', 'coordination', 'travailleur_social']);
    expect(holders(managesAccounts)).toEqual(['administrateur']);
    expect(holders(supervisesWorksites)).toEqual(['encadrant']);
    expect(holders(coordinatesWorksites)).toEqual(['administrateur', 'coordination']);
    expect(holders(followsCaseload)).toEqual(['travailleur_social']);
    expect(holders(readsOwnObservationsOnly)).toEqual(['encadrant']);
    expect(holders(seesFseSensitiveData)).toEqual(['administrateur', 'travailleur_social']);
  });

  it('agrees with the permission matrix', () => {
    for (const role of ROLES) {
      // Social details are for whoever may edit the person's record.
      expect(seesSocialDetails(role), role).toBe(scopeFor('people/update', role) !== null);
      expect(managesAccounts(role), role).toBe(scopeFor('users/update', role) !== null);
      // A caseload and a supervisor's worksites are the scopes the matrix gives them on people.
      expect(followsCaseload(role), role).toBe(scopeFor('people/search', role) === 'ownCaseload');
      expect(supervisesWorksites(role), role).toBe(scopeFor('attendance/save', role) === 'ownWorksites');
      expect(readsOwnObservationsOnly(role), role).toBe(scopeFor('observations/list', role) === 'ownWorksites');
      // The sensitive FSE+ items: only for a role that records a participant's answers, and not the coordination.
      if (seesFseSensitiveData(role)) expect(scopeFor('fse/saveEntry', role), role).not.toBeNull();
      // The per-participant FSE+ file carries them for a whole operation: only such a role, reaching every participant.
      if (scopeFor('fse/participantsCsv', role) !== null) {
        expect(seesFseSensitiveData(role), role).toBe(true);
        expect(scopeFor('fse/participantsCsv', role), role).toBe('all');
      }
      // A coordinator of a worksite can plan it.
      expect(coordinatesWorksites(role), role).toBe(scopeFor('worksites/save', role) !== null);
    }
  });

  it('creates the first account as one that manages accounts, and proposes a role that cannot', () => {
    expect(managesAccounts(ADMINISTRATOR)).toBe(true);
    expect(managesAccounts(DEFAULT_NEW_ACCOUNT_ROLE)).toBe(false);
    expect(TEAM_ROLES.some(managesAccounts)).toBe(false);
    expect(TEAM_ROLES.filter(supervisesWorksites)).toHaveLength(1);
    expect(TEAM_ROLES.filter(followsCaseload)).toHaveLength(1);
  });
});
