/**
 * The administrator's first-week checklist: what a structure needs before its first worksite
 * runs smoothly, each step ticked from the data, never by hand.
 */
import { rateInForce } from './wages';

/** The roles the daily work needs besides the administrator (psychologist and read-only are optional). */
export const ROLES_NEEDED = ['coordination', 'encadrant', 'travailleur_social'] as const;

export interface ChecklistFacts {
  structureLogo: boolean;
  employers: number;
  wageRates: { effectiveFrom: string; hourlyCents: number }[];
  accounts: { role: string; linkedToCard: boolean }[];
  worksites: number;
  backups: number;
}

export function firstWeekChecklist(facts: ChecklistFacts, today: string) {
  const socialWorkers = facts.accounts.filter((a) => a.role === 'travailleur_social');
  return {
    structure: facts.structureLogo,
    employers: facts.employers > 0,
    wageRate: rateInForce(facts.wageRates, today) !== null,
    accounts: ROLES_NEEDED.every((role) => facts.accounts.some((a) => a.role === role)),
    // A social worker sees her caseload only through her card in the directory (Contacts › fiche › Compte Passerelle).
    socialWorkersLinked: socialWorkers.length > 0 && socialWorkers.every((a) => a.linkedToCard),
    firstWorksite: facts.worksites > 0,
    firstBackup: facts.backups > 0,
  };
}
