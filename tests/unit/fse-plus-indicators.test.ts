import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FSE_COLUMNS,
  FSE_INDICATORS,
  cellId,
  countFseIndicators,
  countsInImmediateResults,
  countsInLongerTermResults,
  countsInOutputs,
  fseSecrecyReport,
  iscedGroupOf,
  publishFseTable,
  type FseCounts,
} from '../../src-main/domain/fse-plus-indicators';
import {
  FSE_LABOUR_STATUSES,
  SENSITIVE_ANSWERS,
  type FseEntry,
  type FseParticipant,
} from '../../src-main/domain/fse-plus-participant';
import { HAND_COUNTED, PERIOD, TODAY, TWELVE, entry, exit, participant, six } from './support/fse-twelve';
import { exposedCells, type States } from '../../src-main/domain/secrecy';
import { EDUCATION_LEVELS } from '../../src-main/shared/contract/people-lists';

describe('FSE+ indicators: the twelve participants counted by hand', () => {
  const counts = countFseIndicators(TWELVE, PERIOD, TODAY);

  it('gives every line of the table the hand-counted figure', () => {
    expect(Object.keys(HAND_COUNTED).sort()).toEqual(FSE_INDICATORS.map((l) => l.key).sort());
    for (const [key, [F, M, total]] of Object.entries(HAND_COUNTED)) {
      expect({ key, ...counts[key] }).toEqual({ key, F, M, total });
    }
  });

  it('hides every count of 1 to 4 and enough others that none can be found again', () => {
    const table = publishFseTable(counts);
    const states: States = new Map();
    for (const line of table) {
      for (const column of FSE_COLUMNS) {
        const value = counts[line.key]![column];
        const cell = line.cells[column];
        if (value > 0 && value < 5)
          expect({ id: cellId(line.key, column), cell }).toMatchObject({ cell: { count: null } });
        if (cell.count !== null) expect(cell.count).toBe(value);
        else expect(cell.masked).toBe(value < 5 ? '< 5' : 's');
        states.set(cellId(line.key, column), cell.count === null ? 'primary' : 'shown');
      }
    }
    // 8 participants, 4 women and 4 men: two « < 5 » adding up to a shown 8 could only be 4 and 4, so the 8 is hidden too.
    expect(table[0]!.cells).toEqual({
      F: { count: null, masked: '< 5' },
      M: { count: null, masked: '< 5' },
      total: { count: null, masked: 's' },
    });
    expect(exposedCells(fseSecrecyReport(counts), states)).toEqual([]);
  });
});

describe('FSE+ indicators: who counts in a period (each boundary from both sides)', () => {
  const p = (enteredOn: string, leftOn: string | null, observedOn: string | null) =>
    participant('F', entry({ enteredOn }), leftOn ? exit(leftOn) : null, observedOn && leftOn ? six(observedOn) : null);
  it.each([
    ['day before the period', '2025-12-31', false],
    ['first day', '2026-01-01', true],
    ['last day', '2026-06-30', true],
    ['day after', '2026-07-01', false],
  ])('entry on the %s', (_, enteredOn, counted) => {
    expect(countsInOutputs(p(enteredOn, null, null), PERIOD, TODAY)).toBe(counted);
  });
  it.each([
    ['day before the period', '2025-12-31', false],
    ['first day', '2026-01-01', true],
    ['last day', '2026-06-30', true],
    ['day after', '2026-07-01', false],
  ])('exit on the %s', (_, leftOn, counted) => {
    expect(countsInImmediateResults(p('2025-06-01', leftOn, null), PERIOD, TODAY)).toBe(counted);
  });
  it.each([
    ['day before the period', '2025-12-31', false],
    ['first day', '2026-01-01', true],
    ['last day', '2026-06-30', true],
    ['day after', '2026-07-01', false],
  ])('six-month observation on the %s', (_, observedOn, counted) => {
    expect(countsInLongerTermResults(p('2025-01-01', '2025-06-01', observedOn), PERIOD, TODAY)).toBe(counted);
  });

  // A period still running: nothing dated after today has happened.
  const RUNNING = { from: '2026-07-01', to: '2026-12-31' };
  it.each([
    ['today', '2026-09-15', true],
    ['tomorrow', '2026-09-16', false],
  ])('in a running period, an entry, an exit or an observation dated %s', (_, date, counted) => {
    expect(countsInOutputs(p(date, null, null), RUNNING, TODAY)).toBe(counted);
    expect(countsInImmediateResults(p('2026-07-02', date, null), RUNNING, TODAY)).toBe(counted);
    expect(countsInLongerTermResults(p('2025-01-01', '2026-07-01', date), RUNNING, TODAY)).toBe(counted);
  });

  it('never holds an exit dated before the entry, nor an observation before the exit', () => {
    expect(countsInImmediateResults(p('2026-03-01', '2026-02-28', null), PERIOD, TODAY)).toBe(false);
    expect(countsInLongerTermResults(p('2025-01-01', '2026-03-01', '2026-02-28'), PERIOD, TODAY)).toBe(false);
  });

  it.each([
    [17, 'moins_18'],
    [18, '18_29'],
    [29, '18_29'],
    [30, null],
    [54, null],
    [55, '55_plus'],
  ])('aged %i at entry counts in %s', (ageAtEntry, band) => {
    const counts = countFseIndicators(
      [participant('M', entry({ enteredOn: '2026-02-01', ageAtEntry }))],
      PERIOD,
      TODAY,
    );
    const bands = ['moins_18', '18_29', '55_plus'].filter((k) => counts[k]!.total === 1);
    expect(bands).toEqual(band ? [band] : []);
  });

  it.each([
    ['infra3', '0-2'],
    ['3', '3-4'],
    ['4', '3-4'],
    ['5', '5-8'],
    ['8', '5-8'],
  ] as const)('national level %s is ISCED %s', (level, group) => {
    expect(iscedGroupOf(level)).toBe(group);
  });
});

const date = (min: number, max: number) =>
  fc.integer({ min, max }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86400000).toISOString().slice(0, 10));
const anyParticipant = fc
  .record({
    sex: fc.constantFrom('F' as const, 'M' as const),
    enteredOn: date(0, 700),
    stay: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    followUp: fc.option(fc.integer({ min: 150, max: 250 }), { nil: null }),
    labourStatus: fc.constantFrom(...FSE_LABOUR_STATUSES),
    ageAtEntry: fc.integer({ min: 15, max: 67 }),
    educationLevel: fc.constantFrom(...EDUCATION_LEVELS),
    answers: fc.array(fc.constantFrom(...SENSITIVE_ANSWERS), { minLength: 4, maxLength: 4 }),
    flags: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map((r): FseParticipant => {
    const plus = (d: string, n: number) => new Date(Date.parse(d) + n * 86400000).toISOString().slice(0, 10);
    const leftOn = r.stay === null ? null : plus(r.enteredOn, r.stay);
    return participant(
      r.sex,
      entry({
        enteredOn: r.enteredOn,
        labourStatus: r.labourStatus,
        ageAtEntry: r.ageAtEntry,
        educationLevel: r.educationLevel,
        disability: r.answers[0]!,
        thirdCountryNational: r.answers[1]!,
        foreignBackground: r.answers[2]!,
        minority: r.answers[3]!,
        homelessOrHousingExclusion: r.flags[0]!,
        ruralArea: r.flags[1]!,
      }),
      leftOn === null
        ? null
        : exit(leftOn, {
            seekingWork: r.flags[2]!,
            inEducationOrTraining: r.flags[3]!,
            gainedQualification: r.flags[4]!,
            inEmployment: r.flags[5]!,
          }),
      leftOn === null || r.followUp === null
        ? null
        : six(plus(leftOn, r.followUp), { inEmployment: r.flags[6]!, improvedSituation: r.flags[7]! }),
    );
  });
const anyPeriod = fc
  .tuple(date(0, 800), fc.integer({ min: 0, max: 400 }))
  .map(([from, days]) => ({ from, to: new Date(Date.parse(from) + days * 86400000).toISOString().slice(0, 10) }));
const ANY_TODAY = '2026-09-15';

const sumByColumn = (counts: FseCounts, keys: string[]) =>
  Object.fromEntries(FSE_COLUMNS.map((c) => [c, keys.reduce((s, k) => s + counts[k]![c], 0)]));

describe('FSE+ indicators: properties', () => {
  it('women + men = total on every line; statuses and ISCED groups add up to the participants', () => {
    fc.assert(
      fc.property(fc.array(anyParticipant, { maxLength: 40 }), anyPeriod, (people, period) => {
        const counts = countFseIndicators(people, period, ANY_TODAY);
        for (const line of FSE_INDICATORS) {
          expect(counts[line.key]!.F + counts[line.key]!.M).toBe(counts[line.key]!.total);
        }
        expect(counts.total!.total).toBe(people.filter((p) => countsInOutputs(p, period, ANY_TODAY)).length);
        expect(sumByColumn(counts, ['chomeurs', 'inactifs', 'emploi'])).toEqual(counts.total);
        expect(sumByColumn(counts, ['isced_0_2', 'isced_3_4', 'isced_5_8'])).toEqual(counts.total);
      }),
    );
  });

  it('a refusal is never a « oui »: turning refusals into « non » leaves every « oui » line as it was', () => {
    fc.assert(
      fc.property(fc.array(anyParticipant, { maxLength: 30 }), anyPeriod, (people, period) => {
        const noRefusal = people.map((p) => ({
          ...p,
          entry: Object.fromEntries(
            Object.entries(p.entry).map(([k, v]) => [k, v === 'refus' ? 'non' : v]),
          ) as unknown as FseEntry,
        }));
        const a = countFseIndicators(people, period, ANY_TODAY);
        const b = countFseIndicators(noRefusal, period, ANY_TODAY);
        for (const key of ['handicap', 'pays_tiers', 'origine_etrangere', 'minorites', 'total'])
          expect(b[key]).toEqual(a[key]);
        for (const key of ['handicap_refus', 'pays_tiers_refus', 'origine_etrangere_refus', 'minorites_refus'])
          expect(b[key]!.total).toBe(0);
      }),
    );
  });

  it('nothing dated after today or after the period counts: moving such dates further changes no figure', () => {
    fc.assert(
      fc.property(fc.array(anyParticipant, { maxLength: 30 }), anyPeriod, (people, period) => {
        const until = period.to < ANY_TODAY ? period.to : ANY_TODAY;
        const later = (d: string) => (d > until ? '2099-01-01' : d);
        const moved = people.map((p) => ({
          ...p,
          exit: p.exit && { ...p.exit, leftOn: later(p.exit.leftOn) },
          sixMonths: p.sixMonths && { ...p.sixMonths, observedOn: later(p.sixMonths.observedOn) },
        }));
        expect(countFseIndicators(moved, period, ANY_TODAY)).toEqual(countFseIndicators(people, period, ANY_TODAY));
      }),
    );
  });

  it('no hidden cell of the published table can be found again from what it shows', () => {
    fc.assert(
      fc.property(fc.array(anyParticipant, { maxLength: 30 }), anyPeriod, (people, period) => {
        const counts = countFseIndicators(people, period, ANY_TODAY);
        const table = publishFseTable(counts);
        const states: States = new Map();
        for (const line of table)
          for (const column of FSE_COLUMNS) {
            const cell = line.cells[column];
            const value = counts[line.key]![column];
            if (value > 0 && value < 5) expect(cell.count).toBeNull();
            states.set(cellId(line.key, column), cell.count === null ? 'complementary' : 'shown');
          }
        expect(exposedCells(fseSecrecyReport(counts), states)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
