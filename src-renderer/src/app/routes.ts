/**
 * Every screen, declared once: its address, French title, icon, who may open
 * it and the code that draws it. The menu, the router, the « Pages » results of
 * the search (Ctrl+K) and the dashboard's role guide are read from this table,
 * and `hrefFor` turns the link targets main sends into addresses of it.
 *
 * Who may open a screen is the method it needs (`requires`): the permission
 * matrix in main decides, and the session lists the methods the role may call.
 * Every screen loads when first opened (route-level code splitting): the shell
 * comes first and small, charts and pdf.js later. The table itself imports no
 * screen, so tests read it under Node.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { generatePath } from 'react-router';
import {
  IconAddressBook,
  IconBuildingFactory2,
  IconCalendarWeek,
  IconCash,
  IconChartBar,
  IconDatabaseExport,
  IconFileText,
  IconFlag,
  IconHelp,
  IconHome,
  IconMessages,
  IconReportMoney,
  IconSettings,
  IconShieldLock,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Method } from '@shared/contract';
import type { LinkTarget, LinkedPage } from '@shared/contract/links';

function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** The menu's sections, in their order; a screen with no section is reached from another one. */
export const MENU_GROUPS = {
  home: 'Accueil',
  people: 'Accompagnement',
  worksites: 'Chantiers',
  records: 'Suivi',
  administration: 'Administration',
  help: 'Aide',
} as const;
export type MenuGroup = keyof typeof MENU_GROUPS;

export interface PageRoute {
  /** The router's pattern (`:id` for a record). */
  path: string;
  /** What the screen is called, in the menu and the search. */
  title: string;
  /** Open to whoever may call this method; none: to everyone signed in. */
  requires?: Method;
  component: ComponentType;
  /** In the menu: its section, icon, and what a newcomer does there (the role guide shows it). */
  menu?: { group: MenuGroup; icon: Icon; help: string };
  /** The screen it is reached from (a key of `ROUTES`, checked by the tests), for a screen outside the menu. */
  parent?: string;
}

/** In menu order. Paths are the feature names used in every layer. */
export const ROUTES = {
  dashboard: {
    path: '/',
    title: 'Tableau de bord',
    component: page(() => import('../features/shell/DashboardPage'), 'DashboardPage'),
    menu: { group: 'home', icon: IconHome, help: 'Ce qui est à faire aujourd’hui.' },
  },
  people: {
    path: '/people',
    title: 'Personnes',
    requires: 'people/search',
    component: page(() => import('../features/people/PeoplePage'), 'PeoplePage'),
    menu: {
      group: 'people',
      icon: IconUsers,
      help: 'Les fiches des personnes accompagnées : situation, parcours, contrats et documents.',
    },
  },
  personNew: {
    path: '/people/new',
    title: 'Nouvelle personne',
    requires: 'people/create',
    component: page(() => import('../features/people/NewPersonPage'), 'NewPersonPage'),
    parent: 'people',
  },
  peopleImport: {
    path: '/people/import',
    title: 'Importer un tableau de personnes',
    requires: 'people/importCommit',
    component: page(() => import('../features/people/ImportPage'), 'ImportPage'),
    parent: 'people',
  },
  person: {
    path: '/people/:id',
    title: 'Fiche de la personne',
    requires: 'people/get',
    component: page(() => import('../features/people/PersonPage'), 'PersonPage'),
    parent: 'people',
  },
  contacts: {
    path: '/contacts',
    title: 'Contacts',
    requires: 'contacts/list',
    component: page(() => import('../features/contacts/ContactsPage'), 'ContactsPage'),
    menu: {
      group: 'people',
      icon: IconAddressBook,
      help: 'L’annuaire des partenaires : prescripteurs, référents sociaux, clients et financeurs.',
    },
  },
  worksites: {
    path: '/worksites',
    title: 'Chantiers',
    requires: 'worksites/list',
    component: page(() => import('../features/worksites/WorksitesPage'), 'WorksitesPage'),
    menu: {
      group: 'worksites',
      icon: IconBuildingFactory2,
      help: 'Les chantiers, leurs demi-journées, leurs participants et l’émargement.',
    },
  },
  worksite: {
    path: '/worksites/:id',
    title: 'Chantier',
    requires: 'worksites/get',
    component: page(() => import('../features/worksites/WorksitePage'), 'WorksitePage'),
    parent: 'worksites',
  },
  attendance: {
    path: '/worksites/:id/attendance',
    title: 'Émargement',
    requires: 'attendance/week',
    component: page(() => import('../features/attendance/AttendancePage'), 'AttendancePage'),
    parent: 'worksite',
  },
  followUp: {
    path: '/worksites/:id/participants/:participationId',
    title: 'Suivi et évaluations',
    requires: 'evaluations/get',
    component: page(() => import('../features/evaluations/FollowUpPage'), 'FollowUpPage'),
    parent: 'worksite',
  },
  planning: {
    path: '/planning',
    title: 'Planning',
    requires: 'worksites/planning',
    component: page(() => import('../features/planning/PlanningPage'), 'PlanningPage'),
    menu: {
      group: 'worksites',
      icon: IconCalendarWeek,
      help: 'Les demi-journées de tous les chantiers, semaine par semaine.',
    },
  },
  payroll: {
    path: '/payroll',
    title: 'Heures à transmettre',
    requires: 'payroll/get',
    component: page(() => import('../features/payroll/PayrollPage'), 'PayrollPage'),
    menu: {
      group: 'worksites',
      icon: IconCash,
      help: 'Les heures et absences du mois à envoyer au service paie de chaque employeur.',
    },
  },
  asp: {
    path: '/asp',
    title: 'État mensuel ASP',
    requires: 'asp/get',
    component: page(() => import('../features/asp/AspPage'), 'AspPage'),
    menu: {
      group: 'worksites',
      icon: IconReportMoney,
      help: 'Les heures et sorties des salariés en CDDI à déclarer chaque mois à l’ASP (Extranet IAE 2.0).',
    },
  },
  debriefs: {
    path: '/debriefs',
    title: 'Entretiens',
    requires: 'debriefs/list',
    component: page(() => import('../features/debriefs/DebriefsPage'), 'DebriefsPage'),
    menu: {
      group: 'records',
      icon: IconMessages,
      help: 'Vos entretiens, quand et avec qui, et vos notes courtes, que vous seul·e lisez.',
    },
  },
  documents: {
    path: '/documents',
    title: 'Documents',
    requires: 'documents/search',
    component: page(() => import('../features/documents/DocumentsPage'), 'DocumentsPage'),
    menu: {
      group: 'records',
      icon: IconFileText,
      help: 'Tous les documents produits : contrats, attestations, bilans, à retrouver ou réimprimer.',
    },
  },
  fse: {
    path: '/fse',
    title: 'Suivi FSE+',
    requires: 'fse/followUps',
    component: page(() => import('../features/fse/FsePage'), 'FsePage'),
    menu: {
      group: 'records',
      icon: IconFlag,
      help: 'Les opérations cofinancées par le FSE+ et les suivis à 6 mois à recueillir après chaque sortie.',
    },
  },
  stats: {
    path: '/stats',
    title: 'Statistiques',
    requires: 'stats/figures',
    component: page(() => import('../features/stats/StatsPage'), 'StatsPage'),
    menu: {
      group: 'records',
      icon: IconChartBar,
      help: 'Les chiffres pour les financeurs et le rapport d’activité, sur la période de votre choix, exportables.',
    },
  },
  fseIndicators: {
    path: '/stats/fse',
    title: 'Indicateurs FSE+',
    requires: 'fse/indicators',
    component: page(() => import('../features/stats/FseIndicatorsPage'), 'FseIndicatorsPage'),
    parent: 'stats',
  },
  rgpd: {
    path: '/rgpd',
    title: 'Données personnelles',
    requires: 'rgpd/requests',
    component: page(() => import('../features/rgpd/RgpdPage'), 'RgpdPage'),
    menu: {
      group: 'administration',
      icon: IconShieldLock,
      help: 'Les demandes d’accès ou d’effacement et les dossiers à revoir.',
    },
  },
  backup: {
    path: '/backup',
    title: 'Sauvegardes',
    requires: 'backup/status',
    component: page(() => import('../features/backup/BackupPage'), 'BackupPage'),
    menu: {
      group: 'administration',
      icon: IconDatabaseExport,
      help: 'La sauvegarde chiffrée sur clé USB, et la restauration.',
    },
  },
  // Coordination reaches the tabs it may act on (funders, closure days); the page shows each tab by its own method.
  settings: {
    path: '/settings',
    title: 'Paramètres',
    requires: 'settings/get',
    component: page(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
    menu: {
      group: 'administration',
      icon: IconSettings,
      help: 'La structure, les employeurs, les financeurs, le SMIC, le calendrier et les comptes, selon vos droits.',
    },
  },
  help: {
    path: '/help',
    title: 'Aide',
    component: page(() => import('../features/help/HelpPage'), 'HelpPage'),
    menu: {
      group: 'help',
      icon: IconHelp,
      help: 'Un guide de la première semaine pour chaque rôle, et les mots du métier expliqués.',
    },
  },
} satisfies Record<string, PageRoute>;
export type RouteId = keyof typeof ROUTES;

export interface MenuEntry {
  id: RouteId;
  path: string;
  title: string;
  group: MenuGroup;
  icon: Icon;
  help: string;
}

const entries = (): [RouteId, PageRoute][] => Object.entries(ROUTES) as [RouteId, PageRoute][];

const opens = (route: PageRoute, can: (method: Method) => boolean) =>
  route.requires === undefined || can(route.requires);

/** The screens this role may open: the router holds these and no other. */
export function routesFor(can: (method: Method) => boolean): (PageRoute & { id: RouteId })[] {
  return entries()
    .filter(([, route]) => opens(route, can))
    .map(([id, route]) => ({ id, ...route }));
}

/** The menu this role sees, in order. */
export function menuFor(can: (method: Method) => boolean): MenuEntry[] {
  return entries().flatMap(([id, route]) =>
    route.menu && opens(route, can) ? [{ id, path: route.path, title: route.title, ...route.menu }] : [],
  );
}

/** The address of a screen, its `:params` filled in. */
export function pathTo(
  id: RouteId,
  params: Record<string, string | number> = {},
  search?: Record<string, string>,
): string {
  const path = generatePath(
    ROUTES[id].path,
    Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])),
  );
  const query = search ? new URLSearchParams(search).toString() : '';
  return query ? `${path}?${query}` : path;
}

/** The screen (and settings tab) behind each page main may link to. */
const LINKED: Record<LinkedPage, { id: RouteId; tab?: string }> = {
  people: { id: 'people' },
  documents: { id: 'documents' },
  payroll: { id: 'payroll' },
  rgpd: { id: 'rgpd' },
  backup: { id: 'backup' },
  'settings-structure': { id: 'settings', tab: 'structure' },
  'settings-employers': { id: 'settings', tab: 'employers' },
  'settings-wages': { id: 'settings', tab: 'wages' },
  'settings-accounts': { id: 'settings', tab: 'users' },
};

/** The address of a link target sent by main: the one place that knows both. */
export function hrefFor(target: LinkTarget): string {
  switch (target.kind) {
    case 'person':
      return pathTo('person', { id: target.id });
    case 'worksite':
      return pathTo('worksite', { id: target.id });
    case 'attendance':
      return pathTo('attendance', { id: target.worksiteId }, { semaine: target.week });
    case 'page': {
      const { id, tab } = LINKED[target.page];
      return pathTo(id, {}, tab ? { onglet: tab } : undefined);
    }
  }
}
