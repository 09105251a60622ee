/**
 * The keys a "variables de paie" file cannot do without. Payroll software
 * imports each line onto the employee its matricule names: a line without one
 * is rejected by the import, or worse, matched by hand to the wrong person. So
 * the file is not handed over while anyone in it lacks the employer's
 * matricule; the control sheet (read by a person) still is.
 */
import { de } from '../shared/french';

export interface KeyedPerson {
  name: string;
  matricule: string | null;
}

/** The people of the month without a matricule, each once, in the month's order. */
export function missingMatricules(people: readonly KeyedPerson[]): string[] {
  return [...new Set(people.filter((p) => (p.matricule ?? '').trim() === '').map((p) => p.name))];
}

/** Why the variables file is refused, in French, or null when every person has a matricule. */
export function variablesRefusal(
  missing: readonly string[],
  employerName: string,
  transmitted: boolean,
): string | null {
  const last = missing.at(-1);
  if (last === undefined) return null;
  const names = missing.length === 1 ? last : `${missing.slice(0, -1).join(', ')} et ${last}`;
  const which =
    missing.length === 1
      ? `le matricule ${de(names)} chez ${employerName} n’est pas renseigné`
      : `les matricules ${de(names)} chez ${employerName} ne sont pas renseignés`;
  const next = transmitted
    ? 'puis demandez à un administrateur de retirer la transmission et validez le mois à nouveau (ou transmettez ces lignes à la main)'
    : 'puis validez le mois à nouveau';
  return `Variables de paie non exportées : ${which}, et le logiciel de paie ne saurait pas à qui rattacher leurs lignes. Saisissez-les sur la fiche de chaque personne (« Matricules chez les employeurs »), ${next}.`;
}
