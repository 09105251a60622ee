import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open';
import { openPostgres } from '../../src-main/db/open-postgres';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { freshPostgres, testEngine } from './support/postgres';
import { caller, configured, fakeClock, sessionAs, tempDir, valueOf } from './support/services';
import { mesp, mespContract, oneMespContract } from './support/worksites';
import { pdfText } from './support/pdf';
import { person, situation } from './support/people';
import { addMonths } from '../../src-main/shared/dates';

/**
 * The calendar settings that count hours are dated (domain/calendar-settings.ts):
 * a change applies « à compter du » a day. A MESP from Monday 15 June to
 * Thursday 9 July 2026, Monday–Thursday mornings 08:30–12:00 (3 h 30);
 * Élodie's contract runs from 15 June to 12 July. Monday 29 June and Thursday
 * 2 July are cancelled for a storm (force majeure); every other half-day up to
 * 1 July is marked present. June is sent to the portage employer on 2 July.
 *
 * Counted by hand, force majeure not paid:
 * - June: 15, 16, 17, 18, 22, 23, 24, 25, 30 present = 9 × 3 h 30 = 31 h 30
 *   (1 890 min); 29 June unpaid.
 * - July (to the 12th): 1 July present = 3 h 30 (210 min); 2 July unpaid;
 *   6–9 July not yet marked.
 * Paid from 1 July: July gets 2 July too = 7 h (420 min); June stays 31 h 30.
 */
const printer = nodePdfPrinter();
afterAll(() => printer.close());
const june = { month: '2026-06', employerId: 1 };
const july = { month: '2026-07', employerId: 1 };
const SENT = 'Le mois de juin 2026 a été transmis à l’employeur de portage le 02/07/2026';

async function sentJune() {
  const setup = await configured({ clock: fakeClock('2026-07-02T09:00:00.000Z'), printer });
  const { call } = setup;
  const { worksite, sessions, session, participationId } = await oneMespContract(call, {
    from: '2026-06-15',
    to: '2026-07-12',
  });
  for (const date of ['2026-06-29', '2026-07-02'])
    valueOf(
      await call('worksites/cancelSession', { sessionId: session(date), reason: 'Tempête', kind: 'force_majeure' }),
    );
  valueOf(
    await call('attendance/save', {
      worksiteId: worksite.id,
      entries: sessions
        .filter((s) => s.date <= '2026-07-01' && s.date !== '2026-06-29')
        .map((s) => ({ sessionId: s.id, participationId, mark: { mark: 'present' as const } })),
    }),
  );
  valueOf(await call('payroll/validate', { ...june, confirmChecks: true }));
  valueOf(await call('payroll/transmit', june));
  const paidOf = async (target: typeof june) => valueOf(await call('payroll/get', target)).lines[0]!.paid;
  const hoursPaid = async () =>
    valueOf(await call('stats/figures', { from: '2026-06-01', to: '2026-07-31', showSmall: true })).figures.find(
      (f) => f.key === 'hoursPaid',
    )!.value;
  return { ...setup, paidOf, hoursPaid };
}

const forceMajeurePaidFrom = (effectiveFrom: string, forceMajeurePaid = true) => ({
  effectiveFrom,
  region: 'metropole' as const,
  whitMondayWorked: false,
  forceMajeurePaid,
});

describe('a calendar setting changed « à compter du » a day', () => {
  it('dated after the last sent month: accepted although June had a force-majeure half-day; June keeps 31 h 30, July counts 7 h', async () => {
    const { call, paidOf, hoursPaid } = await sentJune();
    expect(await paidOf(june)).toBe(1890);
    expect(await paidOf(july)).toBe(210);
    // Statistics up to today (2 July): 9 + 1 half-days worked, no force majeure paid.
    expect(await hoursPaid()).toBe(2100);

    const settings = valueOf(await call('settings/get', {}));
    expect(settings.calendar).toMatchObject({ lastSentMonth: '2026-06', defaultEffectiveFrom: '2026-07-01' });

    const saved = valueOf(await call('settings/updateCalendar', forceMajeurePaidFrom('2026-07-01')));
    expect(saved.calendar.forceMajeurePaid).toBe(true);
    expect(saved.calendar.history).toEqual([
      {
        effectiveFrom: null,
        region: 'metropole',
        whitMondayWorked: false,
        forceMajeurePaid: false,
        upcoming: false,
      },
      {
        effectiveFrom: '2026-07-01',
        region: null,
        whitMondayWorked: null,
        forceMajeurePaid: true,
        upcoming: false,
      },
    ]);
    // June, sent, is counted with the value in force on 29 June: unchanged, nothing to regularise.
    expect(valueOf(await call('payroll/get', june))).toMatchObject({ stale: false, changes: [] });
    expect(await paidOf(june)).toBe(1890);
    expect(await paidOf(july)).toBe(420);
    expect(await hoursPaid()).toBe(2310);
    const journal = valueOf(await call('journal/list', { page: 1, pageSize: 10, method: 'settings/updateCalendar' }));
    expect(journal.entries[0]).toMatchObject({
      method: 'settings/updateCalendar',
      records: [{ ref: 'calendar:2026-07-01', label: 'Calendrier à compter du 01/07/2026' }],
    });
  });

  it('dated inside the sent month where it would change its hours: refused, saying from which day it may apply', async () => {
    const { call, paidOf } = await sentJune();
    expect(await call('settings/updateCalendar', forceMajeurePaidFrom('2026-06-29'))).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'effectiveFrom',
        message: `${SENT} : ce réglage changerait ses heures (le 29/06/2026), déjà payées. Pour qu’il s’applique sans toucher aux mois transmis, datez-le à compter du 01/07/2026 ou d’un jour suivant. Si les heures de ce mois-là doivent elles aussi changer, corrigez les présences de ces jours dans l’émargement en indiquant le motif ; la différence partira en régularisation avec le mois suivant.`,
      },
    });
    const settings = valueOf(await call('settings/get', {}));
    expect(settings.calendar.forceMajeurePaid).toBe(false);
    expect(settings.calendar.history).toHaveLength(1);
    expect(await paidOf(june)).toBe(1890);
    expect(await paidOf(july)).toBe(210);
    // The day after the storm, still in June: no figure of June changes, so the one rule lets it through.
    valueOf(await call('settings/updateCalendar', forceMajeurePaidFrom('2026-06-30')));
    expect(await paidOf(june)).toBe(1890);
    expect(await paidOf(july)).toBe(420);
  });

  it('dated far in the past: every month sent from then on is counted, not only the twelve sent last', async () => {
    // A contract on Monday mornings from 6 January 2025 to 26 February 2026; Monday 13 January 2025 lost to a storm.
    // January 2025 to February 2026 (14 months) are sent; the twelve sent last begin in March 2025.
    const { call } = await configured({ clock: fakeClock('2026-03-10T09:00:00.000Z'), printer });
    const worksite = valueOf(
      await call('worksites/save', {
        worksite: mesp({
          startDate: '2025-01-06',
          weeks: 60,
          slots: [{ weekday: 0, halfDay: 'morning' }],
        }),
      }),
    );
    const sessions = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] })).sessions;
    const { id: personId } = valueOf(
      await call('people/create', { person: person(), situation: situation(), confirmedNotDuplicate: true }),
    );
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2024-12-02' })).journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2024-12-10', reason: '' }));
    valueOf(
      await call('worksites/addParticipant', {
        id: worksite.id,
        personId,
        contract: {
          ...mespContract({
            startDate: '2025-01-06',
            endDate: '2026-02-26',
            handedOn: '2025-01-06',
            signedOn: '2025-01-06',
          }),
        },
        confirmWarnings: true,
      }),
    );
    const storm = sessions.find((s) => s.date === '2025-01-13')!.id;
    valueOf(await call('worksites/cancelSession', { sessionId: storm, reason: 'Tempête', kind: 'force_majeure' }));
    for (let month = '2025-01'; month <= '2026-02'; month = addMonths(`${month}-01`, 1).slice(0, 7)) {
      valueOf(await call('payroll/validate', { month, employerId: 1, confirmChecks: true }));
      valueOf(await call('payroll/transmit', { month, employerId: 1 }));
    }
    expect(
      await call('settings/updateCalendar', { effectiveFrom: '2025-01-01', forceMajeurePaid: true }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'effectiveFrom',
        message: expect.stringMatching(
          /^Le mois de janvier 2025 a été transmis à l’employeur de portage le 10\/03\/2026 : ce réglage changerait ses heures \(le 13\/01\/2025\), déjà payées\. Pour qu’il s’applique sans toucher aux mois transmis, datez-le à compter du 01\/03\/2026 ou d’un jour suivant\./,
        ),
      },
    });
    expect(valueOf(await call('settings/get', {})).calendar.history).toHaveLength(1);
  });

  it('a change to come is listed and can be removed; one in force cannot', async () => {
    const { call, paidOf } = await sentJune();
    valueOf(await call('settings/updateCalendar', forceMajeurePaidFrom('2026-07-02')));
    const planned = valueOf(await call('settings/updateCalendar', forceMajeurePaidFrom('2026-08-01', false)));
    // Today's value is the one of 2 July; August's is to come.
    expect(planned.calendar.forceMajeurePaid).toBe(true);
    expect(planned.calendar.history.map((h) => [h.effectiveFrom, h.forceMajeurePaid, h.upcoming])).toEqual([
      [null, false, false],
      ['2026-07-02', true, false],
      ['2026-08-01', false, true],
    ]);
    expect(await paidOf(july)).toBe(420);
    // Saved again for the same day: that day's change is replaced, not doubled.
    const replaced = valueOf(
      await call('settings/updateCalendar', { ...forceMajeurePaidFrom('2026-08-01', false), whitMondayWorked: true }),
    );
    expect(replaced.calendar.history.at(-1)).toEqual({
      effectiveFrom: '2026-08-01',
      region: null,
      whitMondayWorked: true,
      forceMajeurePaid: false,
      upcoming: true,
    });
    expect(replaced.calendar.history).toHaveLength(3);

    const removed = valueOf(await call('settings/removeCalendarChange', { effectiveFrom: '2026-08-01' }));
    expect(removed.calendar.history.map((h) => h.effectiveFrom)).toEqual([null, '2026-07-02']);
    expect(await call('settings/removeCalendarChange', { effectiveFrom: '2026-07-02' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'effectiveFrom',
        message:
          'Le changement du 02/07/2026 s’applique déjà : il ne se supprime plus. Pour revenir aux réglages d’avant, changez-les à compter d’une nouvelle date.',
      },
    });
    expect(await call('settings/removeCalendarChange', { effectiveFrom: '2026-09-01' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Aucun changement du calendrier n’est daté du 01/09/2026.' },
    });
    // The same values again from the same day: that day's change has nothing left to change, and goes.
    const back = valueOf(await call('settings/updateCalendar', forceMajeurePaidFrom('2026-07-02', false)));
    expect(back.calendar.history.map((h) => h.effectiveFrom)).toEqual([null]);
    expect(await paidOf(july)).toBe(210);
  });

  it('a change of one setting leaves the others as in force that day: a change to come dated before it stays', async () => {
    // Today is 2 March 2026. Force majeure paid from 1 May (to come); then Whit Monday worked from 1 June,
    // asked alone as the screen sends it: from 1 June force majeure is still paid.
    const { call } = await configured();
    valueOf(await call('settings/updateCalendar', { effectiveFrom: '2026-05-01', forceMajeurePaid: true }));
    const saved = valueOf(
      await call('settings/updateCalendar', { effectiveFrom: '2026-06-01', whitMondayWorked: true }),
    );
    expect(
      saved.calendar.history.map(({ effectiveFrom, region, whitMondayWorked, forceMajeurePaid }) => [
        effectiveFrom,
        region,
        whitMondayWorked,
        forceMajeurePaid,
      ]),
    ).toEqual([
      [null, 'metropole', false, false],
      ['2026-05-01', null, null, true],
      ['2026-06-01', null, true, null],
    ]);
    // Today's values are unchanged; a region asked from the day of a change is added to it.
    expect(saved.calendar).toMatchObject({ region: 'metropole', whitMondayWorked: false, forceMajeurePaid: false });
    const region = valueOf(await call('settings/updateCalendar', { effectiveFrom: '2026-06-01', region: 'reunion' }));
    expect(region.calendar.history.at(-1)).toMatchObject({
      effectiveFrom: '2026-06-01',
      region: 'reunion',
      whitMondayWorked: true,
      forceMajeurePaid: null,
    });
    // Nothing asked: said, nothing recorded.
    expect(await call('settings/updateCalendar', { effectiveFrom: '2026-07-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [{ field: 'region', message: 'Changez au moins un réglage du calendrier avant d’enregistrer.' }],
      },
    });
  });

  it('a month straddling a change on the 15th: every figure that leaves counts each storm by its own day', async () => {
    // A MESP from Monday 7 September 2026, Monday–Thursday mornings 3 h 30; Élodie's contract 7–30 September.
    // Storms on Tuesday 8 and Tuesday 22 September; force majeure paid from Tuesday 15 September; every other
    // half-day present. By hand: 13 half-days worked = 45 h 30 (2 730 min); 22/09 paid 3 h 30; 08/09 not:
    // 49 h paid (2 940 min). Weeks: 07/09 630 paid, 14/09 840, 21/09 630 + 210 = 840, 28/09 630.
    const { call } = await configured({ clock: fakeClock('2026-10-05T09:00:00.000Z'), printer });
    const { worksite, sessions, session, participationId } = await oneMespContract(call, {
      from: '2026-09-07',
      to: '2026-09-30',
    });
    const storms = ['2026-09-08', '2026-09-22'];
    for (const date of storms) {
      const sessionId = session(date);
      valueOf(await call('worksites/cancelSession', { sessionId, reason: 'Tempête', kind: 'force_majeure' }));
    }
    valueOf(
      await call('attendance/save', {
        worksiteId: worksite.id,
        entries: sessions
          .filter((s) => s.date <= '2026-09-30' && !storms.includes(s.date))
          .map((s) => ({ sessionId: s.id, participationId, mark: { mark: 'present' as const } })),
      }),
    );
    valueOf(await call('settings/updateCalendar', { effectiveFrom: '2026-09-15', forceMajeurePaid: true }));

    const hours = valueOf(await call('attendance/hours', { worksiteId: worksite.id })).rows[0]!;
    expect(hours).toMatchObject({ worked: 2730, paid: 2940 });
    expect(hours.weeks.map((w) => [w.weekOf, w.worked, w.paid])).toEqual([
      ['2026-09-07', 630, 630],
      ['2026-09-14', 840, 840],
      ['2026-09-21', 630, 840],
      ['2026-09-28', 630, 630],
    ]);
    const week = valueOf(await call('attendance/week', { worksiteId: worksite.id, weekOf: '2026-09-07' }));
    expect(week.sessions.filter((s) => s.cancelled !== null).map((s) => [s.date, s.cancelled])).toEqual([
      ['2026-09-08', 'force_majeure'],
    ]);
    const line = valueOf(await call('payroll/get', { month: '2026-09', employerId: 1 })).lines[0]!;
    expect(line).toMatchObject({ worked: 2730, paid: 2940 });
    expect(line.payLines!.map((l) => [l.item, l.dates, l.minutes])).toEqual([
      ['heures_normales', expect.any(Array), 2730],
      ['annulation_payee', ['2026-09-22'], 210],
    ]);
    const figures = valueOf(
      await call('stats/figures', { from: '2026-09-01', to: '2026-09-30', showSmall: true }),
    ).figures;
    expect(figures.find((f) => f.key === 'hoursPaid')!.value).toBe(2940);

    valueOf(await call('payroll/validate', { month: '2026-09', employerId: 1, confirmChecks: true }));
    const folder = tempDir();
    const csv = readFileSync(
      valueOf(await call('payroll/export', { month: '2026-09', employerId: 1, format: 'csv', folder })).path,
      'utf8',
    );
    const [header, row] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const cell = (name: string) => row!.split(';')[header!.split(';').indexOf(name)];
    expect([cell('Heures travaillées'), cell('Heures payées'), cell('Demi-journées annulées payées (heures)')]).toEqual(
      ['45,50', '49,00', '3,50'],
    );
    // The paid storm is not named a cancellation by the structure on the relevé the employer receives.
    const pdf = pdfText(
      valueOf(await call('payroll/export', { month: '2026-09', employerId: 1, format: 'pdf', folder })).path,
    );
    expect(pdf).toMatch(
      /Demi-journées annulées payées \(par la structure, ou pour intempéries ou force\s+majeure\)\s+22\/09\/2026\s+3,50 h/,
    );
    expect(pdf).not.toContain('annulées par la structure (payées)');
  });

  it('a region from a day: its holiday counts from that day, not the day before (Guadeloupe, 21 July 2026)', async () => {
    const { call } = await configured();
    const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-07-20' }) }));
    const week = async () =>
      valueOf(await call('attendance/week', { worksiteId: worksite.id, weekOf: '2026-07-20' })).holidays;
    const guadeloupeFrom = (effectiveFrom: string) =>
      call('settings/updateCalendar', { ...forceMajeurePaidFrom(effectiveFrom, false), region: 'guadeloupe' });
    valueOf(await guadeloupeFrom('2026-07-22'));
    expect(await week()).toEqual([]);
    valueOf(await call('settings/removeCalendarChange', { effectiveFrom: '2026-07-22' }));
    valueOf(await guadeloupeFrom('2026-07-21'));
    expect(await week()).toEqual([{ date: '2026-07-21', label: 'Fête Victor Schœlcher' }]);
  });

  it('a region dated after its half-days were planned: one left on the new holiday, worked, is paid once', async () => {
    // Monday–Thursday mornings from 20 April 2026 (15 weeks); Élodie from 20 April, so three months of seniority
    // on Tuesday 21 July. Guadeloupe from 1 July makes 21 July a holiday (Fête Victor Schœlcher) after its
    // half-day was planned; she works it. Week of 20 July by hand: 4 × 3 h 30 worked = 840 min paid, not 1 050.
    const { call } = await configured({ clock: fakeClock('2026-07-25T09:00:00.000Z') });
    const { worksite, participationId } = await oneMespContract(call, {
      from: '2026-04-20',
      to: '2026-07-31',
      weeks: 15,
    });
    valueOf(await call('settings/updateCalendar', { effectiveFrom: '2026-07-01', region: 'guadeloupe' }));
    const week = valueOf(await call('attendance/week', { worksiteId: worksite.id, weekOf: '2026-07-20' }));
    expect(week.holidays).toEqual([{ date: '2026-07-21', label: 'Fête Victor Schœlcher' }]);
    expect(week.sessions.map((s) => s.date)).toContain('2026-07-21');
    valueOf(
      await call('attendance/save', {
        worksiteId: worksite.id,
        entries: week.sessions.map((s) => ({ sessionId: s.id, participationId, mark: { mark: 'present' as const } })),
      }),
    );
    const hours = valueOf(await call('attendance/hours', { worksiteId: worksite.id })).rows[0]!;
    expect(hours.weeks.find((w) => w.weekOf === '2026-07-20')).toMatchObject({ worked: 840, paid: 840 });
    const line = valueOf(await call('payroll/get', { month: '2026-07', employerId: 1 })).lines[0]!;
    expect(line.payLines!.map((l) => [l.item, l.minutes])).toEqual([['heures_normales', 840]]);
  });

  it('the coordination and a supervisor cannot change nor remove a calendar change: refused, nothing written', async () => {
    const { call, services } = await configured();
    valueOf(await call('settings/updateCalendar', { effectiveFrom: '2026-05-01', forceMajeurePaid: true }));
    for (const role of ['coordination', 'encadrant'] as const) {
      const as = caller(services, await sessionAs(services, role));
      const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
      expect(
        await as('settings/updateCalendar', { effectiveFrom: '2026-04-01', forceMajeurePaid: true }),
      ).toMatchObject(forbidden);
      expect(await as('settings/removeCalendarChange', { effectiveFrom: '2026-05-01' })).toMatchObject(forbidden);
    }
    // The coordination reads the calendar (Paramètres, closures); the supervisor does not.
    const coordination = caller(services, await sessionAs(services, 'coordination', 'Autre coordination'));
    expect(valueOf(await coordination('settings/get', {})).calendar.history.map((h) => h.effectiveFrom)).toEqual([
      null,
      '2026-05-01',
    ]);
  });

  it('refuses a missing or impossible date, in French', async () => {
    const { call } = await configured();
    const { effectiveFrom: _, ...undated } = forceMajeurePaidFrom('2026-07-01');
    expect(await call('settings/updateCalendar', undated as never)).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [{ field: 'effectiveFrom', message: 'La date « À compter du » est obligatoire.' }],
      },
    });
    expect(await call('settings/updateCalendar', forceMajeurePaidFrom('2026-02-30'))).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [{ field: 'effectiveFrom', message: 'La date « À compter du » n’est pas une date valide.' }],
      },
    });
    expect(await call('settings/removeCalendarChange', { effectiveFrom: '01/08/2026' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        issues: [{ field: 'effectiveFrom', message: 'La date du changement n’est pas une date valide.' }],
      },
    });
  });
});

describe('migration 031', () => {
  /** A database of this run's engine, opened with the migrations given (its rows read in camelCase). */
  async function database() {
    if (testEngine() === 'sqlite') {
      const dir = tempDir();
      const file = path.join(dir, 'passerelle.sqlite');
      return (migrations: readonly Migration[]) =>
        openDatabase(file, { backupDir: path.join(dir, 'sauvegardes'), migrations });
    }
    const connection = await freshPostgres('empty');
    return (migrations: readonly Migration[]) => openPostgres(connection, { migrations });
  }
  const columnsOf = async (db: Kysely<any>) =>
    Object.keys((await sql<Record<string, unknown>>`select * from structure`.execute(db)).rows[0]!);

  it('makes the structure’s values the values from the beginning, and leaves them nowhere else', async () => {
    const open = await database();
    const before = await open(MIGRATIONS.slice(0, 30));
    await sql`insert into structure (id, name, address, postcode, town, siret, email, signatory_name, signatory_title,
        morning_start, morning_end, afternoon_start, afternoon_end, setup_completed_at, updated_at,
        holiday_region, whit_monday_worked, force_majeure_paid)
      values (1, 'CCAS', '1 place de la Mairie', '97100', 'Basse-Terre', '21970105600016', 'ccas@example.fr', 'M. Maire', 'Maire',
        510, 720, 810, 1020, '2026-01-05T08:00:00.000Z', '2026-03-02T10:00:00.000Z', 'guadeloupe', 1, 1)`.execute(
      before.db,
    );
    await before.close();
    const after = await open(MIGRATIONS);
    try {
      const { rows } =
        await sql`select effective_from, holiday_region, whit_monday_worked, force_majeure_paid, created_at
        from calendar_settings`.execute(after.db);
      expect(rows).toEqual([
        {
          effectiveFrom: null,
          holidayRegion: 'guadeloupe',
          whitMondayWorked: 1,
          forceMajeurePaid: 1,
          createdAt: '2026-03-02T10:00:00.000Z',
        },
      ]);
      const columns = await columnsOf(after.db);
      expect(columns).toContain('openSaturday');
      expect(columns.filter((c) => /holiday|whit|force/i.test(c))).toEqual([]);
    } finally {
      await after.close();
    }
  });
});
