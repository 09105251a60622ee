import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeUpEffect, type MakeUpParticipant } from '../../src-main/domain/make-ups';
import { configured, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

const H = 60;
/** Élodie: 14 h a week, from Monday 4 to Sunday 31 May 2026. */
const elodie = (plannedThatWeek: number, overrides: Partial<MakeUpParticipant> = {}): MakeUpParticipant => ({
  name: 'Élodie',
  start: '2026-05-04',
  end: '2026-05-31',
  weeklyMinutes: 14 * H,
  plannedByWeek: new Map([['2026-05-11', plannedThatWeek]]),
  ...overrides,
});

describe('a make-up half-day is added working time (L3133-2, L3123-11)', () => {
  it.each([
    [
      'a week short of a half-day by the holiday',
      '2026-05-15',
      10.5 * H,
      [],
      'back to the contract hours: no heures complémentaires',
    ],
    [
      'a full week',
      '2026-05-15',
      14 * H,
      [{ name: 'Élodie', minutes: 3.5 * H }],
      'all of it is heures complémentaires',
    ],
    [
      'a week one hour short',
      '2026-05-15',
      13 * H,
      [{ name: 'Élodie', minutes: 2.5 * H }],
      'beyond the contract by 2 h 30',
    ],
    [
      'a week already beyond',
      '2026-05-15',
      15 * H,
      [{ name: 'Élodie', minutes: 3.5 * H }],
      'only the added half-day counts',
    ],
  ])('%s (%s, %i min planned) → %j: %s', (_label, date, planned, complementary) => {
    expect(makeUpEffect(date, 3.5 * H, [elodie(planned)])).toEqual({ concerned: ['Élodie'], complementary });
  });

  it.each([
    ['2026-05-04', true, 'the contract’s first day'],
    ['2026-05-31', true, 'its last day'],
    ['2026-05-03', false, 'the day before'],
    ['2026-06-01', false, 'the day after'],
  ])('on %s concerns the person: %s (%s)', (date, concerned) => {
    expect(makeUpEffect(date, 3.5 * H, [elodie(0)]).concerned).toEqual(concerned ? ['Élodie'] : []);
  });

  it('stops at the early end, and leaves out those whose contract does not cover the date', () => {
    const ended = elodie(0, { name: 'Marc', end: '2026-05-14' });
    expect(makeUpEffect('2026-05-15', 3.5 * H, [elodie(10.5 * H), ended]).concerned).toEqual(['Élodie']);
  });

  it('never creates more heures complémentaires than its own length, nor any while the week stays within the contract', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 48 * H }),
        fc.integer({ min: 30, max: 5 * H }),
        fc.integer({ min: 60, max: 35 * H }),
        (planned, minutes, weekly) => {
          const [hc] = makeUpEffect('2026-05-15', minutes, [elodie(planned, { weeklyMinutes: weekly })]).complementary;
          const expected = Math.min(minutes, Math.max(0, planned + minutes - weekly));
          expect(hc?.minutes ?? 0).toBe(expected);
        },
      ),
    );
  });
});

describe('worksites/previewSchedule and generateSessions', () => {
  it('proposes the Ascension make-up with who it concerns, and refuses one outside every contract', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    // Thursday 14 May 2026 (Ascension) is skipped; Friday 15 May is proposed in the same week.
    const before = valueOf(await call('worksites/previewSchedule', { id }));
    expect(before.makeUps[0]).toEqual({ date: '2026-05-15', halfDay: 'morning', concerned: [], complementary: [] });
    valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
    const personId = await admitted(call, 'Élodie');
    valueOf(
      await call('worksites/addParticipant', { id, personId, contract: mespContract({ endDate: '2026-05-14' }) }),
    );
    const preview = valueOf(await call('worksites/previewSchedule', { id }));
    expect(preview.makeUps[0]).toEqual({ date: '2026-05-15', halfDay: 'morning', concerned: [], complementary: [] });
    expect(
      await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-05-15', halfDay: 'morning' }] }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'makeUps.0',
        message:
          'Le 15/05/2026 ne tombe dans le contrat d’aucun participant : une demi-journée de rattrapage se place pendant le contrat.',
      },
    });
  });

  it('names who the make-up concerns, without heures complémentaires in the holiday week, and records it as a make-up', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const personId = await admitted(call, 'Élodie');
    valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
    valueOf(await call('worksites/addParticipant', { id, personId, contract: mespContract() }));
    const preview = valueOf(await call('worksites/previewSchedule', { id }));
    expect(preview.makeUps[0]).toEqual({
      date: '2026-05-15',
      halfDay: 'morning',
      concerned: ['Élodie Lefèvre'],
      complementary: [],
    });
    const generated = valueOf(
      await call('worksites/generateSessions', { id, makeUps: [{ date: '2026-05-15', halfDay: 'morning' }] }),
    );
    expect(generated.sessions.find((s) => s.date === '2026-05-15')).toMatchObject({ origin: 'makeup' });
  });
});
