/**
 * The one guard every write that changes someone's hours goes through: it
 * takes the `payroll-months` lock shared (db/locks.ts: a month found open
 * stays open until COMMIT), reads the state of each payroll month the change
 * touches, asks domain/payroll-month-changes.ts what happens, refuses with its
 * message, and records the régularisation of each sent month the change
 * corrects, pay line by pay line (domain/regularisation-lines.ts), once the
 * write is made (`settle`). All in the caller's transaction.
 */
import { serialise } from '../db/locks';
import {
  findHandoff,
  insertRegularisations,
  listHandoffs,
  participationsOfMonth,
  type RegularisationValues,
} from '../db/repositories/payroll';
import { listWageRates } from '../db/repositories/settings';
import { findParticipation } from '../db/repositories/worksites';
import {
  decideHoursChange,
  decideHoursChanges,
  monthsTouched,
  type DaySpan,
  type HoursChangeKind,
  type PayrollMonthState,
} from '../domain/payroll-month-changes';
import { payLines } from '../domain/pay-lines';
import { regularisationLines, rowOf } from '../domain/regularisation-lines';
import { AppError } from '../shared/errors';
import { addMonths } from '../shared/dates';
import { parisDateOf } from '../shared/paris-time';
import type { ReadableDb } from '../db/access';
import type { HandlerContext, WriteContext } from './handler';
import { hoursSummaries, ofHours, type ParticipationOfHours } from './hours';
import { MONTHS_LOOKED_BACK, monthBounds } from './payroll-drift';

/** The days of one contract a change touches. */
export interface HoursTouch extends DaySpan {
  participationId: number;
}

export interface HoursChangeOptions {
  /** The reason given by the person: a correction of a sent month needs one (attendance). */
  reason?: string | null;
  /** A fact of the contract, named in the régularisation: « Fin anticipée au 22/06/2026 ». */
  act?: string;
  /** Contracts created by this write: before it, they counted no hours. */
  created?: readonly number[];
  /** The field the refusal points to. */
  field?: string;
}

export interface HoursChangeGuard {
  /** After the write: the régularisations of the sent months changed. */
  settle(): Promise<void>;
}

type Participation = NonNullable<Awaited<ReturnType<typeof findParticipation>>>;

/** Open, validated or sent: the month of one employer as the payroll screen shows it. */
export async function payrollMonthState(
  ctx: Pick<HandlerContext, 'db'>,
  month: string,
  employerId: number,
): Promise<PayrollMonthState> {
  const handoff = await findHandoff(ctx.db, month, employerId);
  if (!handoff) return { status: 'open' };
  if (handoff.status === 'transmis' && handoff.transmittedAt !== null)
    return { status: 'sent', sentOn: parisDateOf(handoff.transmittedAt) };
  return { status: 'validated' };
}

export async function guardHoursChange(
  ctx: WriteContext,
  kind: HoursChangeKind,
  touches: readonly HoursTouch[],
  options: HoursChangeOptions = {},
): Promise<HoursChangeGuard> {
  await serialise(ctx.db, 'payroll-months', 'shared');
  const participations = new Map<number, Participation>();
  for (const t of touches) {
    if (participations.has(t.participationId)) continue;
    const p = await findParticipation(ctx.db, t.participationId);
    if (p) participations.set(p.id, p);
  }
  const states = new Map<string, PayrollMonthState>();
  const regularised: { participationId: number; month: string; reason: string }[] = [];
  const byParticipation = new Map<number, DaySpan[]>();
  for (const t of touches) {
    if (!participations.has(t.participationId)) continue;
    byParticipation.set(t.participationId, [...(byParticipation.get(t.participationId) ?? []), t]);
  }
  const verdicts = [];
  for (const [participationId, spans] of byParticipation) {
    const employerId = participations.get(participationId)!.employerId;
    for (const { month } of monthsTouched(spans)) {
      const key = `${employerId}|${month}`;
      if (!states.has(key)) states.set(key, await payrollMonthState(ctx, month, employerId));
    }
    const stateOf = (month: string) => states.get(`${employerId}|${month}`)!;
    for (const v of decideHoursChanges(kind, spans, stateOf, options)) verdicts.push({ participationId, ...v });
  }
  // In date order, so the message names the first day a sent month refuses.
  verdicts.sort((a, b) => a.firstDay.localeCompare(b.firstDay));
  const refusal = verdicts.find((v) => v.verdict.outcome === 'refused');
  if (refusal?.verdict.outcome === 'refused')
    throw new AppError('CONFLICT', refusal.verdict.message, { field: options.field ?? 'regularisation' });
  for (const { participationId, month, verdict } of verdicts)
    if (verdict.outcome === 'regularise') regularised.push({ participationId, month, reason: verdict.reason });
  const ids = [...new Set(regularised.map((r) => r.participationId))];
  const created = new Set(options.created ?? []);
  const existing = ids.filter((id) => !created.has(id)).map((id) => ofHours(participations.get(id)!));
  const before = existing.length > 0 ? await hoursSummaries(ctx.db, ctx.today, existing) : new Map();
  return {
    async settle() {
      if (ids.length === 0) return;
      const now = new Map<number, Participation>();
      for (const id of ids) {
        const p = await findParticipation(ctx.db, id);
        if (p) now.set(id, p);
      }
      const after = await hoursSummaries(ctx.db, ctx.today, [...now.values()].map(ofHours));
      const wageFloors = await listWageRates(ctx.db);
      const rows: RegularisationValues[] = [];
      for (const { participationId, month, reason } of regularised) {
        const p = participations.get(participationId)!;
        const linesOf = (summary: Parameters<typeof payLines>[0]['summary'] | undefined) =>
          summary ? payLines({ month, summary, contractCents: p.hourlyCents, wageFloors, regularisations: [] }) : [];
        for (const line of regularisationLines(
          linesOf(before.get(participationId)),
          linesOf(after.get(participationId)),
        ))
          rows.push({ participationId, ...rowOf(line), reason });
      }
      await insertRegularisations(ctx.db, rows, null, ctx.session.user?.id ?? null, ctx.now);
    },
  };
}

/**
 * The contracts of a worksite that a change of its half-day on `date` touches:
 * those whose days include it.
 */
export function touchesOn(
  participations: readonly { id: number; startDate: string; endDate: string; earlyEndDate: string | null }[],
  date: string,
): HoursTouch[] {
  return participations
    .filter((p) => p.startDate <= date && date <= (p.earlyEndDate ?? p.endDate))
    .map((p) => ({ participationId: p.id, first: date, last: date }));
}

/**
 * A setting that counts hours (the weekly pattern of a worksite, the
 * structure's calendar): which days it changes cannot be told from the
 * setting, so the figures of each sent month (the twelve sent last, as for
 * app/payroll-drift.ts; for a setting dated `from`, every one from its month
 * on) are counted before and after the write, and a month
 * whose pay lines differ is decided as a `setting` change (refused while
 * sent). `worksiteId`: only its contracts; none: every one.
 */
export async function guardSettingChange(
  ctx: WriteContext,
  worksiteId: number | null,
  field?: string,
  options: { dated?: boolean; from?: string } = {},
): Promise<HoursChangeGuard> {
  await serialise(ctx.db, 'payroll-months', 'shared');
  const transmitted = (await listHandoffs(ctx.db)).filter((h) => h.status === 'transmis');
  // A dated setting may apply from the first day after the last month sent: the refusal says so.
  const firstOpenDay = options.dated ? await firstDayNotSent(ctx.db, ctx.today) : undefined;
  // A setting dated `from` changes no day before it, and may change any day after: every month sent
  // from its month on is counted, however long ago (a date far in the past reaches months sent
  // years ago, which the twelve last would miss).
  const from = options.from;
  const lastMonths =
    from === undefined
      ? new Set([...new Set(transmitted.map((h) => h.month))].sort().slice(-MONTHS_LOOKED_BACK))
      : new Set(transmitted.map((h) => h.month).filter((month) => month >= from.slice(0, 7)));
  const sent = transmitted.filter((h) => lastMonths.has(h.month));
  const months: { month: string; employerId: number; rows: ParticipationOfHours[]; cents: Map<number, number> }[] = [];
  for (const h of sent) {
    const { first, last } = monthBounds(h.month);
    const rows = (await participationsOfMonth(ctx.db, h.employerId, first, last)).filter(
      (r) => worksiteId === null || r.worksiteId === worksiteId,
    );
    if (rows.length === 0) continue;
    months.push({
      month: h.month,
      employerId: h.employerId,
      rows: rows.map(ofHours),
      cents: new Map(rows.map((r) => [r.id, r.hourlyCents])),
    });
  }
  const count = async () => {
    const wageFloors = await listWageRates(ctx.db);
    const all = new Map(months.flatMap((m) => m.rows).map((r) => [r.id, r]));
    const summaries = all.size > 0 ? await hoursSummaries(ctx.db, ctx.today, [...all.values()]) : new Map();
    return months.map((m) =>
      m.rows.map((r) =>
        payLines({
          month: m.month,
          summary: summaries.get(r.id)!,
          contractCents: m.cents.get(r.id)!,
          wageFloors,
          regularisations: [],
        }),
      ),
    );
  };
  const before = await count();
  return {
    async settle() {
      const after = await count();
      for (const [i, m] of months.entries()) {
        const firstDay = m.rows
          .flatMap((_, j) => regularisationLines(before[i]![j]!, after[i]![j]!).map((l) => l.from))
          .sort()[0];
        if (firstDay === undefined) continue;
        const state = await payrollMonthState(ctx, m.month, m.employerId);
        const verdict = decideHoursChange(state, {
          kind: 'setting',
          month: m.month,
          firstDay,
          reason: null,
          ...(firstOpenDay === undefined ? {} : { firstOpenDay }),
        });
        if (verdict.outcome === 'refused')
          throw new AppError('CONFLICT', verdict.message, field === undefined ? undefined : { field });
      }
    },
  };
}

/** The last month sent to a portage employer (any of them), YYYY-MM, or null. */
export async function lastSentMonth(db: ReadableDb): Promise<string | null> {
  const months = (await listHandoffs(db)).filter((h) => h.status === 'transmis').map((h) => h.month);
  return months.length === 0 ? null : months.sort().at(-1)!;
}

/**
 * The first day of the first month not yet sent to a portage employer (after
 * the last one sent), else of `today`'s month: where a dated setting may start
 * without touching a paid month.
 */
export async function firstDayNotSent(db: ReadableDb, today: string): Promise<string> {
  return firstDayAfter(await lastSentMonth(db), today);
}

/** The first day of the month after `lastSent` (YYYY-MM), or of `today`'s month when none was sent. */
export function firstDayAfter(lastSent: string | null, today: string): string {
  return lastSent === null ? `${today.slice(0, 7)}-01` : addMonths(`${lastSent}-01`, 1);
}
