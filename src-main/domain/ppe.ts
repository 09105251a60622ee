/**
 * Personal protective equipment (EPI), written once for the three documents
 * that speak of it: the employment contract, the mise à disposition
 * convention (which must state their nature and who supplies them,
 * R5132-20, 6°) and the convocation. They are supplied free of charge and
 * kept in order by the one who supplies them (R4323-95); the person never
 * buys nor brings their own. On every worksite of Passerelle the CCAS
 * organises the work and answers for safety while it is done (as the user of
 * a mise à disposition, L5132-9 and the convention; as the employer of its
 * own ACI), so the CCAS supplies them.
 */
import type { ACTIVITIES } from '../shared/contract/worksites';

type Activity = (typeof ACTIVITIES)[number];

const SAFETY_SHOES = 'chaussures de sécurité';
const HANDLING_GLOVES = 'gants de manutention';

/** The equipment each work support calls for at least; the worksite's risk assessment may add to it. */
export const PPE_BY_ACTIVITY: Record<Activity, readonly string[]> = {
  menuiserie: [
    SAFETY_SHOES,
    HANDLING_GLOVES,
    'lunettes de protection',
    'protections auditives',
    'masque anti-poussières',
  ],
  nettoyage: [
    'chaussures de sécurité antidérapantes',
    'gants de protection contre les produits d’entretien',
    'lunettes de protection',
  ],
  manutention: [SAFETY_SHOES, HANDLING_GLOVES],
  espaces_verts: [
    SAFETY_SHOES,
    'gants de protection',
    'lunettes ou visière de protection',
    'protections auditives',
    'gilet de haute visibilité',
  ],
  batiment: ['casque', SAFETY_SHOES, HANDLING_GLOVES, 'lunettes de protection', 'protections auditives'],
  lingerie: ['chaussures de travail antidérapantes', 'gants de protection'],
  ressourcerie: [SAFETY_SHOES, HANDLING_GLOVES],
  autre: [SAFETY_SHOES, 'gants de protection'],
};

export function ppeOf(activity: string): readonly string[] {
  return PPE_BY_ACTIVITY[activity as Activity] ?? PPE_BY_ACTIVITY.autre;
}

/** "chaussures de sécurité, gants de manutention et lunettes de protection". */
export function ppeList(activity: string): string {
  const items = ppeOf(activity);
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}
