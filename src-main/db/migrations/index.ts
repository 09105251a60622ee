import type { Kysely } from 'kysely';
import * as initial from './001-initial';
import * as accountsJournal from './002-accounts-journal';
import * as people from './003-people';
import * as worksites from './004-worksites';
import * as contracts from './005-contracts';
import * as documents from './006-documents';
import * as attendance from './007-attendance';
import * as payroll from './008-payroll';
import * as worksiteDocuments from './009-worksite-documents';
import * as backup from './010-backup';
import * as evaluations from './011-evaluations';
import * as rgpd from './012-rgpd';
import * as openSaturday from './013-open-saturday';
import * as payrollKeys from './014-payroll-keys';
import * as legalMentions from './015-legal-mentions';
import * as payrollWithdrawals from './016-payroll-withdrawals';
import * as journalKeyed from './017-journal-keyed';
import * as letterheadsFunders from './018-letterheads-funders';
import * as regularisationLines from './019-regularisation-lines';
import * as mustChangePassword from './020-must-change-password';
import * as immersions from './021-immersions';
import * as immersionRepresentative from './025-immersion-representative';
import * as iaeEligibility from './022-iae-eligibility';
import * as aspMonthlyStates from './023-asp-monthly-states';
import * as fsePlus from './024-fse-plus';
import * as recordVersions from './026-record-versions';
import * as devices from './027-devices';
import * as searchFolds from './028-search-folds';
import * as journalLastId from './029-journal-last-id';
import * as pairingFailures from './030-pairing-failures';
import * as calendarDated from './031-calendar-dated';

export interface Migration {
  /** The `user_version` the database has once this migration ran. */
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

/**
 * The static, ordered list (a bundled app cannot scan a folder). Append only:
 * a released migration is never edited.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'accounts-journal', up: accountsJournal.up },
  { version: 3, name: 'people', up: people.up },
  { version: 4, name: 'worksites', up: worksites.up },
  { version: 5, name: 'contracts', up: contracts.up },
  { version: 6, name: 'documents', up: documents.up },
  { version: 7, name: 'attendance', up: attendance.up },
  { version: 8, name: 'payroll', up: payroll.up },
  { version: 9, name: 'worksite-documents', up: worksiteDocuments.up },
  { version: 10, name: 'backup', up: backup.up },
  { version: 11, name: 'evaluations', up: evaluations.up },
  { version: 12, name: 'rgpd', up: rgpd.up },
  { version: 13, name: 'open-saturday', up: openSaturday.up },
  { version: 14, name: 'payroll-keys', up: payrollKeys.up },
  { version: 15, name: 'legal-mentions', up: legalMentions.up },
  { version: 16, name: 'payroll-withdrawals', up: payrollWithdrawals.up },
  { version: 17, name: 'journal-keyed', up: journalKeyed.up },
  { version: 18, name: 'letterheads-funders', up: letterheadsFunders.up },
  { version: 19, name: 'regularisation-lines', up: regularisationLines.up },
  { version: 20, name: 'must-change-password', up: mustChangePassword.up },
  { version: 21, name: 'immersions', up: immersions.up },
  { version: 22, name: 'iae-eligibility', up: iaeEligibility.up },
  { version: 23, name: 'asp-monthly-states', up: aspMonthlyStates.up },
  { version: 24, name: 'fse-plus', up: fsePlus.up },
  { version: 25, name: 'immersion-representative', up: immersionRepresentative.up },
  { version: 26, name: 'record-versions', up: recordVersions.up },
  { version: 27, name: 'devices', up: devices.up },
  { version: 28, name: 'search-folds', up: searchFolds.up },
  { version: 29, name: 'journal-last-id', up: journalLastId.up },
  { version: 30, name: 'pairing-failures', up: pairingFailures.up },
  { version: 31, name: 'calendar-dated', up: calendarDated.up },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
