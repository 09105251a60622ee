import {
  IconBuildingFactory2,
  IconCalendarWeek,
  IconCash,
  IconChartBar,
  IconDatabaseExport,
  IconFileText,
  IconHelp,
  IconHome,
  IconMessages,
  IconAddressBook,
  IconSettings,
  IconShieldLock,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Method } from '@shared/contract';

export interface NavItem {
  path: string;
  label: string;
  icon: Icon;
  /** Shown to whoever may call this method (the permission matrix decides). */
  requires?: Method;
}

/** Paths are the feature names used in every layer. */
export const NAVIGATION: NavItem[] = [
  { path: '/', label: 'Tableau de bord', icon: IconHome },
  { path: '/people', label: 'Personnes', icon: IconUsers, requires: 'people/search' },
  { path: '/contacts', label: 'Contacts', icon: IconAddressBook, requires: 'contacts/list' },
  { path: '/worksites', label: 'Chantiers', icon: IconBuildingFactory2, requires: 'worksites/list' },
  { path: '/planning', label: 'Planning', icon: IconCalendarWeek, requires: 'worksites/planning' },
  { path: '/payroll', label: 'Heures à transmettre', icon: IconCash, requires: 'payroll/get' },
  { path: '/debriefs', label: 'Entretiens', icon: IconMessages, requires: 'debriefs/list' },
  { path: '/documents', label: 'Documents', icon: IconFileText, requires: 'documents/search' },
  { path: '/stats', label: 'Statistiques', icon: IconChartBar, requires: 'stats/figures' },
  { path: '/rgpd', label: 'Données personnelles', icon: IconShieldLock, requires: 'rgpd/requests' },
  { path: '/backup', label: 'Sauvegardes', icon: IconDatabaseExport, requires: 'backup/status' },
  // Coordination reaches the tabs it may act on (funders, closure days); the page shows each tab by its own method.
  { path: '/settings', label: 'Paramètres', icon: IconSettings, requires: 'settings/get' },
  { path: '/help', label: 'Aide', icon: IconHelp },
];

export function visibleItems(can: (method: Method) => boolean): NavItem[] {
  return NAVIGATION.filter((item) => !item.requires || can(item.requires));
}
