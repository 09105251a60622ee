import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS, type Method } from '../../src-main/shared/contract';
import { ROLES, type Role } from '../../src-main/shared/contract/users';
import { PERMISSIONS, allowedMethods } from '../../src-main/app/permissions';
import { dispatch } from '../../src-main/app/dispatch';
import { OPEN_BEFORE_PASSWORD_CHANGE } from '../../src-main/app/password-change-gate';
import type { Services } from '../../src-main/app/services';
import type { Session } from '../../src-main/app/session';
import { configured, sessionAs, shared } from './support/services';

/**
 * Who may call what, written out as the product expects it. The matrix in
 * src-main/app/permissions.ts must agree, and a method added to the contract
 * without a line here fails the first test.
 */
const EVERYONE = 'public';
const ALL_ROLES = ROLES.join(' ');
const EXPECTED: Record<Method, string> = {
  'app/info': EVERYONE,
  'setup/status': EVERYONE,
  'setup/complete': EVERYONE,
  'setup/createAdministrator': EVERYONE,
  'storage/status': 'administrateur',
  'storage/testConnection': 'administrateur',
  'storage/readAuthority': 'administrateur',
  'storage/choosePostgres': 'administrateur',
  'storage/chooseSqlite': 'administrateur',
  'storage/writeJoinFile': 'administrateur',
  'storage/joinWithFile': 'administrateur',
  'lan/status': 'administrateur',
  'lan/createPairingCode': 'administrateur',
  'lan/revokeDevice': 'administrateur',
  'poste/status': EVERYONE,
  'poste/probe': 'administrateur',
  'poste/pair': 'administrateur',
  'poste/forget': 'administrateur',
  'auth/users': EVERYONE,
  'auth/login': EVERYONE,
  'auth/me': EVERYONE,
  'auth/logout': EVERYONE,
  'auth/changePassword': ALL_ROLES,
  'files/chooseFile': 'administrateur coordination travailleur_social',
  'files/chooseFolder': 'administrateur coordination',
  'files/list': 'administrateur coordination travailleur_social',
  'settings/importLogo': 'administrateur coordination',
  'settings/get': 'administrateur coordination',
  'settings/getLogo': 'administrateur coordination',
  'settings/updateStructure': 'administrateur',
  'settings/updateHours': 'administrateur',
  'settings/updateSecurity': 'administrateur',
  'settings/updatePeopleOptions': 'administrateur',
  'settings/updateCalendar': 'administrateur',
  'settings/removeCalendarChange': 'administrateur',
  'settings/addClosure': 'administrateur coordination',
  'settings/removeClosure': 'administrateur coordination',
  'settings/saveEmployer': 'administrateur',
  'settings/setEmployerArchived': 'administrateur',
  'settings/addWageRate': 'administrateur',
  'settings/removeWageRate': 'administrateur',
  'users/list': 'administrateur',
  'users/create': 'administrateur',
  'users/update': 'administrateur',
  'users/setActive': 'administrateur',
  'users/resetPassword': 'administrateur',
  'journal/list': 'administrateur',
  'journal/verify': 'administrateur',
  'journal/export': 'administrateur',
  'contacts/list': 'administrateur coordination travailleur_social',
  'contacts/saveOrganisation': 'administrateur coordination',
  'contacts/saveContact': 'administrateur coordination',
  'funders/list': 'administrateur coordination',
  'funders/save': 'administrateur coordination',
  'people/search': 'administrateur coordination travailleur_social encadrant',
  'people/get': 'administrateur coordination travailleur_social encadrant',
  'people/findDuplicates': 'administrateur coordination',
  'people/create': 'administrateur coordination',
  'people/update': 'administrateur coordination travailleur_social',
  'people/addSituation': 'administrateur coordination travailleur_social',
  'people/setArchived': 'administrateur coordination',
  'people/revealNir': 'administrateur',
  'people/openJourney': 'administrateur coordination travailleur_social',
  'people/moveJourney': 'administrateur coordination travailleur_social',
  'people/recordOutcome': 'administrateur coordination travailleur_social',
  'people/saveObstacle': 'administrateur coordination travailleur_social',
  'people/importRead': 'administrateur coordination',
  'people/importPreview': 'administrateur coordination',
  'people/importCommit': 'administrateur coordination',
  'worksites/list': 'administrateur coordination travailleur_social encadrant',
  'worksites/get': 'administrateur coordination travailleur_social encadrant',
  'worksites/planning': 'administrateur coordination travailleur_social encadrant',
  'worksites/personAgenda': 'administrateur coordination travailleur_social encadrant',
  'worksites/save': 'administrateur coordination',
  'worksites/previewSchedule': 'administrateur coordination',
  'worksites/generateSessions': 'administrateur coordination',
  'worksites/addSession': 'administrateur coordination',
  'worksites/cancelSession': 'administrateur coordination',
  'worksites/addParticipant': 'administrateur coordination',
  'worksites/addAnnexTime': 'administrateur coordination',
  'worksites/moveSession': 'administrateur coordination',
  'contracts/update': 'administrateur coordination',
  'contracts/renew': 'administrateur coordination',
  'contracts/endEarly': 'administrateur coordination',
  'contracts/withdrawEarlyEnd': 'administrateur coordination',
  'attendance/week': 'administrateur coordination encadrant',
  'attendance/save': 'administrateur coordination encadrant',
  'attendance/markAnnexTime': 'administrateur coordination encadrant',
  'attendance/hours': 'administrateur coordination travailleur_social encadrant',
  'backup/status': 'administrateur',
  'backup/suggestPassphrase': 'administrateur',
  'backup/setPassphrase': 'administrateur',
  'backup/recoverySheet': 'administrateur',
  'backup/create': 'administrateur',
  'backup/progress': 'administrateur',
  'backup/inspect': 'administrateur',
  'backup/restore': 'administrateur',
  'asp/preview': 'administrateur coordination',
  'asp/get': 'administrateur coordination',
  'asp/validate': 'administrateur coordination',
  'asp/export': 'administrateur coordination',
  'payroll/list': 'administrateur coordination',
  'payroll/get': 'administrateur coordination',
  'payroll/validate': 'administrateur coordination',
  'payroll/transmit': 'administrateur coordination',
  'payroll/withdraw': 'administrateur',
  'payroll/export': 'administrateur coordination',
  'payroll/matricules': 'administrateur coordination',
  'payroll/setMatricule': 'administrateur coordination',
  'payroll/payItemCodes': 'administrateur coordination',
  'payroll/setPayItemCodes': 'administrateur coordination',
  'documents/preview': 'administrateur coordination',
  'documents/generate': 'administrateur coordination',
  'documents/list': 'administrateur coordination',
  'documents/content': 'administrateur coordination',
  'documents/saveCopy': 'administrateur coordination',
  'documents/attach': 'administrateur coordination',
  'documents/attachmentContent': 'administrateur coordination',
  'documents/merge': 'administrateur coordination',
  'documents/search': 'administrateur coordination',
  'evaluations/grid': 'administrateur coordination',
  'evaluations/saveCriterion': 'administrateur',
  'evaluations/get': 'administrateur coordination travailleur_social encadrant',
  'evaluations/save': 'administrateur coordination travailleur_social encadrant',
  'observations/list': 'administrateur coordination travailleur_social encadrant',
  'observations/add': 'administrateur coordination travailleur_social encadrant',
  'observations/qualify': 'administrateur coordination travailleur_social',
  'healthChecks/list': 'administrateur coordination travailleur_social encadrant',
  'healthChecks/save': 'administrateur coordination travailleur_social',
  'iae/get': 'administrateur coordination travailleur_social',
  'iae/saveCriterion': 'administrateur coordination travailleur_social',
  'iae/proofContent': 'administrateur coordination travailleur_social',
  'iae/removeCriterion': 'administrateur coordination travailleur_social',
  'iae/savePass': 'administrateur coordination travailleur_social',
  'iae/addProlongation': 'administrateur coordination travailleur_social',
  'pmsmp/list': 'administrateur coordination travailleur_social',
  'pmsmp/save': 'administrateur coordination travailleur_social',
  'pmsmp/renew': 'administrateur coordination travailleur_social',
  'pmsmp/saveBilan': 'administrateur coordination travailleur_social',
  'pmsmp/printConvention': 'administrateur coordination travailleur_social',
  'pmsmp/printBilan': 'administrateur coordination travailleur_social',
  'fse/operations': 'administrateur coordination travailleur_social',
  'fse/saveOperation': 'administrateur coordination',
  'fse/person': 'administrateur coordination travailleur_social',
  'fse/suggest': 'administrateur coordination travailleur_social',
  'fse/saveEntry': 'administrateur coordination travailleur_social',
  'fse/saveExit': 'administrateur coordination travailleur_social',
  'fse/saveSixMonths': 'administrateur coordination travailleur_social',
  'fse/followUps': 'administrateur coordination travailleur_social',
  'bilans/get': 'administrateur coordination travailleur_social',
  'bilans/save': 'administrateur coordination travailleur_social',
  'bilans/worksite': 'administrateur coordination encadrant',
  'bilans/saveWorksite': 'administrateur coordination encadrant',
  'debriefs/list': 'psychologue',
  'debriefs/saveNote': 'psychologue',
  'dashboard/checklist': 'administrateur',
  'dashboard/summary': 'administrateur coordination travailleur_social encadrant',
  'rgpd/reviews': 'administrateur',
  'rgpd/extend': 'administrateur',
  'rgpd/anonymise': 'administrateur',
  'rgpd/exportPerson': 'administrateur coordination travailleur_social',
  'rgpd/requests': 'administrateur coordination',
  'rgpd/saveRequest': 'administrateur coordination',
  'rgpd/notice': 'administrateur coordination',
  'rgpd/register': 'administrateur',
  'search/anywhere': ALL_ROLES,
  'stats/figures': 'administrateur coordination lecture_seule',
  'stats/people': 'administrateur coordination',
  'stats/report': 'administrateur coordination lecture_seule',
  'stats/export': 'administrateur coordination lecture_seule',
  'fse/indicators': 'administrateur coordination',
  'fse/indicatorsReport': 'administrateur coordination',
  'fse/indicatorsExport': 'administrateur coordination',
  'fse/participantsCsv': 'administrateur',
};

function expectedAllowed(method: Method, role: Role): boolean {
  const who = EXPECTED[method];
  return who === EVERYONE || who.split(' ').includes(role);
}

let services: Services;
const sessions = {} as Record<Role, Session>;

beforeAll(async () => {
  await shared(async () => {
    ({ services } = await configured());
    for (const role of ROLES) sessions[role] = await sessionAs(services, role, `Compte ${role}`);
  });
});

/** A fresh token for the same account, so a logout in one call does not affect the next. */
function freshSession(role: Role): Session {
  const user = sessions[role].user!;
  return { user, token: services.sessions.create(user, services.clock.now()) };
}

describe('permission matrix', () => {
  it('has an entry for every contract method, and the expected table too', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...METHODS].sort());
  });

  it('keeps public exactly the methods the contract declares public', () => {
    for (const method of METHODS) {
      expect(PERMISSIONS[method] === 'public', method).toBe(contract[method].access === 'public');
    }
  });

  describe.each(METHODS)('%s', (method) => {
    it.each(ROLES)('as %s', async (role) => {
      // Authorisation comes before validation: an empty input tells allowed from refused.
      const result = await dispatch(services, method, {}, freshSession(role));
      if (expectedAllowed(method, role)) {
        if (!result.ok) expect(result.error.code).not.toMatch(/^(FORBIDDEN|UNAUTHORIZED)$/);
      } else {
        expect(result).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Vous n’avez pas le droit de faire cette action.' },
        });
      }
    });
  });

  // Signed in with a password an administrator typed: every role, every method but choosing one's own waits.
  describe.each(METHODS)('%s before the password an administrator typed is replaced', (method) => {
    it.each(ROLES)('as %s', async (role) => {
      const session = freshSession(role);
      const result = await dispatch(
        services,
        method,
        {},
        { ...session, user: { ...session.user!, mustChangePassword: true } },
      );
      if (OPEN_BEFORE_PASSWORD_CHANGE.has(method)) {
        if (!result.ok) expect(result.error.code).not.toMatch(/^(PASSWORD_CHANGE_REQUIRED|FORBIDDEN|UNAUTHORIZED)$/);
      } else {
        expect(result).toEqual({
          ok: false,
          error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choisissez d’abord un nouveau mot de passe.' },
        });
      }
    });
  });

  it('tells the renderer which methods a role may use', () => {
    expect(allowedMethods('lecture_seule')).toEqual([
      'auth/changePassword',
      'stats/figures',
      'stats/report',
      'stats/export',
      'search/anywhere',
    ]);
    expect(allowedMethods('coordination')).toContain('settings/get');
    expect(allowedMethods('coordination')).not.toContain('settings/updateStructure');
    expect(allowedMethods('administrateur')).toContain('journal/export');
  });

  it('never lets a caller past the matrix, whatever the method, role and input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.constantFrom(...ROLES, null),
        fc.oneof(fc.constant({}), fc.object(), fc.string(), fc.constant(null)),
        async (method, role, input) => {
          const session = role ? freshSession(role) : { user: null };
          const result = await dispatch(services, method, input, session);
          if (role === null && contract[method].access !== 'public') {
            expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
          } else if (role !== null && !expectedAllowed(method, role)) {
            expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          }
          if (!result.ok) expect(result.error.message).toMatch(/[a-zé]{3}/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
