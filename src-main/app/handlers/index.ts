import type { Method } from '../../shared/contract';
import type { HandlerMap } from '../handler';
import { filesHandlers } from './files';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { authHandlers } from './auth';
import { usersHandlers } from './users';
import { journalHandlers } from './journal';
import { contactsHandlers } from './contacts';
import { fundersHandlers } from './funders';
import { peopleHandlers } from './people';
import { journeysHandlers } from './journeys';
import { peopleImportHandlers } from './people-import';
import { worksitesHandlers } from './worksites';
import { contractsHandlers } from './contracts';
import { documentsHandlers } from './documents';
import { attendanceHandlers } from './attendance';
import { payrollHandlers } from './payroll';
import { payrollKeyHandlers } from './payroll-keys';
import { backupHandlers } from './backup';
import { evaluationsHandlers } from './evaluations';
import { bilansHandlers } from './bilans';
import { debriefsHandlers } from './debriefs';
import { statsHandlers } from './stats';
import { dashboardHandlers } from './dashboard';
import { rgpdHandlers } from './rgpd';
import { searchHandlers } from './search';
import { pmsmpHandlers } from './pmsmp';
import { iaeHandlers } from './iae';
import { aspHandlers } from './asp';
import { fseIndicatorsHandlers } from './fse-indicators';
import { fseHandlers } from './fse-plus';
import { storageHandlers } from './storage';
import { lanHandlers } from './lan';
import { posteHandlers } from './poste';

/** One handler per contract method: a missing one is a type error. */
export const handlers: HandlerMap<Method> = {
  ...filesHandlers,
  ...setupHandlers,
  ...storageHandlers,
  ...lanHandlers,
  ...posteHandlers,
  ...settingsHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...journalHandlers,
  ...contactsHandlers,
  ...fundersHandlers,
  ...peopleHandlers,
  ...journeysHandlers,
  ...peopleImportHandlers,
  ...worksitesHandlers,
  ...contractsHandlers,
  ...documentsHandlers,
  ...attendanceHandlers,
  ...payrollHandlers,
  ...payrollKeyHandlers,
  ...backupHandlers,
  ...evaluationsHandlers,
  ...bilansHandlers,
  ...debriefsHandlers,
  ...statsHandlers,
  ...dashboardHandlers,
  ...rgpdHandlers,
  ...searchHandlers,
  ...pmsmpHandlers,
  ...iaeHandlers,
  ...aspHandlers,
  ...fseIndicatorsHandlers,
  ...fseHandlers,
};
