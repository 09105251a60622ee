import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageAtEntry,
  entrySuggestions,
  exitDateProblem,
  fseAgeBand,
  FSE_AGE_BANDS,
  iscedGroup,
  isLongTermUnemployed,
  sixMonthsDateProblem,
  sixMonthsDueOn,
  sixMonthsFollowUpState,
  type RecordForSuggestions,
} from '../../src-main/domain/fse-plus-entry';
import { EDUCATION_LEVELS } from '../../src-main/shared/contract/people-lists';
import { addDays, isoFromParts } from '../../src-main/shared/dates';

const day = fc
  .record({
    y: fc.integer({ min: 2000, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => isoFromParts(y, m, d));
const anyDay = fc
  .record({
    y: fc.integer({ min: 2000, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate())
  .map(({ y, m, d }) => isoFromParts(y, m, d));

describe('the national level gives the ISCED group of Annex I (décret 2019-14 → CITE 2011)', () => {
  it.each([
    ['infra3', '0-2', 'no diploma or the brevet: lower secondary at most'],
    ['3', '3-4', 'CAP, BEP: upper secondary'],
    ['4', '3-4', 'baccalauréat: upper secondary'],
    ['5', '5-8', 'bac + 2: short-cycle tertiary'],
    ['6', '5-8', 'licence'],
    ['7', '5-8', 'master'],
    ['8', '5-8', 'doctorat'],
  ] as const)('level %s → ISCED %s (%s)', (level, group, _why) => {
    expect(iscedGroup(level)).toBe(group);
  });

  it('never lowers the group when the level rises (property)', () => {
    const order = ['0-2', '3-4', '5-8'];
    for (let i = 1; i < EDUCATION_LEVELS.length; i++) {
      expect(order.indexOf(iscedGroup(EDUCATION_LEVELS[i]!))).toBeGreaterThanOrEqual(
        order.indexOf(iscedGroup(EDUCATION_LEVELS[i - 1]!)),
      );
    }
  });
});

describe('age at entry and the bands of Annex I (below 18, 18-29, 55 and above)', () => {
  it.each([
    [17, 'moins_18'],
    [18, '18_29'],
    [29, '18_29'],
    [30, '30_54'],
    [54, '30_54'],
    [55, '55_plus'],
  ] as const)('%i years → %s', (age, band) => {
    expect(fseAgeBand(age)).toBe(band);
  });

  it.each([
    ['2008-05-04', '2026-05-03', 17, 'the day before the 18th birthday'],
    ['2008-05-04', '2026-05-04', 18, 'on the 18th birthday'],
    ['1971-09-01', '2026-08-31', 54, 'the day before turning 55'],
    ['1971-09-01', '2026-09-01', 55, 'turning 55 on the day of entry'],
    ['2008-02-29', '2026-02-28', 17, 'born 29 February: not yet 18 on 28 February'],
    ['2008-02-29', '2026-03-01', 18, 'born 29 February: 18 on 1 March'],
  ])('born %s, entered %s → %i (%s)', (born, entered, age) => {
    expect(ageAtEntry(born, entered)).toBe(age);
  });

  it('puts every age in exactly one band, and an older participant never in a younger band (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 110 }), fc.integer({ min: 0, max: 110 }), (a, b) => {
        const [young, old] = a <= b ? [a, b] : [b, a];
        expect(FSE_AGE_BANDS.indexOf(fseAgeBand(young))).toBeLessThanOrEqual(FSE_AGE_BANDS.indexOf(fseAgeBand(old)));
      }),
    );
  });
});

describe('long-term unemployed: more than 6 months under 25, more than 12 months from 25 (ESF guidance, Annex D)', () => {
  it.each([
    ['2025-11-04', '2026-05-04', 24, false, 'under 25, exactly 6 months: not more than 6'],
    ['2025-11-04', '2026-05-05', 24, true, 'under 25, 6 months and a day'],
    ['2025-11-04', '2026-05-05', 25, false, 'from 25, 6 months and a day is not enough'],
    ['2025-05-04', '2026-05-04', 30, false, 'from 25, exactly 12 months'],
    ['2025-05-04', '2026-05-05', 30, true, 'from 25, 12 months and a day'],
    ['2025-08-31', '2026-02-28', 20, false, '31 August + 6 months is 28 February: that day is not more'],
    ['2025-08-31', '2026-03-01', 20, true, 'the day after'],
  ])('registered %s, entered %s at %i → %s (%s)', (since, entered, age, expected) => {
    expect(isLongTermUnemployed(since, entered, age)).toBe(expected);
  });

  it('stays long-term once it is, as the entry moves later (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 16, max: 70 }),
        (since, a, more, age) => {
          const entered = addDays(since, a);
          if (isLongTermUnemployed(since, entered, age))
            expect(isLongTermUnemployed(since, addDays(entered, more), age)).toBe(true);
        },
      ),
    );
  });
});

describe('what the record lets the card suggest', () => {
  const base: RecordForSuggestions = {
    birthDate: '1990-03-10',
    nationalityGroup: 'france',
    situation: { resources: 'rsa', franceTravailSince: '2024-01-15', educationLevel: '3', rqth: 'non' },
  };

  it('suggests the age, the level and its ISCED group, long-term unemployment from France Travail', () => {
    const s = entrySuggestions(base, '2026-05-04');
    expect(s).toMatchObject({
      ageAtEntry: 36,
      ageBand: '30_54',
      educationLevel: '3',
      iscedGroup: '3-4',
      labourStatus: 'chomeur_longue_duree',
      disability: null,
      thirdCountryNational: 'non',
    });
    expect(s.labourStatusReason).toBe('Inscription à France Travail depuis 27 mois (longue durée au-delà de 12 mois).');
  });

  it('suggests employed from a wage, a refusal never, and nothing it cannot know', () => {
    const s = entrySuggestions(
      {
        birthDate: '2004-06-01',
        nationalityGroup: 'hors_ue',
        situation: { resources: 'salaire', franceTravailSince: null, educationLevel: 'infra3', rqth: 'oui' },
      },
      '2026-05-04',
    );
    expect(s).toMatchObject({
      labourStatus: 'emploi',
      disability: 'oui',
      thirdCountryNational: 'oui',
      iscedGroup: '0-2',
      ageBand: '18_29',
    });
    const none = entrySuggestions({ birthDate: '2004-06-01', nationalityGroup: null, situation: null }, '2026-05-04');
    expect(none).toMatchObject({
      labourStatus: null,
      educationLevel: null,
      iscedGroup: null,
      disability: null,
      thirdCountryNational: null,
    });
  });

  it('does not call RSA without France Travail registration unemployed (it may be inactivity: asked)', () => {
    const s = entrySuggestions({ ...base, situation: { ...base.situation!, franceTravailSince: null } }, '2026-05-04');
    expect(s.labourStatus).toBeNull();
  });

  it('ignores a registration dated after the entry', () => {
    const s = entrySuggestions(
      { ...base, situation: { ...base.situation!, franceTravailSince: '2026-06-01' } },
      '2026-05-04',
    );
    expect(s.labourStatus).toBeNull();
  });
});

describe('the six-month follow-up: exit + 6 calendar months, the month’s last day when it has no such day', () => {
  it.each([
    ['2026-01-15', '2026-07-15', 'the same day six months later'],
    ['2026-08-31', '2027-02-28', '31 August: no 31 February, the last day of February'],
    ['2027-08-31', '2028-02-29', 'leap year: 29 February'],
    ['2026-03-31', '2026-09-30', 'no 31 September'],
    ['2026-07-31', '2027-01-31', 'across the year, January has a 31st'],
  ])('left %s → due %s (%s)', (leftOn, due) => {
    expect(sixMonthsDueOn(leftOn)).toBe(due);
    expect(sixMonthsDateProblem(leftOn, due)).toBeNull();
    expect(sixMonthsDateProblem(leftOn, addDays(due, -1))).toMatch(
      /six mois après la sortie : à partir du \d\d\/\d\d\/\d{4}\./,
    );
  });

  it('names the first day allowed in the refusal', () => {
    expect(sixMonthsDateProblem('2026-08-31', '2027-02-27')).toBe(
      'La situation à 6 mois s’observe six mois après la sortie : à partir du 28/02/2027.',
    );
  });

  it.each([
    ['2026-09-30', 'pas_encore', 'fifteen days before the due day'],
    ['2026-10-01', 'bientot', 'fourteen days before: in the reminder window'],
    ['2026-10-14', 'bientot', 'the day before'],
    ['2026-10-15', 'a_faire', 'on the due day'],
    ['2027-03-01', 'a_faire', 'long after: still to do until answered'],
  ] as const)('left 15/04/2026, on %s the follow-up is %s (%s)', (today, state, _why) => {
    expect(sixMonthsFollowUpState('2026-04-15', today)).toBe(state);
  });

  it('is due after the exit, between 178 and 184 days later, in the reminder list the day before (property)', () => {
    fc.assert(
      fc.property(anyDay, (leftOn) => {
        const due = sixMonthsDueOn(leftOn);
        expect(due > leftOn).toBe(true);
        const days = (Date.parse(due) - Date.parse(leftOn)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(178);
        expect(days).toBeLessThanOrEqual(184);
        expect(sixMonthsFollowUpState(leftOn, due)).toBe('a_faire');
        expect(sixMonthsFollowUpState(leftOn, addDays(due, -1))).toBe('bientot');
      }),
    );
  });
});

describe('the exit cannot come before the entry', () => {
  it.each([
    ['2026-05-04', '2026-05-03', false],
    ['2026-05-04', '2026-05-04', true],
    ['2026-05-04', '2026-05-05', true],
  ])('entered %s, left %s → allowed %s', (entered, left, allowed) => {
    const problem = exitDateProblem(entered, left);
    if (allowed) expect(problem).toBeNull();
    else expect(problem).toBe('La date de sortie ne peut pas précéder la date d’entrée dans l’opération.');
  });
});
