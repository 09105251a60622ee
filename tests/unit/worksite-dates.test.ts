import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT_END_MARGIN_DAYS, checkSessionDay, contractEndWarning } from '../../src-main/domain/worksite-dates';
import { isoDate } from '../../src-main/shared/contract/fields';
import { addDays, weekdayOf } from '../../src-main/shared/dates';
import { structure } from './support/factories';
import { configured, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/** The 4-week MESP of the support factories: Monday 4 May to Sunday 31 May 2026. */
const worksite = { start: '2026-05-04', end: '2026-05-31' };

describe('the day a half-day falls on', () => {
  it.each([
    ['2026-05-04', false, null, 'the first day of the worksite, a Monday'],
    ['2026-05-29', false, null, 'the last Friday'],
    ['2026-05-03', false, 'L3132-3', 'the Sunday before: the Sunday rule speaks first'],
    ['2026-05-02', true, 'worksite', 'the Saturday before, open on Saturdays'],
    ['2026-05-01', false, 'worksite', 'the Friday before the worksite'],
    ['2026-06-01', false, 'worksite', 'the Monday after the last day'],
    ['2026-05-10', false, 'L3132-3', 'a Sunday inside the worksite'],
    ['2026-05-10', true, 'L3132-3', 'a Sunday, even when the structure opens on Saturdays'],
    ['2026-05-31', true, 'L3132-3', 'the last day, a Sunday'],
    ['2026-05-09', false, 'structure', 'a Saturday while the structure is closed on Saturdays'],
    ['2026-05-09', true, null, 'a Saturday once the structure opens on Saturdays'],
    ['2026-05-30', true, null, 'the last Saturday, open'],
  ])('%s (open on Saturdays: %s) → %s (%s)', (date, openSaturday, rule, _label) => {
    expect(checkSessionDay(date, worksite, openSaturday)?.rule ?? null).toBe(rule);
  });

  it('refuses every Sunday and accepts every weekday inside the worksite', () => {
    const span = { start: '2026-01-05', end: '2027-12-31' };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 725 }), fc.boolean(), (offset, openSaturday) => {
        const date = addDays(span.start, offset);
        const violation = checkSessionDay(date, span, openSaturday);
        const weekday = weekdayOf(date);
        if (weekday === 6) expect(violation?.rule).toBe('L3132-3');
        else if (weekday === 5) expect(violation?.rule ?? null).toBe(openSaturday ? null : 'structure');
        else expect(violation).toBeNull();
      }),
    );
  });

  it('says why in French', () => {
    expect(checkSessionDay('2026-05-10', worksite, false)!.message).toBe(
      'Le 10/05/2026 est un dimanche : aucune demi-journée ne se place le dimanche (repos dominical, art. L3132-3).',
    );
    expect(checkSessionDay('2026-05-09', worksite, false)!.message).toBe(
      'Le 09/05/2026 est un samedi et la structure n’ouvre pas le samedi (Paramètres › Structure › « Ouvert le samedi »).',
    );
    expect(checkSessionDay('2026-06-02', worksite, false)!.message).toBe(
      'Le 02/06/2026 est en dehors des dates du chantier (du 04/05/2026 au 31/05/2026).',
    );
  });
});

describe('a contract ending past the worksite', () => {
  it.each([
    ['2026-05-31', false, 'on the worksite’s last day'],
    ['2026-05-20', false, 'before it'],
    ['2026-06-07', false, 'exactly a week after'],
    ['2026-06-08', true, 'one day more than a week after'],
    ['2027-05-31', true, 'a year after (a typing slip)'],
  ])('ending %s warns: %s (%s)', (end, warns) => {
    expect(contractEndWarning(end, worksite) !== null).toBe(warns);
  });

  it('warns exactly beyond the margin, whatever the worksite', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: -30, max: 60 }),
        (startOffset, length, past) => {
          const span = { start: addDays('2020-01-06', startOffset), end: addDays('2020-01-06', startOffset + length) };
          expect(contractEndWarning(addDays(span.end, past), span) !== null).toBe(past > CONTRACT_END_MARGIN_DAYS);
        },
      ),
    );
  });
});

describe('years outside 1900–2100 are refused in every date field', () => {
  const schema = isoDate('La date');
  it.each([
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2100-12-31', true],
    ['2101-01-01', false],
    ['0026-05-04', false],
    ['9999-12-31', false],
  ])('%s accepted: %s', (date, accepted) => {
    const result = schema.safeParse(date);
    expect(result.success).toBe(accepted);
    if (!result.success)
      expect(result.error.issues.map((i) => i.message)).toEqual([
        'La date doit tomber entre 1900 et 2100 : vérifiez l’année.',
      ]);
  });

  it('keeps one message for a date that does not exist', () => {
    const result = schema.safeParse('2026-02-30');
    expect(result.success || result.error.issues.map((i) => i.message)).toEqual(['La date n’est pas une date valide.']);
  });
});

describe('through RPC', () => {
  it('moves or adds a half-day never onto a Sunday, a closed Saturday or outside the worksite; a Saturday once opened', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const generated = valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
    const monday = generated.sessions.find((s) => s.date === '2026-05-04')!;
    expect(
      await call('worksites/moveSession', { sessionId: monday.id, to: { date: '2026-05-10', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'to.date', message: expect.stringContaining('est un dimanche') },
    });
    expect(
      await call('worksites/moveSession', { sessionId: monday.id, to: { date: '2026-05-09', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'to.date', message: expect.stringContaining('n’ouvre pas le samedi') },
    });
    expect(
      await call('worksites/moveSession', { sessionId: monday.id, to: { date: '2026-06-01', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'to.date', message: expect.stringContaining('en dehors des dates du chantier') },
    });
    expect(
      await call('worksites/addSession', { id, session: { date: '2026-05-03', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'session.date' },
    });
    expect(
      await call('worksites/save', { worksite: mesp({ slots: [{ weekday: 5, halfDay: 'morning' }] }) }),
    ).toMatchObject({
      ok: false,
      error: { field: 'worksite.slots' },
    });

    const settings = valueOf(
      await call('settings/updateStructure', { structure: structure({ openSaturday: true }), logoFile: null }),
    );
    expect(settings.structure.openSaturday).toBe(true);
    const moved = valueOf(
      await call('worksites/moveSession', { sessionId: monday.id, to: { date: '2026-05-09', halfDay: 'morning' } }),
    );
    expect(moved.sessions.find((s) => s.id === monday.id)).toMatchObject({ date: '2026-05-09' });
    expect(
      await call('worksites/addSession', { id, session: { date: '2026-05-17', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('est un dimanche') },
    });
  });

  it('warns before a contract or a renewal ends more than a week past the worksite, then records it once confirmed', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    const personId = await admitted(call, 'Élodie');
    expect(
      await call('worksites/addParticipant', { id, personId, contract: mespContract({ endDate: '2026-06-08' }) }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'worksiteEnd',
        message: expect.stringContaining('8 jours après la fin du chantier (31/05/2026)'),
      },
    });
    const added = valueOf(
      await call('worksites/addParticipant', { id, personId, contract: mespContract({ endDate: '2026-06-07' }) }),
    );
    const participationId = added.participants[0]!.id;
    const renewal = { newEndDate: '2026-09-30', agreedOn: '2026-05-20' };
    expect(await call('contracts/renew', { participationId, renewal })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'worksiteEnd' },
    });
    const renewed = valueOf(await call('contracts/renew', { participationId, renewal, confirmWarnings: true }));
    expect(renewed.participants[0]!.contract.endDate).toBe('2026-09-30');
  });

  it('refuses a half-day in a year outside 1900–2100', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('worksites/save', { worksite: mesp() }));
    expect(
      await call('worksites/addSession', { id, session: { date: '0026-05-05', halfDay: 'morning' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [{ message: 'La date doit tomber entre 1900 et 2100 : vérifiez l’année.' }],
      },
    });
  });
});
