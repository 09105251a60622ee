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
  /** What a newcomer does there, in one sentence (the dashboard lists it for roles with few screens). */
  help: string;
}

/** Paths are the feature names used in every layer. */
export const NAVIGATION: NavItem[] = [
  { path: '/', label: 'Tableau de bord', icon: IconHome, help: 'Ce qui est à faire aujourd’hui.' },
  { path: '/people', label: 'Personnes', icon: IconUsers, requires: 'people/search', help: 'Les fiches des personnes accompagnées : situation, parcours, contrats et documents.' },
  { path: '/contacts', label: 'Contacts', icon: IconAddressBook, requires: 'contacts/list', help: 'L’annuaire des partenaires : prescripteurs, référents sociaux, clients et financeurs.' },
  { path: '/worksites', label: 'Chantiers', icon: IconBuildingFactory2, requires: 'worksites/list', help: 'Les chantiers, leurs demi-journées, leurs participants et l’émargement.' },
  { path: '/planning', label: 'Planning', icon: IconCalendarWeek, requires: 'worksites/planning', help: 'Les demi-journées de tous les chantiers, semaine par semaine.' },
  { path: '/payroll', label: 'Heures à transmettre', icon: IconCash, requires: 'payroll/get', help: 'Les heures et absences du mois à envoyer au service paie de chaque employeur.' },
  { path: '/debriefs', label: 'Entretiens', icon: IconMessages, requires: 'debriefs/list', help: 'Vos entretiens, quand et avec qui, et vos notes courtes, que vous seul·e lisez.' },
  { path: '/documents', label: 'Documents', icon: IconFileText, requires: 'documents/search', help: 'Tous les documents produits : contrats, attestations, bilans, à retrouver ou réimprimer.' },
  { path: '/stats', label: 'Statistiques', icon: IconChartBar, requires: 'stats/figures', help: 'Les chiffres pour les financeurs et le rapport d’activité, sur la période de votre choix, exportables.' },
  { path: '/rgpd', label: 'Données personnelles', icon: IconShieldLock, requires: 'rgpd/requests', help: 'Les demandes d’accès ou d’effacement et les dossiers à revoir.' },
  { path: '/backup', label: 'Sauvegardes', icon: IconDatabaseExport, requires: 'backup/status', help: 'La sauvegarde chiffrée sur clé USB, et la restauration.' },
  // Coordination reaches the tabs it may act on (funders, closure days); the page shows each tab by its own method.
  { path: '/settings', label: 'Paramètres', icon: IconSettings, requires: 'settings/get', help: 'La structure, les employeurs, les financeurs, le SMIC, le calendrier et les comptes, selon vos droits.' },
  { path: '/help', label: 'Aide', icon: IconHelp, help: 'Un guide de la première semaine pour chaque rôle, et les mots du métier expliqués.' },
];

export function visibleItems(can: (method: Method) => boolean): NavItem[] {
  return NAVIGATION.filter((item) => !item.requires || can(item.requires));
}
