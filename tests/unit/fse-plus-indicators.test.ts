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
  type FseExit,
  type FseParticipant,
  type FseSixMonths,
} from '../../src-main/domain/fse-plus-participant';
import { exposedCells, type States } from '../../src-main/domain/secrecy';
import { EDUCATION_LEVELS } from '../../src-main/shared/contract/people-lists';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const TODAY = '2026-09-15';

const entry = (e: Partial<FseEntry> & Pick<FseEntry, 'enteredOn'>): FseEntry => ({
  labourStatus: 'chomeur',
  ageAtEntry: 40,
  educationLevel: '3',
  disability: 'non',
  thirdCountryNational: 'non',
  foreignBackground: 'non',
  minority: 'non',
  homelessOrHousingExclusion: false,
  ruralArea: false,
  ...e,
});
const exit = (leftOn: string, e: Partial<FseExit> = {}): FseExit => ({
  leftOn,
  seekingWork: false,
  inEducationOrTraining: false,
  gainedQualification: false,
  inEmployment: false,
  ...e,
});
const six = (observedOn: string, s: Partial<FseSixMonths> = {}): FseSixMonths => ({
  observedOn,
  inEmployment: false,
  improvedSituation: false,
  ...s,
});
let nextId = 1;
const participant = (
  sex: 'F' | 'M',
  e: FseEntry,
  x: FseExit | null = null,
  s: FseSixMonths | null = null,
): FseParticipant => ({ personId: nextId++, sex, entry: e, exit: x, sixMonths: s });

/**
 * Twelve participants, period 1 January – 30 June 2026, counted on 15
 * September 2026. Each comment says what the participant adds to the table.
 */
const TWELVE: FseParticipant[] = [
  // 1: enters on the period's first day; aged 17; left 31/03 searching for work.
  participant(
    'F',
    entry({
      enteredOn: '2026-01-01',
      labourStatus: 'chomeur_longue_duree',
      ageAtEntry: 17,
      educationLevel: 'infra3',
      disability: 'oui',
      foreignBackground: 'refus',
      homelessOrHousingExclusion: true,
    }),
    exit('2026-03-31', { seekingWork: true }),
  ),
  // 2: enters on the period's last day; aged 18; still in.
  participant(
    'M',
    entry({
      enteredOn: '2026-06-30',
      labourStatus: 'chomeur',
      ageAtEntry: 18,
      educationLevel: '3',
      thirdCountryNational: 'oui',
      foreignBackground: 'oui',
      minority: 'refus',
      ruralArea: true,
    }),
  ),
  // 3: entered the day before the period (no output); left on its first day in employment (not also searching).
  participant(
    'F',
    entry({ enteredOn: '2025-12-31', labourStatus: 'emploi', ageAtEntry: 40, educationLevel: '5' }),
    exit('2026-01-01', { inEmployment: true, seekingWork: true, gainedQualification: true }),
    six('2026-07-01', { inEmployment: true }),
  ),
  // 4: enters the day after the period: counts nowhere.
  participant('M', entry({ enteredOn: '2026-07-01', labourStatus: 'inactif', ageAtEntry: 25 })),
  // 5: aged 29; inactive not in education; refuses two items; left on the period's last day, in training.
  participant(
    'F',
    entry({
      enteredOn: '2026-02-10',
      labourStatus: 'inactif_hors_formation',
      ageAtEntry: 29,
      educationLevel: '4',
      disability: 'refus',
      thirdCountryNational: 'refus',
      ruralArea: true,
    }),
    exit('2026-06-30', { inEducationOrTraining: true }),
  ),
  // 6: aged 30; leaves the day after the period (no result).
  participant(
    'M',
    entry({
      enteredOn: '2026-02-15',
      labourStatus: 'chomeur_longue_duree',
      ageAtEntry: 30,
      educationLevel: 'infra3',
      disability: 'oui',
      homelessOrHousingExclusion: true,
    }),
    exit('2026-07-01', { inEmployment: true }),
  ),
  // 7: aged 54; minority.
  participant(
    'F',
    entry({ enteredOn: '2026-03-01', labourStatus: 'chomeur', ageAtEntry: 54, educationLevel: '6', minority: 'oui' }),
  ),
  // 8: aged 55.
  participant(
    'M',
    entry({
      enteredOn: '2026-03-02',
      labourStatus: 'inactif',
      ageAtEntry: 55,
      educationLevel: 'infra3',
      disability: 'oui',
      foreignBackground: 'oui',
    }),
  ),
  // 9: entered and left in 2025 (left the day before the period); observed six months later on the period's last day.
  participant(
    'F',
    entry({ enteredOn: '2025-06-01', ageAtEntry: 45, educationLevel: '3' }),
    exit('2025-12-31', { inEmployment: true }),
    six('2026-06-30', { inEmployment: true, improvedSituation: true }),
  ),
  // 10: observed on 15/01 after leaving in July 2025, improved without a job.
  participant(
    'M',
    entry({ enteredOn: '2025-03-01', ageAtEntry: 35, educationLevel: '4' }),
    exit('2025-07-15', { seekingWork: true }),
    six('2026-01-15', { improvedSituation: true }),
  ),
  // 11: aged 60, employed, doctorate; left in employment with a qualification; follow-up dated after today.
  participant(
    'F',
    entry({ enteredOn: '2026-04-01', labourStatus: 'emploi', ageAtEntry: 60, educationLevel: '8' }),
    exit('2026-05-31', { inEmployment: true, gainedQualification: true }),
    six('2026-11-30', { inEmployment: true, improvedSituation: true }),
  ),
  // 12: aged 19, third-country national; left on 15/06 searching for work.
  participant(
    'M',
    entry({
      enteredOn: '2026-05-05',
      labourStatus: 'chomeur',
      ageAtEntry: 19,
      educationLevel: 'infra3',
      thirdCountryNational: 'oui',
    }),
    exit('2026-06-15', { seekingWork: true }),
  ),
];

/** Every figure, counted by hand from the comments above: [women, men, total]. */
const HAND_COUNTED: Record<string, [number, number, number]> = {
  // Entered 01/01–30/06: 1, 5, 7, 11 (F); 2, 6, 8, 12 (M). Not 3 (31/12), not 4 (01/07).
  total: [4, 4, 8],
  chomeurs: [2, 3, 5], // 1, 7 | 2, 6, 12
  chomeurs_ld: [1, 1, 2], // 1 | 6
  inactifs: [1, 1, 2], // 5 | 8
  inactifs_hors_formation: [1, 0, 1], // 5
  emploi: [1, 0, 1], // 11
  moins_18: [1, 0, 1], // 1 (17)
  '18_29': [1, 2, 3], // 5 (29) | 2 (18), 12 (19); not 6 (30)
  '55_plus': [1, 1, 2], // 11 (60) | 8 (55); not 7 (54)
  isced_0_2: [1, 3, 4], // 1 | 6, 8, 12
  isced_3_4: [1, 1, 2], // 5 (bac) | 2 (CAP)
  isced_5_8: [2, 0, 2], // 7, 11
  handicap: [1, 2, 3], // 1 | 6, 8
  handicap_refus: [1, 0, 1], // 5
  pays_tiers: [0, 2, 2], // 2, 12
  pays_tiers_refus: [1, 0, 1], // 5
  origine_etrangere: [0, 2, 2], // 2, 8
  origine_etrangere_refus: [1, 0, 1], // 1
  minorites: [1, 0, 1], // 7
  minorites_refus: [0, 1, 1], // 2
  sans_abri: [1, 1, 2], // 1 | 6
  rural: [1, 1, 2], // 5 | 2
  // Left 01/01–30/06: 1, 3, 5, 11 (F); 12 (M). Not 6 (01/07), not 9 (31/12/2025).
  sortis: [4, 1, 5],
  recherche_emploi: [1, 1, 2], // 1 | 12; not 3 (in employment)
  formation: [1, 0, 1], // 5
  qualification: [2, 0, 2], // 3, 11
  emploi_sortie: [2, 0, 2], // 3, 11
  // Observed 01/01–30/06: 9 (30/06) | 10 (15/01). Not 3 (01/07), not 11 (30/11, after today).
  observes_6_mois: [1, 1, 2],
  emploi_6_mois: [1, 0, 1], // 9
  situation_amelioree: [1, 1, 2], // 9 | 10
};

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
