/**
 * The tasks a drafted contract lists until the coordinator writes the
 * person's own: a mise à disposition must list the tasks to perform, not only
 * the post's title (R5132-20, 2°), and a contract says what the post is
 * (L1242-12, 4°). One sentence per work support, editable on the contract.
 */
import type { ACTIVITIES } from '../shared/contract/worksites';

type Activity = (typeof ACTIVITIES)[number];

export const DEFAULT_TASKS: Record<Activity, string> = {
  menuiserie:
    'débit et assemblage de pièces de bois, ponçage et finitions, rangement et entretien de l’atelier et des outils',
  nettoyage:
    'nettoyage des locaux et des surfaces, vidage des poubelles et tri des déchets, entretien du matériel de nettoyage',
  manutention:
    'chargement et déchargement, port et rangement de charges, tri et conditionnement, entretien du lieu de stockage',
  espaces_verts:
    'tonte, débroussaillage et désherbage, taille de haies, ramassage des déchets verts, entretien des outils',
  batiment:
    'préparation du chantier, petits travaux de maçonnerie et de second œuvre, peinture, nettoyage et rangement du chantier',
  lingerie: 'tri, lavage, séchage, repassage et pliage du linge, petites retouches, entretien des machines',
  ressourcerie:
    'collecte et tri des objets, nettoyage et petites réparations, mise en rayon et accueil du public, entretien des locaux',
  autre:
    'tâches d’exécution du chantier confiées par l’encadrant technique, rangement et entretien du poste de travail',
};

/** The tasks written on the contract, or the work support's until someone writes them. */
export function tasksOrDefault(tasks: string, activity: string): string {
  return tasks.trim() !== '' ? tasks : (DEFAULT_TASKS[activity as Activity] ?? DEFAULT_TASKS.autre);
}
