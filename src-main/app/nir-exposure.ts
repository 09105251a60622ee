/**
 * Where the full NIR (numéro de sécurité sociale) may leave Passerelle. The
 * NIR is used only where a text allows it (décret n° 2019-341 du 19 avril
 * 2019, the « décret-cadre NIR »: employers use it for pay and social
 * declarations; CNIL: never as a file key or on documents that do not need
 * it). Everywhere else it is masked by the one function `maskNir`
 * (`shared/identifiers.ts`): screens, searches, documents (the employment
 * contract included: L1242-12 does not ask for it), statistics, the journal,
 * coordination's other exports. Each disclosure is journaled `nir:<person id>`.
 * A test calls every method for every role and reads every export file.
 */
import type { Method } from '../shared/contract';
import type { HandlerContext } from './handler';

export const NIR_DISCLOSURES = {
  'payroll/export':
    'l’envoi des éléments de paie à l’employeur (DSN, bulletins) : fichiers csv, xlsx et variables de paie',
  'rgpd/exportPerson': 'les données de la personne, remises à elle-même (droit d’accès, RGPD art. 15)',
  'people/revealNir': 'l’administrateur, pour la paie, sur la fiche de la personne',
} as const satisfies Partial<Record<Method, string>>;

export type NirDisclosure = keyof typeof NIR_DISCLOSURES;

/** Journals that these people's NIR left, as such (never the number itself). */
export function journalNirDisclosure(ctx: Pick<HandlerContext, 'record'>, personIds: Iterable<number>) {
  for (const id of personIds) ctx.record(`nir:${id}`);
}
