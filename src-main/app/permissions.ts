import { METHODS, type Method } from '../shared/contract';
import { ROLES, type Role } from '../shared/contract/users';

/**
 * The one permission matrix. Every contract method has an entry (a test
 * enumerates the contract); no entry, or no line for a role, means refused.
 * The scope says which records a role reaches; records out of scope answer
 * NOT_FOUND everywhere (lists, searches, drill-downs, exports), never FORBIDDEN:
 * - `all`: every record;
 * - `ownCaseload`: people whose social referent the user is (travailleur social), on every worksite;
 * - `ownWorksites`: people and sessions of the worksites the user supervises (encadrant),
 *   a person's hours and agenda on those worksites only.
 * The conditions are written once, in `db/reach.ts`, and added to every query that returns people.
 * `public` methods answer before anyone signs in (login screen, first run).
 */
export type Scope = 'all' | 'ownCaseload' | 'ownWorksites';
type Entry = 'public' | Partial<Record<Role, Scope>>;

const ADMIN = { administrateur: 'all' } as const;
const ADMIN_AND_COORDINATION = { administrateur: 'all', coordination: 'all' } as const;
const PEOPLE_READERS = {
  administrateur: 'all',
  coordination: 'all',
  travailleur_social: 'ownCaseload',
  encadrant: 'ownWorksites',
} as const;
const PEOPLE_EDITORS = { administrateur: 'all', coordination: 'all', travailleur_social: 'ownCaseload' } as const;
const DIRECTORY_READERS = { administrateur: 'all', coordination: 'all', travailleur_social: 'all' } as const;
/** Who follows a person on a worksite: the supervisor on his worksites, the social worker for her caseload. */
const FOLLOW_UP = {
  administrateur: 'all',
  coordination: 'all',
  travailleur_social: 'ownCaseload',
  encadrant: 'ownWorksites',
} as const;
const STATS_READERS = { administrateur: 'all', coordination: 'all', lecture_seule: 'all' } as const;
/** A social worker sees every worksite, and on each only the people of her caseload (`db/reach.ts`). */
const WORKSITE_READERS = {
  administrateur: 'all',
  coordination: 'all',
  travailleur_social: 'ownCaseload',
  encadrant: 'ownWorksites',
} as const;
const EVERY_ROLE = Object.fromEntries(ROLES.map((role) => [role, 'all'])) as Record<Role, Scope>;

export const PERMISSIONS: Record<Method, Entry> = {
  'app/info': 'public',
  'setup/status': 'public',
  'setup/complete': 'public',
  'setup/createAdministrator': 'public',
  // Where the data is kept: open while the wizard runs (access `setup`), then the administrator only.
  'storage/status': ADMIN,
  'storage/testConnection': ADMIN,
  'storage/readAuthority': ADMIN,
  'storage/choosePostgres': ADMIN,
  'storage/chooseSqlite': ADMIN,
  'storage/writeJoinFile': ADMIN,
  'storage/joinWithFile': ADMIN,
  // The PCs paired with the Passerelle server (issue 29): the administrator only.
  'lan/status': ADMIN,
  'lan/createPairingCode': ADMIN,
  'lan/revokeDevice': ADMIN,
  // This PC’s own link to a server (answered here, never by the server): during the wizard, then the
  // administrator; on a paired PC, lan/station.ts adds its own rule (an administrator of the server).
  'poste/status': 'public',
  'poste/probe': ADMIN,
  'poste/pair': ADMIN,
  'poste/forget': ADMIN,
  'auth/users': 'public',
  'auth/login': 'public',
  'auth/me': 'public',
  'auth/logout': 'public',
  'auth/changePassword': EVERY_ROLE,
  // The social worker picks a file too: the scan of an IAE eligibility proof (iae/saveCriterion).
  'files/chooseFile': DIRECTORY_READERS,
  'files/chooseFolder': ADMIN_AND_COORDINATION,
  'files/list': DIRECTORY_READERS,
  // Copies an image into the data folder, nothing else: the coordination adds the funders' emblems.
  'settings/importLogo': ADMIN_AND_COORDINATION,
  'settings/get': ADMIN_AND_COORDINATION,
  'settings/getLogo': ADMIN_AND_COORDINATION,
  'settings/updateStructure': ADMIN,
  'settings/updateHours': ADMIN,
  'settings/updateSecurity': ADMIN,
  'settings/updatePeopleOptions': ADMIN,
  'settings/updateCalendar': ADMIN,
  'settings/removeCalendarChange': ADMIN,
  'settings/addClosure': ADMIN_AND_COORDINATION,
  'settings/removeClosure': ADMIN_AND_COORDINATION,
  'settings/saveEmployer': ADMIN,
  'settings/setEmployerArchived': ADMIN,
  'settings/addWageRate': ADMIN,
  'settings/removeWageRate': ADMIN,
  'users/list': ADMIN,
  'users/create': ADMIN,
  'users/update': ADMIN,
  'users/setActive': ADMIN,
  'users/resetPassword': ADMIN,
  'journal/list': ADMIN,
  'journal/verify': ADMIN,
  'journal/export': ADMIN,
  'contacts/list': DIRECTORY_READERS,
  'contacts/saveOrganisation': ADMIN_AND_COORDINATION,
  'contacts/saveContact': ADMIN_AND_COORDINATION,
  'funders/list': ADMIN_AND_COORDINATION,
  'funders/save': ADMIN_AND_COORDINATION,
  'people/search': PEOPLE_READERS,
  'people/get': PEOPLE_READERS,
  'people/findDuplicates': ADMIN_AND_COORDINATION,
  'people/create': ADMIN_AND_COORDINATION,
  'people/update': PEOPLE_EDITORS,
  'people/addSituation': PEOPLE_EDITORS,
  'people/setArchived': ADMIN_AND_COORDINATION,
  'people/revealNir': ADMIN,
  'people/openJourney': PEOPLE_EDITORS,
  'people/moveJourney': PEOPLE_EDITORS,
  'people/recordOutcome': PEOPLE_EDITORS,
  'people/saveObstacle': PEOPLE_EDITORS,
  'people/importRead': ADMIN_AND_COORDINATION,
  'people/importPreview': ADMIN_AND_COORDINATION,
  'people/importCommit': ADMIN_AND_COORDINATION,
  'worksites/list': WORKSITE_READERS,
  'worksites/get': WORKSITE_READERS,
  'worksites/planning': WORKSITE_READERS,
  'worksites/personAgenda': PEOPLE_READERS,
  'worksites/save': ADMIN_AND_COORDINATION,
  'worksites/previewSchedule': ADMIN_AND_COORDINATION,
  'worksites/generateSessions': ADMIN_AND_COORDINATION,
  'worksites/addSession': ADMIN_AND_COORDINATION,
  'worksites/cancelSession': ADMIN_AND_COORDINATION,
  'worksites/addParticipant': ADMIN_AND_COORDINATION,
  'worksites/addAnnexTime': ADMIN_AND_COORDINATION,
  'worksites/moveSession': ADMIN_AND_COORDINATION,
  'contracts/update': ADMIN_AND_COORDINATION,
  'contracts/renew': ADMIN_AND_COORDINATION,
  'contracts/endEarly': ADMIN_AND_COORDINATION,
  'contracts/withdrawEarlyEnd': ADMIN_AND_COORDINATION,
  'attendance/week': { administrateur: 'all', coordination: 'all', encadrant: 'ownWorksites' },
  'attendance/save': { administrateur: 'all', coordination: 'all', encadrant: 'ownWorksites' },
  'attendance/markAnnexTime': { administrateur: 'all', coordination: 'all', encadrant: 'ownWorksites' },
  'attendance/hours': PEOPLE_READERS,
  'backup/status': ADMIN,
  'backup/suggestPassphrase': ADMIN,
  'backup/setPassphrase': ADMIN,
  'backup/recoverySheet': ADMIN,
  'backup/create': ADMIN,
  'backup/progress': ADMIN,
  'backup/inspect': ADMIN,
  'backup/restore': ADMIN,
  // The ASP monthly state of the ACI: the secretary (administration) and coordination; never the encadrant.
  'asp/preview': ADMIN_AND_COORDINATION,
  'asp/get': ADMIN_AND_COORDINATION,
  'asp/validate': ADMIN_AND_COORDINATION,
  'asp/export': ADMIN_AND_COORDINATION,
  'payroll/list': ADMIN_AND_COORDINATION,
  'payroll/get': ADMIN_AND_COORDINATION,
  'payroll/validate': ADMIN_AND_COORDINATION,
  'payroll/transmit': ADMIN_AND_COORDINATION,
  'payroll/withdraw': ADMIN,
  'payroll/export': ADMIN_AND_COORDINATION,
  'payroll/matricules': ADMIN_AND_COORDINATION,
  'payroll/setMatricule': ADMIN_AND_COORDINATION,
  'payroll/payItemCodes': ADMIN_AND_COORDINATION,
  'payroll/setPayItemCodes': ADMIN_AND_COORDINATION,
  'documents/preview': ADMIN_AND_COORDINATION,
  'documents/generate': ADMIN_AND_COORDINATION,
  'documents/list': ADMIN_AND_COORDINATION,
  'documents/content': ADMIN_AND_COORDINATION,
  'documents/saveCopy': ADMIN_AND_COORDINATION,
  'documents/attach': ADMIN_AND_COORDINATION,
  'documents/attachmentContent': ADMIN_AND_COORDINATION,
  'documents/merge': ADMIN_AND_COORDINATION,
  'documents/search': ADMIN_AND_COORDINATION,
  'evaluations/grid': ADMIN_AND_COORDINATION,
  'evaluations/saveCriterion': ADMIN,
  'evaluations/get': FOLLOW_UP,
  'evaluations/save': FOLLOW_UP,
  // A supervisor writes observations and reads back only his own (handler); the social worker qualifies them into freins.
  'observations/list': FOLLOW_UP,
  'observations/add': FOLLOW_UP,
  'observations/qualify': PEOPLE_EDITORS,
  // The supervisor reads the work restrictions he must respect; no medical content is ever recorded.
  'healthChecks/list': FOLLOW_UP,
  'healthChecks/save': PEOPLE_EDITORS,
  // Immersions (PMSMP): who follows the person's parcours, a social worker for her caseload.
  'pmsmp/list': PEOPLE_EDITORS,
  'pmsmp/save': PEOPLE_EDITORS,
  'pmsmp/renew': PEOPLE_EDITORS,
  'pmsmp/saveBilan': PEOPLE_EDITORS,
  'pmsmp/printConvention': PEOPLE_EDITORS,
  'pmsmp/printBilan': PEOPLE_EDITORS,
  // IAE eligibility and PASS IAE: social details (RSA, RQTH, detention, refugee…), for who follows the parcours, not the supervisor.
  'iae/get': PEOPLE_EDITORS,
  'iae/saveCriterion': PEOPLE_EDITORS,
  'iae/proofContent': PEOPLE_EDITORS,
  'iae/removeCriterion': PEOPLE_EDITORS,
  'iae/savePass': PEOPLE_EDITORS,
  'iae/addProlongation': PEOPLE_EDITORS,
  // FSE+: operations set by the coordination; a participant's answers by who follows the parcours. The sensitive items
  // (disability, origin, minority) only for roles with seesFseSensitiveData (capabilities), checked in the handler.
  'fse/operations': DIRECTORY_READERS,
  'fse/saveOperation': ADMIN_AND_COORDINATION,
  'fse/person': PEOPLE_EDITORS,
  'fse/suggest': PEOPLE_EDITORS,
  'fse/saveEntry': PEOPLE_EDITORS,
  'fse/saveExit': PEOPLE_EDITORS,
  'fse/saveSixMonths': PEOPLE_EDITORS,
  'fse/followUps': PEOPLE_EDITORS,
  'bilans/get': PEOPLE_EDITORS,
  'bilans/save': PEOPLE_EDITORS,
  'bilans/worksite': { administrateur: 'all', coordination: 'all', encadrant: 'ownWorksites' },
  'bilans/saveWorksite': { administrateur: 'all', coordination: 'all', encadrant: 'ownWorksites' },
  // The psychologist's notes: the psychologist alone (the author, in the handler).
  'debriefs/list': { psychologue: 'all' },
  'debriefs/saveNote': { psychologue: 'all' },
  // Aggregates for management and funders; the people behind a figure only for those who manage records.
  // What needs doing today: each item shown only to a role that can act on it (handler); a supervisor sees his worksites.
  'dashboard/checklist': ADMIN,
  'dashboard/summary': {
    administrateur: 'all',
    coordination: 'all',
    travailleur_social: 'all',
    encadrant: 'ownWorksites',
  },
  // RGPD: reviews and anonymisation by the administrator; the person's own export by whoever follows them.
  'rgpd/reviews': ADMIN,
  'rgpd/extend': ADMIN,
  'rgpd/anonymise': ADMIN,
  'rgpd/exportPerson': PEOPLE_EDITORS,
  'rgpd/requests': ADMIN_AND_COORDINATION,
  'rgpd/saveRequest': ADMIN_AND_COORDINATION,
  'rgpd/notice': ADMIN_AND_COORDINATION,
  'rgpd/register': ADMIN,
  // Every role searches; each group of results keeps the scope of the method that opens it (handlers/search.ts).
  'search/anywhere': EVERY_ROLE,
  'stats/figures': STATS_READERS,
  'stats/people': ADMIN_AND_COORDINATION,
  'stats/report': STATS_READERS,
  'stats/export': STATS_READERS,
  // The FSE+ table is aggregated (statistical secrecy); the per-participant file holds the sensitive
  // items of Annex I, 1b: only the administrator, who sees them (capability seesFseSensitiveData) over
  // every operation — a social worker sees them for her caseload only, not a whole operation's file.
  'fse/indicators': ADMIN_AND_COORDINATION,
  'fse/indicatorsReport': ADMIN_AND_COORDINATION,
  'fse/indicatorsExport': ADMIN_AND_COORDINATION,
  'fse/participantsCsv': ADMIN,
};

export function isPublic(method: Method): boolean {
  return PERMISSIONS[method] === 'public';
}

/** The scope a role has on a method, or null when refused. */
export function scopeFor(method: Method, role: Role): Scope | null {
  const entry = PERMISSIONS[method] as Entry | undefined;
  if (entry === undefined) return null;
  if (entry === 'public') return 'all';
  return entry[role] ?? null;
}

/** What a role may call, for the renderer to show only the screens it can use. */
export function allowedMethods(role: Role): Method[] {
  return METHODS.filter((method) => !isPublic(method) && scopeFor(method, role) !== null);
}

/** What depends on the role inside a method (social details, who may supervise…): one table, shared with the renderer. */
export {
  coordinatesWorksites,
  followsCaseload,
  managesAccounts,
  readsOwnObservationsOnly,
  seesFseSensitiveData,
  seesSocialDetails,
  supervisesWorksites,
} from '../shared/capabilities';
