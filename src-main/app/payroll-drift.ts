/**
 * What changed in transmitted months without a régularisation being recorded
 * (an annex time marked done, a half-day cancelled, a contract changed): the
 * pay lines kept for each transmitted month against its pay lines counted
 * now, less the régularisations already recorded. The next month not yet
 * transmitted carries the difference, line by line
 * (domain/regularisation-lines.ts).
 */
import * as repo from '../db/repositories/payroll';
import { listWageRates } from '../db/repositories/settings';
import type { MonthFigures } from '../domain/payroll-figures';
import { payLines } from '../domain/pay-lines';
import { rateOnDay } from '../domain/pay-rates';
import { recordedOf, regularisationLines, rowOf, type RegularisationRow } from '../domain/regularisation-lines';
import { addDays, addMonths } from '../shared/dates';
import { hoursSummaries, ofHours } from './hours';
import type { ReadableDb } from '../db/access';

export interface DriftRegularisation extends RegularisationRow {
  participationId: number;
  reason: string;
}

export const monthBounds = (month: string) => ({
  first: `${month}-01`,
  last: addDays(addMonths(`${month}-01`, 1), -1),
});

/**
 * How far back changes to transmitted months are looked for: the twelve
 * months transmitted last (a correction older than a year goes through the
 * employer directly). One count of hours for all their contracts.
 */
export const MONTHS_LOOKED_BACK = 12;

export async function unrecordedChanges(
  db: ReadableDb,
  today: string,
  employerId: number,
  beforeMonth: string,
  monthLabel: (month: string) => string,
): Promise<DriftRegularisation[]> {
  const handoffs = (await repo.transmittedBefore(db, employerId, beforeMonth)).slice(-MONTHS_LOOKED_BACK);
  const months = [];
  for (const h of handoffs) {
    const kept = (JSON.parse(h.content) as { figures?: MonthFigures }).figures;
    if (!kept) continue; // kept before figures were: nothing to compare with
    const bounds = monthBounds(h.month);
    const rows = await repo.participationsOfMonth(db, employerId, bounds.first, bounds.last, {
      ids: kept.map((p) => p.participationId),
    });
    months.push({ month: h.month, kept, rows, ...bounds });
  }
  if (months.length === 0) return [];
  const contracts = new Map(months.flatMap((m) => m.rows).map((r) => [r.id, r]));
  const summaries = await hoursSummaries(db, today, [...contracts.values()].map(ofHours));
  const wageFloors = await listWageRates(db);
  const out: DriftRegularisation[] = [];
  for (const { month, kept, rows, first, last } of months) {
    const recorded = await repo.regularisationsBetween(
      db,
      rows.map((r) => r.id),
      first,
      last,
    );
    for (const r of rows) {
      const now = payLines({
        month,
        summary: summaries.get(r.id)!,
        contractCents: r.hourlyCents,
        wageFloors,
        regularisations: [],
      });
      const normalRate = (date: string) => rateOnDay(r.hourlyCents, wageFloors, date).hourlyCents * 100;
      const done = recorded.filter((g) => g.participationId === r.id).map((g) => recordedOf(g, normalRate));
      const transmitted = kept.find((p) => p.participationId === r.id)?.payLines ?? [];
      for (const line of regularisationLines(transmitted, now, done)) {
        out.push({
          participationId: r.id,
          ...rowOf(line),
          reason: `Modifié après la transmission de ${monthLabel(month)}`,
        });
      }
    }
  }
  return out;
}
