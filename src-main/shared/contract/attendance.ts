import { z } from 'zod';
import { sensitive } from './personal';
import { defineMethod } from './define';
import { id, isoDate, requiredText, timeOfDay } from './fields';
import { TIME_PATTERN } from '../time';
import { annexTime, HALF_DAYS } from './worksites';
import { CANCEL_KINDS, MARKS } from './attendance-codes';

export const markInput = z
  .object({
    mark: z.enum(MARKS, { error: 'Ce code de présence ou d’absence n’existe pas.' }),
    /** Late arrival or early departure: the times actually worked. */
    actualStart: timeOfDay('L’heure d’arrivée').nullable().default(null),
    actualEnd: timeOfDay('L’heure de départ').nullable().default(null),
    /** Whether an absence's hours are paid; null takes the code's usual rule. */
    paid: z.boolean().nullable().default(null),
    proofReceived: z.boolean().default(false),
    proofDate: isoDate('La date de réception du justificatif').nullable().default(null),
  })
  .refine((m) => m.mark !== 'retard' || m.actualStart !== null || m.actualEnd !== null, {
    path: ['actualStart'],
    message: 'Indiquez l’heure d’arrivée ou de départ réelle.',
  })
  .refine(
    (m) =>
      m.actualStart === null ||
      m.actualEnd === null ||
      !TIME_PATTERN.test(m.actualStart) ||
      !TIME_PATTERN.test(m.actualEnd) ||
      m.actualEnd > m.actualStart,
    {
      path: ['actualEnd'],
      message: 'L’heure de départ doit venir après l’heure d’arrivée.',
    },
  );
export type MarkInput = z.input<typeof markInput>;

/** A cell as stored and shown: the mark and its details. */
export const cellValue = z.object({
  mark: z.enum(MARKS),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  paid: z.boolean(),
  proofReceived: z.boolean(),
  proofDate: z.string().nullable(),
});
export type CellValue = z.output<typeof cellValue>;

export const attendanceEntry = z.object({
  sessionId: id,
  participationId: id,
  mark: markInput.nullable(),
  /**
   * The cell as the grid showed it when the user changed it (null: empty).
   * Merged with what is stored now (domain/cell-merge.ts): a cell someone
   * else changed meanwhile to another value is refused (`STALE`, `conflicts`)
   * for the user to choose. Left out by scripts, which write over.
   */
  base: cellValue.nullable().optional(),
});

const storedMark = cellValue.extend({ sessionId: id, participationId: id });
export type StoredMark = z.output<typeof storedMark>;

export const attendanceWeek = z.object({
  worksiteId: id,
  worksiteName: z.string(),
  weekOf: z.string(),
  sessions: z.array(
    z.object({
      id,
      date: z.string(),
      halfDay: z.enum(HALF_DAYS),
      start: z.string(),
      end: z.string(),
      cancelled: z.enum(CANCEL_KINDS).nullable(),
      cancelledReason: z.string().nullable(),
      /** Not begun yet by the structure's clock: nothing to mark but a cancellation (domain/not-yet-happened). */
      notYet: z.boolean(),
    }),
  ),
  /** People under contract some day of the week, with their contract's dates (cells outside them are closed). */
  participants: z.array(
    z.object({ participationId: id, personId: id, name: z.string(), start: z.string(), end: z.string() }),
  ),
  marks: z.array(sensitive('hours', storedMark)),
  annexTimes: z.array(annexTime.extend({ notYet: z.boolean() })),
  holidays: z.array(z.object({ date: z.string(), label: z.string() })),
});
export type AttendanceWeek = z.output<typeof attendanceWeek>;

export const hoursRow = sensitive(
  'hours',
  z.object({
    participationId: id,
    personId: id,
    name: z.string(),
    worksiteId: id,
    worksiteName: z.string(),
    planned: z.number().int(),
    worked: z.number().int(),
    paid: z.number().int(),
    complementary: z.number().int(),
    attended: z.number().int(),
    held: z.number().int(),
    /** Working-time limits passed, in French. */
    warnings: z.array(z.string()),
    weeks: z.array(
      z.object({
        weekOf: z.string(),
        planned: z.number().int(),
        worked: z.number().int(),
        paid: z.number().int(),
        complementary: z.number().int(),
      }),
    ),
    months: z.array(
      z.object({ month: z.string(), planned: z.number().int(), worked: z.number().int(), paid: z.number().int() }),
    ),
    /** Corrections of days already sent to the employer, and whether a later hand-off carried them. */
    regularisations: z.array(
      z.object({ date: z.string(), paidDelta: z.number().int(), reason: z.string(), sent: z.boolean() }),
    ),
  }),
);
export type HoursRow = z.output<typeof hoursRow>;

export const attendanceMethods = {
  /** A worksite's week for the émargement grid: half-days, people, marks, annex times, holidays. */
  'attendance/week': defineMethod({
    input: z.object({ worksiteId: id, weekOf: isoDate('La semaine') }),
    output: attendanceWeek,
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
  /** Records (or clears, with `mark: null`) many cells at once, all or nothing. */
  'attendance/save': defineMethod({
    input: z.object({
      worksiteId: id,
      entries: z.array(attendanceEntry).min(1, 'Rien à enregistrer.').max(1000),
      /** Required to change a day of a month already sent to the employer: the difference becomes a régularisation. */
      regularisation: z
        .object({ reason: requiredText('Le motif de la régularisation', 300) })
        .nullable()
        .default(null),
    }),
    output: z.object({ saved: z.number().int() }),
    tx: 'write',
    access: 'user',
  }),
  /** An annex time took place (true), did not (false), or is not yet known (null). */
  'attendance/markAnnexTime': defineMethod({
    input: z.object({
      annexTimeId: id,
      done: z.boolean().nullable(),
      /** Required to change an annex time of a month already sent to the employer: the difference becomes a régularisation. */
      regularisation: z
        .object({ reason: requiredText('Le motif de la régularisation', 300) })
        .nullable()
        .default(null),
    }),
    output: z.object({ done: z.boolean().nullable() }),
    tx: 'write',
    access: 'user',
  }),
  /** Planned, worked and paid hours and the attendance rate, per participant of a worksite or per contract of a person. */
  'attendance/hours': defineMethod({
    input: z
      .object({ worksiteId: id.optional(), personId: id.optional() })
      .refine((q) => (q.worksiteId === undefined) !== (q.personId === undefined), {
        message: 'Indiquez un chantier ou une personne.',
      }),
    output: z.object({
      rows: z.array(hoursRow),
      totals: hoursRow.pick({
        planned: true,
        worked: true,
        paid: true,
        complementary: true,
        attended: true,
        held: true,
      }),
    }),
    tx: 'read',
    access: 'user',
    audit: 'read',
  }),
};
