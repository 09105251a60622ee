import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personWeekTotals, weekTotals, type SheetCell } from '../../src-main/domain/attendance-sheet';
import type { AttendanceMark } from '../../src-main/domain/attendance';

const mark = (m: AttendanceMark['mark'], actual: Partial<AttendanceMark> = {}): AttendanceMark => ({
  mark: m,
  actualStart: null,
  actualEnd: null,
  paid: false,
  ...actual,
});
/** A morning 08:30–12:00 (210 minutes). */
const cell = (overrides: Partial<SheetCell> = {}): SheetCell => ({
  date: '2026-05-04',
  startMinutes: 510,
  endMinutes: 720,
  cancelled: null,
  mark: null,
  open: true,
  ...overrides,
});

describe('the totals of a week’s attendance sheet', () => {
  it.each([
    [
      'nothing to sign',
      [],
      { plannedHalfDays: 0, plannedMinutes: 0, realised: { presentHalfDays: 0, workedMinutes: 0, absentHalfDays: 0 } },
    ],
    [
      'one half-day not recorded yet: realised left blank',
      [cell()],
      { plannedHalfDays: 1, plannedMinutes: 210, realised: null },
    ],
    [
      'recorded present',
      [cell({ mark: mark('present') })],
      {
        plannedHalfDays: 1,
        plannedMinutes: 210,
        realised: { presentHalfDays: 1, workedMinutes: 210, absentHalfDays: 0 },
      },
    ],
    [
      'late by 30 minutes: present, the real time counted',
      [cell({ mark: mark('retard', { actualStart: 540 }) })],
      {
        plannedHalfDays: 1,
        plannedMinutes: 210,
        realised: { presentHalfDays: 1, workedMinutes: 180, absentHalfDays: 0 },
      },
    ],
    [
      'absent, even paid: no hour worked',
      [cell({ mark: mark('rdv_autorise', { paid: true }) })],
      {
        plannedHalfDays: 1,
        plannedMinutes: 210,
        realised: { presentHalfDays: 0, workedMinutes: 0, absentHalfDays: 1 },
      },
    ],
    [
      'outside the contract: not planned, need not be recorded',
      [cell({ open: false }), cell({ mark: mark('present') })],
      {
        plannedHalfDays: 1,
        plannedMinutes: 210,
        realised: { presentHalfDays: 1, workedMinutes: 210, absentHalfDays: 0 },
      },
    ],
    [
      'one recorded, one still blank',
      [cell({ mark: mark('present') }), cell({ date: '2026-05-05' })],
      { plannedHalfDays: 2, plannedMinutes: 420, realised: null },
    ],
  ] as const)('%s', (_label, cells, expected) => {
    expect(personWeekTotals(cells as readonly SheetCell[])).toEqual(expected);
  });

  it('the week is realised only when every person is', () => {
    const done = personWeekTotals([cell({ mark: mark('present') })]);
    const pending = personWeekTotals([cell()]);
    expect(weekTotals([done, done])).toEqual({
      plannedHalfDays: 2,
      plannedMinutes: 420,
      realised: { presentHalfDays: 2, workedMinutes: 420, absentHalfDays: 0 },
    });
    expect(weekTotals([done, pending])).toEqual({ plannedHalfDays: 2, plannedMinutes: 420, realised: null });
  });

  it('present and absent half-days always add up to the planned ones, and worked time never exceeds the planned', () => {
    const marks = fc.constantFrom<AttendanceMark['mark']>(
      'present',
      'retard',
      'maladie',
      'non_justifiee',
      'demarche_emploi',
    );
    const recorded = fc
      .record({ open: fc.boolean(), mark: marks, late: fc.integer({ min: 0, max: 210 }) })
      .map(({ open, mark: m, late }) =>
        cell({ open, mark: mark(m, m === 'retard' ? { actualStart: 510 + late } : {}) }),
      );
    fc.assert(
      fc.property(fc.array(recorded, { maxLength: 12 }), (cells) => {
        const t = personWeekTotals(cells);
        expect(t.realised).not.toBeNull();
        expect(t.realised!.presentHalfDays + t.realised!.absentHalfDays).toBe(t.plannedHalfDays);
        expect(t.realised!.workedMinutes).toBeLessThanOrEqual(t.plannedMinutes);
      }),
    );
  });
});
