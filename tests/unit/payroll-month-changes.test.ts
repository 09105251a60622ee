import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractDaysChanged,
  decideHoursChange,
  decideHoursChanges,
  monthsTouched,
  type HoursChangeKind,
  type PayrollMonthState,
} from '../../src-main/domain/payroll-month-changes';
import { addDays } from '../../src-main/shared/dates';

const open: PayrollMonthState = { status: 'open' };
const validated: PayrollMonthState = { status: 'validated' };
const sent: PayrollMonthState = { status: 'sent', sentOn: '2026-12-02' };
const SENT_NOVEMBER = 'Le mois de novembre 2026 a été transmis à l’employeur de portage le 02/12/2026';

describe('what a change of hours does, from the state of its payroll month', () => {
  const change = (kind: HoursChangeKind, reason: string | null = null) => ({
    kind,
    month: '2026-11',
    firstDay: '2026-11-30',
    reason,
    act: 'Fin anticipée au 29/11/2026',
  });
  it.each([
    // state × kind × reason → outcome
    [open, 'attendance', null, { outcome: 'allowed' }],
    [open, 'planning', null, { outcome: 'allowed' }],
    [open, 'contract', null, { outcome: 'allowed' }],
    [open, 'setting', null, { outcome: 'allowed' }],
    [validated, 'attendance', null, { outcome: 'revalidate' }],
    [validated, 'planning', null, { outcome: 'revalidate' }],
    [validated, 'contract', null, { outcome: 'revalidate' }],
    [validated, 'setting', null, { outcome: 'revalidate' }],
    [
      sent,
      'attendance',
      'Absence signalée après coup',
      { outcome: 'regularise', reason: 'Absence signalée après coup' },
    ],
    [
      sent,
      'attendance',
      null,
      {
        outcome: 'refused',
        message: `${SENT_NOVEMBER} : pour changer les heures du 30/11/2026, indiquez le motif de la correction ; elle partira en régularisation avec le mois suivant.`,
      },
    ],
    [sent, 'attendance', '   ', { outcome: 'refused' }], // blanks are no reason
    [
      sent,
      'contract',
      null,
      { outcome: 'regularise', reason: 'Fin anticipée au 29/11/2026 (après la transmission de novembre 2026)' },
    ],
    [
      sent,
      'planning',
      null,
      {
        outcome: 'refused',
        message: `${SENT_NOVEMBER} : ses demi-journées ne se changent plus. Pour changer ces heures, corrigez les présences du 30/11/2026 dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.`,
      },
    ],
    [sent, 'planning', 'Un motif ne suffit pas', { outcome: 'refused' }], // the planning of a sent month stays
    [
      sent,
      'setting',
      null,
      {
        outcome: 'refused',
        message: `${SENT_NOVEMBER} : ce réglage changerait ses heures (le 30/11/2026), déjà payées. Pour changer les heures de ce mois, corrigez les présences de ces jours dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.`,
      },
    ],
  ] as const)('%o, %s (motif %o) → %o', (state, kind, reason, outcome) => {
    expect(decideHoursChange(state, change(kind, reason))).toMatchObject(outcome);
  });
});

describe('the months a change touches, boundaries from both sides', () => {
  // November 2026 sent, December open.
  const stateOf = (month: string): PayrollMonthState => (month === '2026-11' ? sent : open);
  const outcomes = (kind: HoursChangeKind, spans: { first: string; last: string }[]) =>
    decideHoursChanges(kind, spans, stateOf, { act: 'Fin anticipée' }).map((v) => [v.month, v.verdict.outcome]);

  it.each([
    ['the last day of the sent month', '2026-11-30', [['2026-11', 'refused']]],
    ['the first day of the next month', '2026-12-01', [['2026-12', 'allowed']]],
    ['the day before the sent month', '2026-10-31', [['2026-10', 'allowed']]],
    ['the first day of the sent month', '2026-11-01', [['2026-11', 'refused']]],
  ])('a half-day on %s (%s)', (_what, date, expected) => {
    expect(outcomes('planning', [{ first: date, last: date }])).toEqual(expected);
  });

  it('a half-day moved from the first day of the next month to the last day of the sent month is refused', () => {
    expect(
      outcomes('planning', [
        { first: '2026-12-01', last: '2026-12-01' },
        { first: '2026-11-30', last: '2026-11-30' },
      ]),
    ).toEqual([
      ['2026-11', 'refused'],
      ['2026-12', 'allowed'],
    ]);
  });

  // A contract from 02/11/2026 to 15/12/2026 ended early.
  const contract = { first: '2026-11-02', last: '2026-12-15' };
  it.each([
    ['on the last day of the sent month: nothing of November changes', '2026-11-30', [['2026-12', 'allowed']]],
    [
      'the day before: the 30th of November goes, a régularisation',
      '2026-11-29',
      [
        ['2026-11', 'regularise'],
        ['2026-12', 'allowed'],
      ],
    ],
    ['on the first day of the next month', '2026-12-01', [['2026-12', 'allowed']]],
    ['on its last day: nothing changes', '2026-12-15', []],
  ])('an early end %s (%s)', (_what, end, expected) => {
    expect(outcomes('contract', contractDaysChanged(contract, { first: contract.first, last: end }))).toEqual(expected);
  });

  it.each([
    [
      'ending before the sent month',
      { first: '2026-09-01', last: '2026-10-31' },
      [
        ['2026-09', 'allowed'],
        ['2026-10', 'allowed'],
      ],
    ],
    ['starting after it', { first: '2026-12-01', last: '2026-12-31' }, [['2026-12', 'allowed']]],
    [
      'ending on its first day',
      { first: '2026-10-15', last: '2026-11-01' },
      [
        ['2026-10', 'allowed'],
        ['2026-11', 'regularise'],
      ],
    ],
    [
      'starting on its last day',
      { first: '2026-11-30', last: '2026-12-10' },
      [
        ['2026-11', 'regularise'],
        ['2026-12', 'allowed'],
      ],
    ],
  ] as const)('a contract entered late %s', (_what, span, expected) => {
    expect(outcomes('contract', contractDaysChanged(null, span))).toEqual(expected);
  });

  it('a renewal adds the days after the current end, a withdrawn early end gives them back', () => {
    expect(
      contractDaysChanged({ first: '2026-11-02', last: '2026-11-30' }, { first: '2026-11-02', last: '2027-01-31' }),
    ).toEqual([{ first: '2026-12-01', last: '2027-01-31' }]);
    expect(
      contractDaysChanged({ first: '2026-11-02', last: '2026-11-20' }, { first: '2026-11-02', last: '2026-12-15' }),
    ).toEqual([{ first: '2026-11-21', last: '2026-12-15' }]);
    expect(
      contractDaysChanged({ first: '2026-11-02', last: '2026-11-20' }, { first: '2026-11-05', last: '2026-11-20' }),
    ).toEqual([{ first: '2026-11-02', last: '2026-11-04' }]);
  });
});

describe('monthsTouched', () => {
  const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2025-01-01', n));
  it('names every month of a span once, in order, each with the first day of the span in it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (first, length) => {
        const last = addDays(first, length);
        const touched = monthsTouched([{ first, last }]);
        const expected = new Map<string, string>();
        for (let d = first; d <= last; d = addDays(d, 1))
          if (!expected.has(d.slice(0, 7))) expected.set(d.slice(0, 7), d);
        expect(touched).toEqual([...expected].map(([month, firstDay]) => ({ month, firstDay })));
      }),
    );
  });
  it('the days changed by two contract spans are exactly those in one and not the other', () => {
    const span = fc
      .tuple(day, fc.integer({ min: 0, max: 200 }))
      .map(([first, n]) => ({ first, last: addDays(first, n) }));
    fc.assert(
      fc.property(span, span, (a, b) => {
        fc.pre(a.first <= b.last && b.first <= a.last); // the same contract, changed: its spans overlap
        const changed = contractDaysChanged(a, b);
        const inSpan = (s: { first: string; last: string }, d: string) => s.first <= d && d <= s.last;
        const lo = a.first < b.first ? a.first : b.first;
        const hi = a.last > b.last ? a.last : b.last;
        for (let d = lo; d <= hi; d = addDays(d, 1))
          expect(changed.some((s) => inSpan(s, d))).toBe(inSpan(a, d) !== inSpan(b, d));
      }),
    );
  });
});
