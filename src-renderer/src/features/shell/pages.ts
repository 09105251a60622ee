/**
 * Every screen but the home page, loaded when first opened (route-level code
 * splitting): the first screen stays small, charts and pdf.js come later.
 */
import { lazy, type ComponentType } from 'react';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const SettingsPage = page(() => import('../settings/SettingsPage'), 'SettingsPage');
export const PeoplePage = page(() => import('../people/PeoplePage'), 'PeoplePage');
export const NewPersonPage = page(() => import('../people/NewPersonPage'), 'NewPersonPage');
export const ImportPage = page(() => import('../people/ImportPage'), 'ImportPage');
export const PersonPage = page(() => import('../people/PersonPage'), 'PersonPage');
export const ContactsPage = page(() => import('../contacts/ContactsPage'), 'ContactsPage');
export const WorksitesPage = page(() => import('../worksites/WorksitesPage'), 'WorksitesPage');
export const WorksitePage = page(() => import('../worksites/WorksitePage'), 'WorksitePage');
export const AttendancePage = page(() => import('../attendance/AttendancePage'), 'AttendancePage');
export const FollowUpPage = page(() => import('../evaluations/FollowUpPage'), 'FollowUpPage');
export const DebriefsPage = page(() => import('../debriefs/DebriefsPage'), 'DebriefsPage');
export const PayrollPage = page(() => import('../payroll/PayrollPage'), 'PayrollPage');
export const DocumentsPage = page(() => import('../documents/DocumentsPage'), 'DocumentsPage');
export const BackupPage = page(() => import('../backup/BackupPage'), 'BackupPage');
export const PlanningPage = page(() => import('../planning/PlanningPage'), 'PlanningPage');
export const StatsPage = page(() => import('../stats/StatsPage'), 'StatsPage');
export const RgpdPage = page(() => import('../rgpd/RgpdPage'), 'RgpdPage');
export const HelpPage = page(() => import('../help/HelpPage'), 'HelpPage');
