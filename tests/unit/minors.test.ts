import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { computeHours, type HalfDayRecord } from '../../src-main/domain/attendance';
import { ADULT_LIMITS, MINOR_LIMITS, ageOn, checkAgeForContract, limitsFor } from '../../src-main/domain/minors';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { addDays } from '../../src-main/shared/dates';
import { person, situation } from './support/people';
import { keep, pdfText } from './support/pdf';
import { configured, valueOf } from './support/services';
import { mesp, mespContract } from './support/worksites';

const H = 60;

describe('age on a date', () => {
  it.each([
    ['2010-05-04', '2026-05-03', 15, 'the day before the 16th birthday'],
    ['2010-05-04', '2026-05-04', 16, 'on the birthday'],
    ['2008-05-05', '2026-05-04', 17, 'the day before turning 18'],
    ['2008-05-04', '2026-05-04', 18, 'turning 18 on the first day'],
    ['2012-02-29', '2028-02-28', 15, 'born on 29 February, the day before'],
    ['2012-02-29', '2028-02-29', 16, 'born on 29 February, in a leap year'],
    ['2012-02-29', '2030-02-28', 17, 'born on 29 February: not yet 18 on 28 February 2030'],
    ['2012-02-29', '2030-03-01', 18, 'born on 29 February: 18 on 1 March 2030'],
  ])('born %s, on %s: %i (%s)', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });
});

describe('who may be given a contract (L4153-1), with what limits', () => {
  it.each([
    ['2010-05-05', 'refusal', 'one day short of 16 on the first day'],
    ['2010-05-04', 'warning', 'exactly 16 on the first day (still 15 today)'],
    ['2008-05-05', 'warning', 'one day short of 18'],
    ['2008-05-04', null, 'exactly 18'],
    ['1985-05-12', null, 'an adult'],
  ])('born %s, contract from 04/05/2026: %s (%s)', (birth, outcome, _label) => {
    const check = checkAgeForContract(birth, '2026-05-04');
    expect(check === null ? null : 'refusal' in check ? 'refusal' : 'warning').toBe(outcome);
  });

  it('refuses under 16, warns from 16 to 17, says nothing from 18, whatever the dates', () => {
    const dates = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1950-01-01', n));
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 30 * 366 }), (start, ageDays) => {
        const birth = addDays(start, -ageDays);
        const age = ageOn(birth, start);
        const check = checkAgeForContract(birth, start);
        if (age < 16) expect(check && 'refusal' in check && check.refusal.rule).toBe('L4153-1');
        else if (age < 18) expect(check && 'warning' in check).toBe(true);
        else expect(check).toBeNull();
        expect(limitsFor(birth, start)).toBe(age < 18 ? MINOR_LIMITS : ADULT_LIMITS);
      }),
    );
  });
});

describe("a minor's hours (L3162-1, L3163-2)", () => {
  const contract = { start: '2026-05-04', end: '2026-05-31', weeklyMinutes: 35 * H };
  const present = (date: string, start: number, end: number): HalfDayRecord => ({
    date,
    startMinutes: start,
    endMinutes: end,
    cancelled: null,
    mark: { mark: 'present', actualStart: null, actualEnd: null, paid: true },
  });
  const warningsOf = (halfDays: HalfDayRecord[], limits = MINOR_LIMITS) =>
    computeHours(
      { contract, halfDays, annexTimes: [], holidaysOnPattern: [], forceMajeurePaid: false, limits },
      '2026-06-30',
    ).warnings.map((w) => w.kind);

  it.each([
    ['8 h in a day', [present('2026-05-04', 8 * H, 12 * H), present('2026-05-04', 13 * H, 17 * H)], []],
    ['8 h 01 in a day', [present('2026-05-04', 8 * H, 12 * H), present('2026-05-04', 13 * H, 17 * H + 1)], ['day']],
    ['35 h in a week', [0, 1, 2, 3, 4].map((d) => present(addDays('2026-05-04', d), 8 * H, 15 * H)), []],
    [
      '35 h 30 in a week',
      [0, 1, 2, 3, 4].map((d) => present(addDays('2026-05-04', d), 8 * H, 15 * H + (d === 4 ? 30 : 0))),
      ['week'],
    ],
    ['ending at 22 h', [present('2026-05-04', 18 * H, 22 * H)], []],
    ['ending at 22 h 30', [present('2026-05-04', 18 * H + 30, 22 * H + 30)], ['night']],
    ['starting at 6 h', [present('2026-05-04', 6 * H, 10 * H)], []],
    ['starting at 5 h 30', [present('2026-05-04', 5 * H + 30, 9 * H)], ['night']],
  ])('%s → %j', (_label, halfDays, kinds) => {
    expect(warningsOf(halfDays)).toEqual(kinds);
  });

  it("keeps an adult's limits for an adult: 8 h 01 and 22 h 30 say nothing", () => {
    expect(
      warningsOf(
        [
          present('2026-05-04', 8 * H, 12 * H),
          present('2026-05-04', 13 * H, 17 * H + 1),
          present('2026-05-05', 18 * H, 22 * H + 30),
        ],
        ADULT_LIMITS,
      ),
    ).toEqual([]);
  });
});

describe('worksites/addParticipant for a young person', () => {
  const printer = nodePdfPrinter();
  afterAll(() => printer.close());

  async function admittedBorn(call: Awaited<ReturnType<typeof configured>>['call'], birthDate: string) {
    const { id } = valueOf(
      await call('people/create', {
        person: person({ birthDate }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    const journeyId = valueOf(await call('people/openJourney', { personId: id, openedOn: '2026-02-02' })).journeys[0]!
      .id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    return id;
  }

  it('refuses under 16 on the first day, warns at 16 even when 15 today, and the contract names the legal representative', async () => {
    // Today is 02/03/2026; the MESP starts on 04/05/2026.
    const { call } = await configured({ printer });
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const tooYoung = await admittedBorn(call, '2010-05-05');
    expect(
      await call('worksites/addParticipant', {
        id,
        personId: tooYoung,
        contract: mespContract(),
        confirmWarnings: true,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'contract.startDate',
        message:
          'La personne aura 15 ans le premier jour du contrat : aucun contrat de travail avant 16 ans (Code du travail, art. L4153-1).',
      },
    });
    const sixteen = await admittedBorn(call, '2010-05-04');
    expect(await call('worksites/addParticipant', { id, personId: sixteen, contract: mespContract() })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'minor',
        message: expect.stringContaining('Au plus 8 h par jour et 35 h par semaine'),
      },
    });
    const worksite = valueOf(
      await call('worksites/addParticipant', {
        id,
        personId: sixteen,
        contract: mespContract(),
        confirmWarnings: true,
      }),
    );
    const participationId = worksite.participants[0]!.id;
    const row = valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    const content = valueOf(await call('documents/content', { documentId: row.id }));
    const text = pdfText(keep('contrat-mineur', Buffer.from(content.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
    // Madame: the mention agrees with her civility.
    expect(text).toContain('Le représentant légal de la salariée mineure');
    expect(text).toContain('ni entre 22 heures et 6 heures');
  });
});
