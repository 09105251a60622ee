import type { JourneyStatus } from '../shared/contract/journey-lists';

/**
 * The admission pipeline: which step may follow which. A refused or exited
 * parcours is closed; a new one may be opened later (several over the years).
 */
const NEXT: Record<JourneyStatus, readonly JourneyStatus[]> = {
  orientee: ['candidature', 'refusee'],
  candidature: ['entretien', 'attente', 'refusee'],
  entretien: ['admise', 'attente', 'refusee'],
  attente: ['entretien', 'admise', 'refusee'],
  admise: ['en_chantier', 'sortie'],
  refusee: [],
  en_chantier: ['sortie'],
  sortie: [],
};

export function nextStatuses(current: JourneyStatus): readonly JourneyStatus[] {
  return NEXT[current];
}

export function canMove(from: JourneyStatus, to: JourneyStatus): boolean {
  return NEXT[from].includes(to);
}

export function isClosed(status: JourneyStatus): boolean {
  return NEXT[status].length === 0;
}

/** A frein is lifted after it was noticed, never before. */
export function obstacleDatesProblem(o: { identifiedOn: string; resolvedOn: string | null }): string | null {
  return o.resolvedOn !== null && o.resolvedOn < o.identifiedOn
    ? 'Un frein ne peut pas être levé avant d’avoir été repéré.'
    : null;
}
