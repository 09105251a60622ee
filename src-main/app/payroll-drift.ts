/**
 * What changed in transmitted months without a régularisation being recorded
 * (an annex time marked done, a half-day cancelled, a contract changed): the
 * kept figures of each transmitted month against its days counted now, less
 * the régularisations already recorded. The next month not yet transmitted
 * carries the difference (domain/payroll-figures.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import * as repo from '../db/repositories/payroll';
import { figuresOf, unrecordedDeltas, type MonthFigures } from '../domain/payroll-figures';
import { addDays, addMonths } from '../shared/dates';
import { hoursSummaries } from './hours';

export interface DriftRegularisation {
  participationId: number;
  date: string;
  workedDelta: number;
  paidDelta: number;
  reason: string;
}

export const monthBounds = (month: string) => ({ first: `${month}-01`, last: addDays(addMonths(`${month}-01`, 1), -1) });

/**
 * How far back changes to transmitted months are looked for: the twelve
 * months transmitted last (a correction older than a year goes through the
 * employer directly). One count of hours for all their contracts.
 */
export const MONTHS_LOOKED_BACK = 12;

export async function unrecordedChanges(db: Kysely<Database>, today: string, employerId: number, beforeMonth: string, monthLabel: (month: string) => string): Promise<DriftRegularisation[]> {
  const handoffs = (await repo.transmittedBefore(db, employerId, beforeMonth)).slice(-MONTHS_LOOKED_BACK);
  const months = [];
  for (const h of handoffs) {
    const kept = (JSON.parse(h.content) as { figures?: MonthFigures }).figures;
    if (!kept) continue; // kept before figures were: nothing to compare with
    const bounds = monthBounds(h.month);
    const rows = await repo.participationsOfMonth(db, employerId, bounds.first, bounds.last, { ids: kept.map((p) => p.participationId) });
    months.push({ month: h.month, kept, rows, ...bounds });
  }
  const contracts = new Map(months.flatMap((m) => m.rows).map((r) => [r.id, r]));
  const summaries = await hoursSummaries(
    db,
    today,
    [...contracts.values()].map((r) => ({ id: r.id, personId: r.personId, name: '', worksiteId: r.worksiteId, worksiteName: '', startDate: r.startDate, end: r.earlyEndDate ?? r.endDate, weeklyMinutes: r.weeklyMinutes })),
  );
  const out: DriftRegularisation[] = [];
  for (const { month, kept, rows, first, last } of months) {
    const now = figuresOf(rows.map((r) => ({ participationId: r.id, payLines: [], days: summaries.get(r.id)!.days.filter((d) => d.date >= first && d.date <= last) })));
    const recorded = await repo.regularisationsBetween(db, rows.map((r) => r.id), first, last);
    for (const d of unrecordedDeltas(kept, now, recorded)) out.push({ ...d, reason: `Modifié après la transmission de ${monthLabel(month)}` });
  }
  return out;
}
