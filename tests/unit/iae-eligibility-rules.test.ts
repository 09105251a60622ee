import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IAE_CRITERIA,
  IAE_CRITERION_CODES,
  LEVEL_2_REQUIRED,
  PASS_WARNING_DAYS,
  PROLONGATION_REASONS,
  SIAE_KINDS,
  exclusionProblem,
  expiresWithin,
  formatPassNumber,
  iaeEligibility,
  normalizePassNumber,
  notCountedBecause,
  passDefaultEnd,
  passEnd,
  proofLastDay,
  prolongationMaxEnd,
  prolongationProblem,
  type CheckedCriterion,
  type IaeCriterionCode,
  type Prolongation,
  type SiaeKind,
} from '../../src-main/domain/iae-eligibility';
import { addDays, daysBetween } from '../../src-main/shared/dates';

/** A criterion with its first accepted proof, dated `proofDate`. */
function checked(code: IaeCriterionCode, proofDate = '2026-05-01', validUntil: string | null = null): CheckedCriterion {
  const proof = IAE_CRITERIA.find((c) => c.code === code)!.proofs[0]!;
  return { code, proofType: proof.code, proofDate, validUntil: proof.validity.kind === 'until' ? validUntil : null };
}

describe('the platform’s list (les-emplois, itou/eligibility/data/administrative_criteria.json)', () => {
  it('has its 18 IAE criteria: 4 of level 1 (RSA, ASS, AAH, DETLD) and 14 of level 2', () => {
    expect(IAE_CRITERIA).toHaveLength(18);
    expect(IAE_CRITERIA.filter((c) => c.level === 1).map((c) => c.code)).toEqual(['RSA', 'ASS', 'AAH', 'DETLD']);
    expect(new Set(IAE_CRITERIA.map((c) => c.code))).toEqual(new Set(IAE_CRITERION_CODES));
  });
  it('needs 3 level-2 criteria in an ACI, EI, EITI and 2 in an AI, ETTI (ADMINISTRATIVE_CRITERIA_LEVEL_2_REQUIRED_FOR_SIAE_KIND)', () => {
    expect(LEVEL_2_REQUIRED).toEqual({ ACI: 3, EI: 3, EITI: 3, AI: 2, ETTI: 2 });
  });
  it('marks RSA, AAH, parent isolé and TH as certifiable, the others not', () => {
    expect(IAE_CRITERIA.filter((c) => c.certifiable).map((c) => c.code)).toEqual(['RSA', 'AAH', 'TH', 'PI']);
  });
});

describe('a proof counts while it is valid, each boundary from both sides', () => {
  const cases: [what: string, c: CheckedCriterion, lastDay: string | null][] = [
    [
      'RSA attestation « de moins de 3 mois »: the day before the same date 3 months later',
      checked('RSA', '2026-01-15'),
      '2026-04-14',
    ],
    ['from 30 November, 3 months: 29 February in a leap year', checked('ASS', '2027-11-30'), '2028-02-29'],
    ['from 31 January, no 31 April: the last day of April', checked('AAH', '2026-01-31'), '2026-04-30'],
    ['ASE attestation, 12 months', checked('ASE', '2026-02-28'), '2027-02-27'],
    ['QPV proof of address, 6 months', checked('QPV', '2026-01-15'), '2026-07-14'],
    ['TH decision: valid up to the date written on it', checked('TH', '2025-01-10', '2026-12-31'), '2026-12-31'],
    ['refugee’s residence permit: its end date', checked('REF_DA', '2024-03-01', '2027-02-28'), '2027-02-28'],
    ['identity document for an age: it does not expire', checked('SENIOR', '2010-01-01'), null],
  ];
  it.each(cases)('%s', (_what, c, lastDay) => {
    expect(proofLastDay(c)).toBe(lastDay);
    if (lastDay === null) {
      expect(notCountedBecause(c, '2060-01-01', null)).toBeNull();
      return;
    }
    expect(notCountedBecause(c, lastDay, null)).toBeNull();
    expect(notCountedBecause(c, addDays(lastDay, 1), null)).toBe(
      `justificatif expiré le ${addDays(lastDay, 1).split('-').reverse().join('/')}`,
    );
  });

  it('a proof dated after the reference day does not count yet, and counts on its own day', () => {
    const c = checked('RSA', '2026-05-10');
    expect(notCountedBecause(c, '2026-05-09', null)).toBe('justificatif daté du 10/05/2026, après le 09/05/2026');
    expect(notCountedBecause(c, '2026-05-10', null)).toBeNull();
  });

  it('a diploma lasts, a sworn statement of the same criterion lasts 3 months', () => {
    expect(
      proofLastDay({ code: 'CAP_BEP', proofType: 'diplome', proofDate: '2001-06-30', validUntil: null }),
    ).toBeNull();
    expect(
      proofLastDay({ code: 'CAP_BEP', proofType: 'attestation_honneur', proofDate: '2026-03-01', validUntil: null }),
    ).toBe('2026-05-31');
  });

  it('a proof of another criterion never counts', () => {
    expect(
      notCountedBecause(
        { code: 'RSA', proofType: 'attestation_caf', proofDate: '2026-05-01', validUntil: null },
        '2026-05-02',
        null,
      ),
    ).toBe('ce justificatif n’est pas accepté pour ce critère');
  });
});

describe('the age criteria hold on the reference day (senior 50 and over, young under 26)', () => {
  it.each([
    ['SENIOR', '1976-05-10', '2026-05-09', '49 ans le 09/05/2026, moins de 50 ans'],
    ['SENIOR', '1976-05-10', '2026-05-10', null],
    ['JEUNE', '2000-05-10', '2026-05-09', null],
    ['JEUNE', '2000-05-10', '2026-05-10', '26 ans le 10/05/2026, 26 ans ou plus'],
  ] as const)('%s born %s, on %s', (code, birthDate, on, why) => {
    expect(notCountedBecause(checked(code, '2020-01-01'), on, birthDate)).toBe(why);
  });
});

describe('eligibility: one level-1 criterion, or the level-2 count of the structure’s kind', () => {
  const on = '2026-05-20';
  const cases: [kind: SiaeKind, codes: IaeCriterionCode[], eligible: boolean, reason: string][] = [
    ['ACI', ['RSA'], true, 'Éligible : 1 critère de niveau 1 (RSA)'],
    ['ACI', ['RSA', 'DETLD', 'QPV'], true, 'Éligible : 2 critères de niveau 1 (RSA, DETLD)'],
    [
      'ACI',
      ['QPV', 'TH'],
      false,
      'Non éligible : il manque un critère de niveau 1, ou 1 critère de niveau 2 en plus de QPV, TH (3 sont nécessaires en ACI)',
    ],
    ['ACI', ['QPV', 'TH', 'PI'], true, 'Éligible : 3 critères de niveau 2 (QPV, TH, parent isolé)'],
    [
      'EI',
      ['QPV', 'TH'],
      false,
      'Non éligible : il manque un critère de niveau 1, ou 1 critère de niveau 2 en plus de QPV, TH (3 sont nécessaires en EI)',
    ],
    ['EITI', ['QPV', 'TH', 'PM'], true, 'Éligible : 3 critères de niveau 2 (QPV, TH, mobilité)'],
    [
      'AI',
      ['QPV'],
      false,
      'Non éligible : il manque un critère de niveau 1, ou 1 critère de niveau 2 en plus de QPV (2 sont nécessaires en AI)',
    ],
    ['AI', ['QPV', 'TH'], true, 'Éligible : 2 critères de niveau 2 (QPV, TH)'],
    ['ETTI', ['QPV', 'FLE'], true, 'Éligible : 2 critères de niveau 2 (QPV, français inférieur à A1)'],
    [
      'ACI',
      [],
      false,
      'Non éligible : il manque un critère de niveau 1, ou 3 critères de niveau 2 (3 sont nécessaires en ACI)',
    ],
  ];
  it.each(cases)('%s with %j', (kind, codes, eligible, reason) => {
    const result = iaeEligibility(
      codes.map((c) => checked(c, '2026-05-01', '2027-01-01')),
      on,
      kind,
      null,
    );
    expect(result.eligible).toBe(eligible);
    expect(result.reason).toBe(reason);
  });

  it('an expired RSA attestation no longer counts: the level-2 criteria must then suffice', () => {
    const criteria = [checked('RSA', '2026-02-20'), checked('QPV', '2026-05-01'), checked('PI', '2026-05-01')];
    // 2026-02-20 + 3 months: counts through 19/05/2026.
    expect(iaeEligibility(criteria, '2026-05-19', 'ACI', null).eligible).toBe(true);
    const after = iaeEligibility(criteria, '2026-05-20', 'ACI', null);
    expect(after.eligible).toBe(false);
    expect(after.notCounted).toEqual([{ code: 'RSA', why: 'justificatif expiré le 20/05/2026' }]);
  });
});

describe('the platform’s exclusions', () => {
  it.each([
    [['SENIOR', 'JEUNE'], 'Une personne ne peut pas être à la fois « senior » et « jeune ».'],
    [['DETLD', 'DELD'], expect.stringContaining('DETLD')],
    [['DETLD', 'SENIOR', 'QPV'], null],
    [['DELD', 'JEUNE'], null],
  ] as const)('%j', (codes, problem) => {
    expect(exclusionProblem(codes)).toEqual(problem);
  });
});

describe('the PASS IAE number, dates and prolongations (itou/approvals/models.py, R5132-1-8)', () => {
  it.each([
    ['99999 26 12345', '999992612345'],
    ['999992612345', '999992612345'],
    ['99999.26.12345', '999992612345'],
    ['75631 14 1000a', '75631141000A'],
    ['99999 26 1234', null],
    ['99999 26 123456', null],
    ['99999-26-12345', null],
    ['', null],
  ])('%j is read as %j', (raw, stored) => {
    expect(normalizePassNumber(raw)).toBe(stored);
  });
  it('is shown 5-2-5', () => expect(formatPassNumber('999992612345')).toBe('99999 26 12345'));

  it('lasts 730 days, both ends counted', () => {
    expect(passDefaultEnd('2026-05-04')).toBe('2028-05-02');
    expect(daysBetween('2026-05-04', passDefaultEnd('2026-05-04')) + 1).toBe(730);
  });

  const p = (reason: Prolongation['reason'], startDate: string, days: number): Prolongation => ({
    reason,
    startDate,
    endDate: addDays(startDate, days),
  });
  const end = '2028-05-02';
  const cases: [what: string, reason: Prolongation['reason'], existing: Prolongation[], lastAllowed: string | null][] =
    [
      ['RQTH: 12 months (365 days) at most', 'RQTH', [], '2029-05-02'],
      [
        'training to finish: 365 days each, however many before',
        'COMPLETE_TRAINING',
        [p('COMPLETE_TRAINING', '2026-05-02', 1000)],
        '2029-05-02',
      ],
      [
        'RQTH after 1 000 days of prolongation: 95 days left of 3 years',
        'RQTH',
        [p('RQTH', '2025-08-07', 1000)],
        '2028-08-05',
      ],
      ['senior after 3 years: a full year again, within 5', 'SENIOR', [p('SENIOR', '2025-05-03', 1095)], '2029-05-02'],
      ['CDI at 57: the platform’s 10 years', 'SENIOR_CDI', [], addDays(end, 3650)],
      [
        'particular difficulties after 3 years: none left',
        'PARTICULAR_DIFFICULTIES',
        [p('RQTH', '2025-05-03', 1095)],
        null,
      ],
    ];
  it.each(cases)('%s', (_what, reason, existing, lastAllowed) => {
    if (lastAllowed === null) {
      expect(prolongationProblem(end, existing, reason, addDays(end, 1), 'ACI')).toMatch(
        /atteignent déjà le maximum légal/,
      );
      return;
    }
    expect(prolongationProblem(end, existing, reason, lastAllowed, 'ACI')).toBeNull();
    expect(prolongationProblem(end, existing, reason, addDays(lastAllowed, 1), 'ACI')).toContain(
      `date de fin au plus tard le ${lastAllowed.split('-').reverse().join('/')}`,
    );
  });

  it('a new end must follow the current end', () => {
    expect(prolongationProblem(end, [], 'RQTH', end, 'ACI')).toBe(
      'La nouvelle date de fin doit suivre la fin actuelle du PASS IAE, le 02/05/2028.',
    );
    expect(prolongationProblem(end, [], 'RQTH', addDays(end, 1), 'ACI')).toBeNull();
  });

  it('particular difficulties: ACI and AI only', () => {
    expect(prolongationProblem(end, [], 'PARTICULAR_DIFFICULTIES', addDays(end, 30), 'AI')).toBeNull();
    expect(prolongationProblem(end, [], 'PARTICULAR_DIFFICULTIES', addDays(end, 30), 'EI')).toMatch(
      /réservé aux ACI et aux AI/,
    );
  });

  it('the current end is the latest prolongation’s', () => {
    expect(passEnd(end, [])).toBe(end);
    expect(passEnd(end, [p('RQTH', end, 100), p('RQTH', addDays(end, 100), 50)])).toBe(addDays(end, 150));
  });

  it(`warns ${PASS_WARNING_DAYS} days before the end, not once it is over`, () => {
    const today = '2026-06-01';
    expect(expiresWithin(addDays(today, PASS_WARNING_DAYS), today, PASS_WARNING_DAYS)).toBe(true);
    expect(expiresWithin(addDays(today, PASS_WARNING_DAYS + 1), today, PASS_WARNING_DAYS)).toBe(false);
    expect(expiresWithin(today, today, PASS_WARNING_DAYS)).toBe(true);
    expect(expiresWithin(addDays(today, -1), today, PASS_WARNING_DAYS)).toBe(false);
  });
});

describe('properties', () => {
  const code = fc.constantFrom(...IAE_CRITERION_CODES);
  const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2022-01-01', n));
  const criterion = fc
    .record({ code, proofDate: day, until: fc.integer({ min: 0, max: 1000 }) })
    .map(({ code, proofDate, until }) => checked(code, proofDate, addDays(proofDate, until)));

  it('adding a criterion with a valid proof never makes a person ineligible', () => {
    fc.assert(
      fc.property(
        fc.array(criterion, { maxLength: 8 }),
        code,
        day,
        fc.constantFrom(...SIAE_KINDS),
        (list, extra, on, kind) => {
          const before = iaeEligibility(list, on, kind, null);
          const after = iaeEligibility([...list, checked(extra, on, addDays(on, 30))], on, kind, null);
          return !before.eligible || after.eligible;
        },
      ),
    );
  });

  it('a proof valid on a day was valid every day since its date', () => {
    fc.assert(
      fc.property(criterion, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (c, a, b) => {
        const early = addDays(c.proofDate, Math.min(a, b));
        const late = addDays(c.proofDate, Math.max(a, b));
        return notCountedBecause(c, late, null) !== null || notCountedBecause(c, early, null) === null;
      }),
    );
  });

  it('the more prolongation already used, the earlier the latest end', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROLONGATION_REASONS), fc.nat(2000), fc.nat(2000), (reason, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        return prolongationMaxEnd('2028-05-02', reason, more) <= prolongationMaxEnd('2028-05-02', reason, less);
      }),
    );
  });
});
