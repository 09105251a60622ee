/** The home page: what needs doing today, each item linking to where it is done. */
import { z } from 'zod';
import { personName } from './personal';
import { defineMethod, noInput } from './define';
import { id } from './fields';

const worksiteLine = z.object({ id, name: z.string(), startDate: z.string(), endDate: z.string(), status: z.string() });

export const dashboardSummary = z.object({
  inProgress: z.array(worksiteLine),
  /** Starting within 30 days. */
  upcoming: z.array(worksiteLine),
  /** Today's and the rest of this week's half-days. */
  sessions: z.array(
    z.object({ worksiteId: id, worksiteName: z.string(), date: z.string(), start: z.string(), end: z.string() }),
  ),
  /** Held half-days (the last 60 days) where someone under contract has no mark yet. Null: not for this role. */
  unrecorded: z
    .array(
      z.object({
        worksiteId: id,
        worksiteName: z.string(),
        date: z.string(),
        weekOf: z.string(),
        missing: z.number().int(),
      }),
    )
    .nullable(),
  /** People admitted or on the waiting list and on no worksite yet. */
  waiting: z.number().int().nullable(),
  /** Contracts starting within 14 days and not printed yet. */
  contractsToPrint: z
    .array(z.object({ worksiteId: id, worksiteName: z.string(), name: personName, startDate: z.string() }))
    .nullable(),
  /** Past months with hours worked for an employer and not yet sent to it. */
  payrollToSend: z.array(z.object({ month: z.string(), employerName: z.string() })).nullable(),
  /** Files whose retention review is due (administrator). */
  reviewsDue: z.number().int().nullable(),
  /** Requests about personal data not answered yet, and how many are past their month. */
  requestsOpen: z.object({ open: z.number().int(), late: z.number().int() }).nullable(),
  /** PASS IAE ending within `PASS_WARNING_DAYS` (prolongations counted), of people the caller follows. Null: not for this role. */
  passIaeEnding: z.array(z.object({ personId: id, name: personName, endDate: z.string() })).nullable(),
});
export type DashboardSummary = z.output<typeof dashboardSummary>;

/** The administrator's first-week steps, each ticked from the data (see domain/first-week.ts). */
export const firstWeekChecklist = z.object({
  structure: z.boolean(),
  employers: z.boolean(),
  wageRate: z.boolean(),
  accounts: z.boolean(),
  socialWorkersLinked: z.boolean(),
  firstWorksite: z.boolean(),
  firstBackup: z.boolean(),
});
export type FirstWeekChecklist = z.output<typeof firstWeekChecklist>;

export const dashboardMethods = {
  'dashboard/checklist': defineMethod({ input: noInput, output: firstWeekChecklist, tx: 'read', access: 'user' }),
  'dashboard/summary': defineMethod({ input: noInput, output: dashboardSummary, tx: 'read', access: 'user' }),
};
