import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCddi, checkRenewal } from '../../src-main/domain/contracts';
import { cddiLongestEnd, cddiShortestEnd, defaultContractDates } from '../../src-main/shared/cddi-duration';
import { addDays, isoFromParts, lastDayOfMonths } from '../../src-main/shared/dates';
import { configured, valueOf } from './support/services';
import { admitted, mesp } from './support/worksites';

const H = 60;
const anyDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('a period of whole months, both ends included', () => {
  it.each([
    ['2026-04-06', 4, '2026-08-05', 'the issue: 06/04/2026 + 4 months ends the day before 06/08'],
    ['2026-01-01', 1, '2026-01-31', 'a month from the 1st ends on the last day of that month'],
    ['2026-01-31', 1, '2026-02-28', '31 January + 1 month: February has no 31st, so it ends on its last day'],
    ['2028-01-31', 1, '2028-02-29', 'same in a leap year'],
    ['2026-01-28', 1, '2026-02-27', 'February has a 28th: the day before it'],
    ['2026-01-29', 1, '2026-02-28', 'no 29 February in 2026: end of February'],
    ['2026-01-31', 4, '2026-05-30', 'May has a 31st: the day before it'],
    ['2026-10-31', 4, '2027-02-28', 'no 31 February: end of February'],
    ['2026-03-31', 1, '2026-04-30', 'no 31 April: end of April'],
    ['2026-03-01', 1, '2026-03-31', 'from a 1st, never the day before a short month'],
    ['2028-02-29', 12, '2029-02-28', '29 February + 12 months: no 29 February in 2029'],
    ['2028-02-29', 48, '2032-02-28', 'four years later February has a 29th again: the day before it'],
    ['2026-12-15', 24, '2028-12-14', 'across two year ends'],
  ])('%s + %i months ends on %s (%s)', (start, months, end) => {
    expect(lastDayOfMonths(start, months)).toBe(end);
  });

  it('never ends earlier for a later start, and always covers at least the same date less one day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const end = lastDayOfMonths(start, months);
        expect(lastDayOfMonths(addDays(start, 1), months) >= end).toBe(true);
        expect(end > start).toBe(true);
        // The next period starts the day after: chained periods neither overlap nor leave a gap.
        const [y, m] = start.split('-').map(Number) as [number, number];
        const nextMonth = isoFromParts(y, m + months + 1, 1);
        expect(addDays(end, 1) <= nextMonth).toBe(true);
      }),
    );
  });
});

describe('CDDI length (L5132-15-1): 4 months at least, 24 months in all, both inclusive', () => {
  const terms = (start: string, end: string, previousMonths = 0) => ({
    start,
    end,
    weeklyMinutes: 26 * H,
    previousMonths,
  });
  const durationRules = (start: string, end: string, previousMonths = 0) =>
    checkCddi(terms(start, end, previousMonths)).map((v) => v.message.slice(0, 40));

  it.each([
    ['2026-04-06', '2026-08-05', 0, 'exactly 4 months', 0],
    ['2026-04-06', '2026-08-04', 0, 'one day short of 4 months', 1],
    ['2026-04-06', '2026-08-06', 0, 'one day more than 4 months', 0],
    ['2026-01-31', '2026-05-30', 0, 'exactly 4 months from 31 January', 0],
    ['2026-01-31', '2026-05-29', 0, 'one day short, from 31 January', 1],
    ['2026-10-31', '2027-02-28', 0, 'exactly 4 months from 31 October (end of February)', 0],
    ['2026-10-31', '2027-02-27', 0, 'one day short, from 31 October', 1],
    ['2026-04-06', '2028-04-05', 0, 'exactly 24 months', 0],
    ['2026-04-06', '2028-04-06', 0, 'one day more than 24 months', 1],
    ['2026-04-06', '2028-04-04', 0, 'one day less than 24 months', 0],
    ['2028-02-29', '2030-02-28', 0, 'exactly 24 months from 29 February', 0],
    ['2028-02-29', '2030-03-01', 0, 'one day more, from 29 February', 1],
    ['2026-04-06', '2027-04-05', 12, '12 months after 12 already done: 24 in all', 0],
    ['2026-04-06', '2027-04-06', 12, 'one day beyond 24 in all', 1],
  ])('%s → %s with %i months done before (%s): %i refusal', (start, end, previousMonths, _label, refusals) => {
    expect(durationRules(start, end, previousMonths)).toHaveLength(refusals);
  });

  it('the form default (shortest end) always passes, its day before never does', () => {
    fc.assert(
      fc.property(anyDate, (start) => {
        expect(checkCddi(terms(start, cddiShortestEnd(start)))).toEqual([]);
        expect(checkCddi(terms(start, addDays(cddiShortestEnd(start), -1)))).toHaveLength(1);
        expect(checkCddi(terms(start, cddiLongestEnd(start)))).toEqual([]);
        expect(checkCddi(terms(start, addDays(cddiLongestEnd(start), 1)))).toHaveLength(1);
      }),
    );
  });

  it('says in French the earliest and latest allowed end', () => {
    expect(checkCddi(terms('2026-04-06', '2026-08-04'))[0]!.message).toBe(
      'Un CDDI dure au moins 4 mois (Code du travail, art. L5132-15-1) : commencé le 06/04/2026, il finit au plus tôt le 05/08/2026.',
    );
    expect(checkCddi(terms('2026-04-06', '2028-04-06'))[0]!.message).toBe(
      'Un parcours en CDDI ne peut pas dépasser 24 mois en tout, renouvellements compris (art. L5132-15-1) : fin au plus tard le 05/04/2028.',
    );
  });

  it('renews a CDDI up to exactly 24 months in all, not a day more', () => {
    const renewal = {
      type: 'cddi' as const,
      start: '2026-04-06',
      currentEnd: '2026-08-05',
      agreedOn: '2026-07-20',
      renewalsSoFar: 3,
      weeklyMinutes: 26 * H,
    };
    expect(checkRenewal({ ...renewal, newEnd: '2028-04-05' })).toEqual([]);
    expect(checkRenewal({ ...renewal, newEnd: '2028-04-06' })[0]!.rule).toBe('L5132-15-1');
  });
});

describe('the dates a new contract is drafted with', () => {
  const aciFrom6April = { kind: 'aci', startDate: '2026-04-06', endDate: '2028-03-30' };
  it.each([
    [
      'an ACI not started yet: its first day, for 4 months',
      aciFrom6April,
      '2026-03-20',
      { startDate: '2026-04-06', endDate: '2026-08-05' },
    ],
    ['an ACI starting today: today', aciFrom6April, '2026-04-06', { startDate: '2026-04-06', endDate: '2026-08-05' }],
    [
      'an ACI started yesterday: today (rolling entry)',
      aciFrom6April,
      '2026-04-07',
      { startDate: '2026-04-07', endDate: '2026-08-06' },
    ],
    [
      'an ACI entered on 31 October: 4 months end on the last day of February',
      aciFrom6April,
      '2026-10-31',
      { startDate: '2026-10-31', endDate: '2027-02-28' },
    ],
    [
      'a MESP: its own dates, whatever today is',
      { kind: 'mesp', startDate: '2026-05-04', endDate: '2026-05-29' },
      '2026-05-10',
      { startDate: '2026-05-04', endDate: '2026-05-29' },
    ],
  ])('%s', (_case, worksite, today, expected) => {
    expect(defaultContractDates(worksite, today)).toEqual(expected);
  });

  it('drafts a CDDI the server accepts, never a day shorter than the law allows', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (start, today) => {
        const dates = defaultContractDates({ kind: 'aci', startDate: start, endDate: addDays(start, 800) }, today);
        expect(checkCddi({ start: dates.startDate, end: dates.endDate, weeklyMinutes: 26 * H })).toEqual([]);
        expect(
          checkCddi({ start: dates.startDate, end: addDays(dates.endDate, -1), weeklyMinutes: 26 * H }),
        ).toHaveLength(1);
      }),
    );
  });
});

describe('worksites/addParticipant and contracts/renew keep the CDDI bounds', () => {
  /** An ACI from Monday 6 April 2026 for two years, Monday to Thursday, 26 h a week. */
  async function aci() {
    const setup = await configured();
    const slots = [0, 1, 2, 3].flatMap((weekday) => [
      { weekday, halfDay: 'morning' as const },
      { weekday, halfDay: 'afternoon' as const },
    ]);
    const worksite = mesp({
      name: 'Ressourcerie',
      kind: 'aci',
      startDate: '2026-04-06',
      weeks: 104,
      slots,
      hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '16:45' },
    });
    const { id } = valueOf(await setup.call('worksites/save', { worksite }));
    return { ...setup, id };
  }
  const cddi = (startDate: string, endDate: string) => ({
    type: 'cddi' as const,
    startDate,
    endDate,
    position: 'Agent de tri',
    hourlyCents: 1202,
    handedOn: null,
    signedOn: null,
    derogationUntil: null,
  });

  it('accepts exactly 4 months and refuses one day less, then renews to exactly 24 months', async () => {
    const { call, id } = await aci();
    const personId = await admitted(call, 'Élodie');
    expect(
      await call('worksites/addParticipant', { id, personId, contract: cddi('2026-04-06', '2026-08-04') }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'contract.type',
        message: expect.stringContaining('au plus tôt le 05/08/2026'),
      },
    });
    const worksite = valueOf(
      await call('worksites/addParticipant', { id, personId, contract: cddi('2026-04-06', '2026-08-05') }),
    );
    const participationId = worksite.participants[0]!.id;
    expect(
      await call('contracts/renew', { participationId, renewal: { newEndDate: '2028-04-06', agreedOn: '2026-07-20' } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'renewal.newEndDate', message: expect.stringContaining('fin au plus tard le 05/04/2028') },
    });
    const renewed = valueOf(
      await call('contracts/renew', { participationId, renewal: { newEndDate: '2028-04-05', agreedOn: '2026-07-20' } }),
    );
    expect(renewed.participants[0]!.contract.endDate).toBe('2028-04-05');
  });
});
