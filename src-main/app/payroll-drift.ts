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

export async function unrecordedChanges(db: Kysely<Database>, today: string, employerId: number, beforeMonth: string, monthLabel: (month: string) => string): Promise<DriftRegularisation[]> {
  const out: DriftRegularisation[] = [];
  for (const h of await repo.transmittedBefore(db, employerId, beforeMonth)) {
    const kept = (JSON.parse(h.content) as { figures?: MonthFigures }).figures;
    if (!kept) continue; // kept before figures were: nothing to compare with
    const { first, last } = monthBounds(h.month);
    const rows = await repo.participationsOfMonth(db, employerId, first, last, { ids: kept.map((p) => p.participationId) });
    const summaries = await hoursSummaries(
      db,
      today,
      rows.map((r) => ({ id: r.id, personId: r.personId, name: '', worksiteId: r.worksiteId, worksiteName: '', startDate: r.startDate, end: r.earlyEndDate ?? r.endDate, weeklyMinutes: r.weeklyMinutes })),
    );
    const now = figuresOf(rows.map((r) => ({ participationId: r.id, payLines: [], days: summaries.get(r.id)!.days.filter((d) => d.date >= first && d.date <= last) })));
    const recorded = await repo.regularisationsBetween(db, rows.map((r) => r.id), first, last);
    for (const d of unrecordedDeltas(kept, now, recorded)) out.push({ ...d, reason: `Modifié après la transmission de ${monthLabel(h.month)}` });
  }
  return out;
}
