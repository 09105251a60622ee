/**
 * The administrator's first-week checklist: what a structure needs before its first worksite
 * runs smoothly, each step ticked from the data, never by hand.
 */
import { followsCaseload, TEAM_ROLES } from '../shared/capabilities';
import type { Role } from '../shared/contract/users';
import { rateInForce } from './wages';

export interface ChecklistFacts {
  structureLogo: boolean;
  employers: number;
  wageRates: { effectiveFrom: string; hourlyCents: number }[];
  accounts: { role: Role; linkedToCard: boolean }[];
  worksites: number;
  backups: number;
}

export function firstWeekChecklist(facts: ChecklistFacts, today: string) {
  const socialWorkers = facts.accounts.filter((a) => followsCaseload(a.role));
  return {
    structure: facts.structureLogo,
    employers: facts.employers > 0,
    wageRate: rateInForce(facts.wageRates, today) !== null,
    accounts: TEAM_ROLES.every((role) => facts.accounts.some((a) => a.role === role)),
    // A social worker sees her caseload only through her card in the directory (Contacts › fiche › Compte Passerelle).
    socialWorkersLinked: socialWorkers.length > 0 && socialWorkers.every((a) => a.linkedToCard),
    firstWorksite: facts.worksites > 0,
    firstBackup: facts.backups > 0,
  };
}
