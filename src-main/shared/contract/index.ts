import { z } from 'zod';
import { fr } from 'zod/locales';
import { settingsMethods } from './settings';
import { setupMethods } from './setup';
import { appMethods, filesMethods } from './files';
import { authMethods } from './auth';
import { usersMethods } from './users';
import { journalMethods } from './journal';
import { contactsMethods } from './contacts';
import { fundersMethods } from './funders';
import { peopleMethods } from './people';
import { peopleImportMethods } from './people-import';
import { worksitesMethods } from './worksites';
import { contractsMethods } from './contracts';
import { documentsMethods } from './documents';
import { attendanceMethods } from './attendance';
import { payrollKeyMethods, payrollMethods } from './payroll';
import { backupMethods } from './backup';
import { evaluationsMethods } from './evaluations';
import { bilansMethods } from './bilans';
import { debriefsMethods } from './debriefs';
import { statsMethods } from './stats';
import { dashboardMethods } from './dashboard';
import { rgpdMethods } from './rgpd';
import { searchMethods } from './search';
import { pmsmpMethods } from './pmsmp';
import { iaeMethods } from './iae';
import { aspMethods } from './asp';
import { fseIndicatorsMethods } from './fse-indicators';
import { fseMethods } from './fse-plus';
import { storageMethods } from './storage';
import { lanMethods } from './lan';
import { posteMethods } from './poste';
import type { MethodDefinition } from './define';

// Fallback messages for issues without a message of our own are in French too.
z.config(fr());

/** Every RPC method, `feature/verb`. The single source of truth for types on both sides. */
export const contract = {
  ...appMethods,
  ...setupMethods,
  ...storageMethods,
  ...lanMethods,
  ...posteMethods,
  ...settingsMethods,
  ...filesMethods,
  ...authMethods,
  ...usersMethods,
  ...journalMethods,
  ...contactsMethods,
  ...fundersMethods,
  ...peopleMethods,
  ...peopleImportMethods,
  ...worksitesMethods,
  ...contractsMethods,
  ...documentsMethods,
  ...attendanceMethods,
  ...payrollMethods,
  ...payrollKeyMethods,
  ...backupMethods,
  ...evaluationsMethods,
  ...bilansMethods,
  ...debriefsMethods,
  ...statsMethods,
  ...dashboardMethods,
  ...rgpdMethods,
  ...searchMethods,
  ...pmsmpMethods,
  ...iaeMethods,
  ...aspMethods,
  ...fseIndicatorsMethods,
  ...fseMethods,
} satisfies Record<string, MethodDefinition>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
