import {
  IconBuildingFactory2,
  IconCalendarWeek,
  IconChartBar,
  IconDatabaseExport,
  IconFileText,
  IconHome,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  path: string;
  label: string;
  icon: Icon;
  /** What the page will hold, shown while it is still to come. */
  upcoming?: string;
}

/** Paths are the feature names used in every layer. */
export const NAVIGATION: NavItem[] = [
  { path: '/', label: 'Tableau de bord', icon: IconHome },
  {
    path: '/people',
    label: 'Personnes',
    icon: IconUsers,
    upcoming: 'Les dossiers des personnes accompagnées : orientation, admission, freins et sorties.',
  },
  {
    path: '/worksites',
    label: 'Chantiers',
    icon: IconBuildingFactory2,
    upcoming: 'Les chantiers MESP et ACI, leurs participants et leurs contrats.',
  },
  {
    path: '/planning',
    label: 'Planning',
    icon: IconCalendarWeek,
    upcoming: 'Les demi-journées de chantier, semaine par semaine, et les émargements.',
  },
  {
    path: '/documents',
    label: 'Documents',
    icon: IconFileText,
    upcoming: 'Contrats, attestations, feuilles d’émargement et bilans prêts à imprimer.',
  },
  {
    path: '/stats',
    label: 'Statistiques',
    icon: IconChartBar,
    upcoming: 'Les chiffres pour les financeurs : femmes/hommes, âge, RSA, niveau de formation, sorties.',
  },
  {
    path: '/backup',
    label: 'Sauvegardes',
    icon: IconDatabaseExport,
    upcoming: 'Les sauvegardes chiffrées sur clé USB et leur restauration vérifiée.',
  },
  { path: '/settings', label: 'Paramètres', icon: IconSettings },
];
