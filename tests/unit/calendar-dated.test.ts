import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open';
import { openPostgres } from '../../src-main/db/open-postgres';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { freshPostgres, testEngine } from './support/postgres';
import { configured, fakeClock, tempDir, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

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
  const worksite = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-06-15' }) }));
  const sessions = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] })).sessions;
  const session = (date: string) => sessions.find((s) => s.date === date)!.id;
  const personId = await admitted(call, 'Élodie');
  const contract = mespContract({
    startDate: '2026-06-15',
    endDate: '2026-07-12',
    handedOn: '2026-06-15',
    signedOn: '2026-06-15',
  });
  const participationId = valueOf(
    await call('worksites/addParticipant', { id: worksite.id, personId, contract, confirmWarnings: true }),
  ).participants[0]!.id;
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
