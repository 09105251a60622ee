/**
 * What each document cannot be made without. A missing piece is named with
 * the page where it is filled, so the secretary fixes it in one go.
 */
import type { MissingField, ParticipationDocumentKind } from '../shared/contract/documents';
import type { LinkTarget } from '../shared/contract/links';

export interface DocumentFacts {
  personId: number;
  worksiteId: number;
  person: { address: string; postcode: string; town: string };
  worksite: { workAddress: string; supervisorName: string | null };
  employerKind: string;
  hasFirstSession: boolean;
  /** What the contract and the convention state of the employer (L1242-12, 5° and 8°; L5132-7). */
  employer?: {
    id: number;
    collectiveAgreement: string | null;
    pensionFundAddress: string;
    hourlyPriceCents: number | null;
  };
  /** The tasks the convention lists (R5132-20, 2°). */
  tasks?: string;
}

export function missingFor(kind: ParticipationDocumentKind, facts: DocumentFacts): MissingField[] {
  // These name the person and the worksite only: the records always hold that.
  if (
    [
      'attestation_presence',
      'certificat_travail',
      'planning_personne',
      'bilan_individuel',
      'attestation_competences',
    ].includes(kind)
  )
    return [];
  const missing: MissingField[] = [];
  const person: LinkTarget = { kind: 'person', id: facts.personId };
  const worksite: LinkTarget = { kind: 'worksite', id: facts.worksiteId };
  if (facts.person.address.trim() === '') missing.push({ label: 'l’adresse de la personne', link: person });
  if (facts.person.postcode.trim() === '') missing.push({ label: 'le code postal de la personne', link: person });
  if (facts.person.town.trim() === '') missing.push({ label: 'la commune de la personne', link: person });
  if (facts.worksite.workAddress.trim() === '')
    missing.push({ label: 'l’adresse du chantier (lieu de travail)', link: worksite });
  if ((kind === 'contrat_travail' || kind === 'mise_a_disposition') && facts.employer) {
    const settings: LinkTarget = { kind: 'page', page: 'settings-employers' };
    if (facts.employer.collectiveAgreement === null)
      missing.push({ label: 'la convention collective de l’employeur (Paramètres › Employeurs)', link: settings });
    if (kind === 'contrat_travail' && facts.employer.pensionFundAddress.trim() === '') {
      missing.push({
        label: 'l’adresse de la caisse de retraite complémentaire (Paramètres › Employeurs)',
        link: settings,
      });
    }
    if (kind === 'mise_a_disposition') {
      if (facts.employer.hourlyPriceCents === null)
        missing.push({ label: 'le prix horaire de la mise à disposition (Paramètres › Employeurs)', link: settings });
      if ((facts.tasks ?? '').trim() === '')
        missing.push({
          label: 'les tâches confiées (contrat de la personne, sur la page du chantier)',
          link: worksite,
        });
    }
  }
  if (kind === 'convocation') {
    if (facts.worksite.supervisorName === null)
      missing.push({ label: 'l’encadrant technique du chantier (à qui se présenter)', link: worksite });
    if (!facts.hasFirstSession) missing.push({ label: 'les demi-journées du chantier (générez-les)', link: worksite });
  }
  return missing;
}

/** A mise à disposition exists only when someone other than the CCAS employs the person. */
export function needsMiseADisposition(employerKind: string): boolean {
  return employerKind !== 'ccas';
}
