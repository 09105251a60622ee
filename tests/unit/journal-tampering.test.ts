/**
 * The journal detects tampering (issue 24, item 4). Each case below is done
 * "by hand" on the data folder, as someone with access to the PC but not to
 * the journal's key would do it, then `journal/verify` must say it in French:
 *
 *  1. editing an entry in place
 *  2. forging an entry with a recomputed hash (SHA-256, or an HMAC under a guessed key)
 *  3. re-chaining after an edit (every following hash recomputed)
 *  4. deleting an entry in the middle
 *  5. cutting the last entries (seen now, and journaled at the next start)
 *  6. reusing ids: the last entry replaced under its number; ids never reused after a purge
 *  7. deleting the head file
 *  8. editing the head file to hide a cut
 *  9. moving the clock 400 days ahead to purge everything
 * 10. moving the clock back
 * 11. deleting the journal's key
 * and a journal written before the key: verified once, sealed, then tamper-evident.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legacyHash, purgeRefusal, type JournalAction } from '../../src-main/app/journal';
import { createServices, type Services } from '../../src-main/app/services';
import { caller, configured, fakeClock, postgresOf, tempDir, TEST_PASSWORD_PARAMS, valueOf } from './support/services';
import { byHand, sqliteFile } from './support/sqlite-file';
import type { PostgresConnection } from '../../src-main/db/open-postgres';

type Clock = ReturnType<typeof fakeClock>;

/** The PostgreSQL database of services opened again here (the first ones come from testServices). */
const reopenedOn = new WeakMap<Services, PostgresConnection>();

async function reopen(services: Services, clock: Clock) {
  const postgres = postgresOf(services) ?? reopenedOn.get(services);
  await services.close();
  const reopened = await createServices({
    dataDir: services.paths.dataDir,
    dialogs: services.dialogs,
    mode: 'browser',
    version: 'test',
    clock,
    passwordParams: TEST_PASSWORD_PARAMS,
    postgres,
  });
  if (postgres) reopenedOn.set(reopened, postgres);
  return reopened;
}

async function verify(services: Services) {
  // Straight through dispatch, as the Paramètres › Journal screen does (the check needs no session beyond the administrator's).
  const admin = await services.db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('role', '=', 'administrateur')
    .executeTakeFirstOrThrow();
  const user = { id: admin.id, displayName: admin.displayName, role: 'administrateur' as const };
  return valueOf(
    await caller(services, { user, token: services.sessions.create(user, services.clock.now()) })('journal/verify'),
  );
}

/** A journal of 5 entries, ids 1–5, written on 2 March 2026. */
async function journalOfFive() {
  const clock = fakeClock('2026-03-02T09:00:00.000Z');
  const { services, call } = await configured({ clock });
  for (const [i, year] of [2027, 2028, 2029, 2030].entries()) {
    clock.set(`2026-03-02T09:0${i + 1}:00.000Z`);
    valueOf(await call('settings/addWageRate', { effectiveFrom: `${year}-01-01`, hourlyCents: 1231 + i }));
  }
  expect(await verify(services)).toEqual({ valid: true, checked: 5, firstBrokenId: null, findings: [] });
  // Whoever edits the file by hand first removes the append-only triggers.
  await byHand(services).exec('drop trigger journal_no_update; drop trigger journal_no_delete;');
  return { services, clock };
}

type Row = {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  method: string;
  records: string;
  prevHash: string;
  hash: string;
};
const rows = (services: Services) =>
  byHand(services).all<Row>(
    'select id, at, user_id as "userId", action, method, records, prev_hash as "prevHash", hash from journal order by id',
  );
const entryOf = (row: Row) => ({
  at: row.at,
  userId: row.userId,
  action: row.action as JournalAction,
  method: row.method,
  records: JSON.parse(row.records) as string[],
});
const codes = (check: { findings: { code: string }[] }) => check.findings.map((f) => f.code);

describe('the journal detects tampering', () => {
  it('1. an entry edited in place', async () => {
    const { services } = await journalOfFive();
    await byHand(services).exec(`update journal set records = '["wageRate:99"]' where id = 3`);
    const check = await verify(services);
    expect(check).toMatchObject({ valid: false, firstBrokenId: 3 });
    expect(check.findings).toEqual([
      {
        code: 'entry-altered',
        entryId: 3,
        message: 'L’entrée n° 3 a été modifiée ou fabriquée : son sceau ne correspond pas à son contenu.',
      },
    ]);
  });

  it('2. an entry forged with a recomputed hash, SHA-256 or HMAC under a guessed key', async () => {
    const { services } = await journalOfFive();
    const last = (await rows(services)).at(-1)!;
    const forged = {
      at: '2026-03-02T10:00:00.000Z',
      userId: 1,
      action: 'change' as const,
      method: 'people/update',
      records: ['person:1'],
    };
    const insert = (...values: unknown[]) =>
      byHand(services).run(
        'insert into journal (id, at, user_id, action, method, records, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)',
        ...values,
      );
    const sha = legacyHash(last.hash, forged);
    await insert(6, forged.at, 1, forged.action, forged.method, JSON.stringify(forged.records), last.hash, sha);
    const guessed = createHmac('sha256', randomBytes(32))
      .update(JSON.stringify(['passerelle-journal-2', 7, sha, forged.at, 1, 'change', 'people/update', ['person:1']]))
      .digest('hex');
    await insert(7, forged.at, 1, forged.action, forged.method, JSON.stringify(forged.records), sha, guessed);
    const check = await verify(services);
    expect(check.findings.map((f) => [f.code, f.entryId])).toEqual([
      ['entry-altered', 6],
      ['entry-altered', 7],
    ]);
    expect(check.firstBrokenId).toBe(6);
  });

  it('3. re-chaining after an edit: every following hash recomputed', async () => {
    const { services } = await journalOfFive();
    let prev = (await rows(services))[0]!.hash;
    for (const row of (await rows(services)).slice(1)) {
      const records = row.id === 2 ? '["wageRate:1"]' : row.records;
      const hash = legacyHash(prev, { ...entryOf(row), records: JSON.parse(records) as string[] });
      await byHand(services).run(
        'update journal set records = ?, prev_hash = ?, hash = ? where id = ?',
        records,
        prev,
        hash,
        row.id,
      );
      prev = hash;
    }
    const check = await verify(services);
    expect(check.firstBrokenId).toBe(2);
    expect(codes(check)).toEqual(['entry-altered', 'entry-altered', 'entry-altered', 'entry-altered', 'head-mismatch']);
  });

  it('4. an entry deleted in the middle', async () => {
    const { services } = await journalOfFive();
    await byHand(services).exec('delete from journal where id = 3');
    const check = await verify(services);
    expect(check.findings).toEqual([
      { code: 'ids-missing', entryId: 3, message: 'L’entrée n° 3 manque : des entrées ont été supprimées.' },
    ]);
  });

  it('5. the last entries cut: seen at once, and journaled at the next start', async () => {
    const { services, clock } = await journalOfFive();
    await byHand(services).exec('delete from journal where id >= 4');
    const check = await verify(services);
    expect(check.findings).toEqual([
      {
        code: 'tail-cut',
        entryId: 5,
        message:
          'Les dernières entrées du journal ont été retirées : la tête du journal annonce 5 entrées jusqu’au n° 5, la base n’en a que 3.',
      },
    ]);
    clock.set('2026-03-03T08:00:00.000Z');
    const reopened = await reopen(services, clock);
    // The start rewrote the head, but the alert it journaled keeps the finding.
    const after = await verify(reopened);
    expect(after.valid).toBe(false);
    expect(after.findings.map((f) => f.message)).toContain(
      'Constaté au démarrage le 03/03/2026 à 09:00 : Les dernières entrées du journal ont été retirées : la tête du journal annonce 5 entrées jusqu’au n° 5, la base n’en a que 3. Une restauration de la base faite en dehors de Passerelle (par votre prestataire informatique, depuis une sauvegarde du serveur PostgreSQL ou une copie du fichier) donne aussi ce constat : demandez-lui s’il en a fait une, et quand.',
    );
    await reopened.close();
  });

  it('6. ids are never reused: a cut journal refilled leaves its gap; the last entry replaced under its number is caught', async () => {
    const { services, clock } = await journalOfFive();
    const last = (await rows(services)).at(-1)!;
    const records = '["wageRate:1"]';
    await byHand(services).run(
      'update journal set records = ?, hash = ? where id = 5',
      records,
      legacyHash(last.prevHash, { ...entryOf(last), records: JSON.parse(records) as string[] }),
    );
    expect(codes(await verify(services))).toEqual(['entry-altered', 'head-mismatch']);

    // Cut the last two and delete the head too: the next entries do not take numbers 4 and 5.
    await byHand(services).exec('delete from journal where id >= 4');
    rmSync(services.paths.journalHeadFile);
    clock.set('2026-03-03T08:00:00.000Z');
    const reopened = await reopen(services, clock);
    const check = await verify(reopened);
    expect((await rows(reopened)).map((r) => r.id)).toEqual([1, 2, 3, 6]);
    expect(check.findings.map((f) => f.message)).toEqual([
      'Les entrées n° 4 à 5 manquent : des entrées ont été supprimées.',
      'Constaté au démarrage le 03/03/2026 à 09:00 : Le fichier de tête du journal (journal-tete.json) a disparu : rien ne prouve plus que les dernières entrées sont toutes là.',
    ]);
    await reopened.close();
  });

  it('7. the head file deleted', async () => {
    const { services, clock } = await journalOfFive();
    rmSync(services.paths.journalHeadFile);
    expect(await verify(services)).toMatchObject({
      valid: false,
      findings: [
        {
          code: 'head-missing',
          message:
            'Le fichier de tête du journal (journal-tete.json) a disparu : rien ne prouve plus que les dernières entrées sont toutes là.',
        },
      ],
    });
    clock.set('2026-03-03T08:00:00.000Z');
    const reopened = await reopen(services, clock);
    expect(codes(await verify(reopened))).toEqual(['head-missing']);
    await reopened.close();
  });

  it('8. the head file edited to hide a cut', async () => {
    const { services } = await journalOfFive();
    await byHand(services).exec('delete from journal where id = 5');
    const head = JSON.parse(readFileSync(services.paths.journalHeadFile, 'utf8')) as Record<string, unknown>;
    const four = (await rows(services)).at(-1)!;
    writeFileSync(services.paths.journalHeadFile, JSON.stringify({ ...head, lastId: 4, count: 4, lastMac: four.hash }));
    expect(codes(await verify(services))).toEqual(['head-forged']);
  });

  it('9. the clock moved 400 days ahead: the purge is refused and journaled, nothing is deleted', async () => {
    const { services, clock } = await journalOfFive();
    clock.set('2027-04-06T09:10:00.000Z');
    let reopened = await reopen(services, clock);
    expect((await rows(reopened)).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    // Starting again does not launder the jump: the refusal does not count as the newest entry.
    clock.set('2027-04-06T09:15:00.000Z');
    reopened = await reopen(reopened, clock);
    expect((await rows(reopened)).map((r) => [r.id, r.action])).toEqual([
      [1, 'change'],
      [2, 'change'],
      [3, 'change'],
      [4, 'change'],
      [5, 'change'],
      [6, 'purge-refused'],
      [7, 'purge-refused'],
    ]);
    const check = await verify(reopened);
    expect(check.findings[0]).toEqual({
      code: 'purge-refused',
      entryId: 6,
      message:
        'La purge des entrées anciennes a été refusée le 06/04/2027 à 11:10 : l’horloge de l’ordinateur avait avancé de 400 jours depuis la dernière entrée.',
    });
    await reopened.close();
  });

  it('10. the clock moved back: the purge is refused, and entries dated before older ones are pointed out', async () => {
    const { services, clock } = await journalOfFive();
    clock.set('2026-02-28T09:00:00.000Z');
    const reopened = await reopen(services, clock);
    const check = await verify(reopened);
    expect(check.findings.map((f) => f.message)).toEqual([
      'L’entrée n° 6 est datée avant la précédente : l’horloge de l’ordinateur a reculé de 2884 minutes.',
      'La purge des entrées anciennes a été refusée le 28/02/2026 à 10:00 : l’horloge de l’ordinateur était 2884 minutes avant la dernière entrée.',
    ]);
    await reopened.close();
  });

  it('11. the journal key deleted', async () => {
    const { services, clock } = await journalOfFive();
    rmSync(path.join(services.paths.dataDir, 'cles', 'cle-journal.bin'));
    clock.set('2026-03-03T08:00:00.000Z');
    const reopened = await reopen(services, clock);
    const check = await verify(reopened);
    expect(check.findings).toEqual([
      {
        code: 'key-lost',
        entryId: 1,
        message:
          'La clé du journal a disparu de cet ordinateur : les entrées n° 1 à 5 ne peuvent plus être vérifiées ; le journal a été scellé de nouveau ensuite.',
      },
    ]);
    await reopened.close();
  });

  it('a journal written before the key is verified once, sealed, then an edit re-chained in SHA-256 is caught', async () => {
    const dataDir = tempDir();
    copyFileSync(path.resolve(__dirname, '../fixtures/db/v14.sqlite'), path.join(dataDir, 'passerelle.sqlite'));
    const clock = fakeClock('2026-12-20T09:00:00.000Z');
    const services = await createServices({
      dataDir,
      dialogs: { native: false, chooseFile: async () => null, chooseFolder: async () => null },
      mode: 'browser',
      version: 'test',
      clock,
      passwordParams: TEST_PASSWORD_PARAMS,
    });
    const before = await rows(services);
    const seal = before.at(-1)!;
    expect(seal).toMatchObject({
      action: 'seal',
      method: 'journal/seal',
      records: JSON.stringify(['previous:legacy', `journal:${before.length - 1}`]),
    });
    expect(await verify(services)).toMatchObject({ valid: true, findings: [] });

    sqliteFile(services).exec('drop trigger journal_no_update');
    let prev = before[0]!.prevHash;
    for (const row of before.slice(0, -1)) {
      const edited = row.id === before[0]!.id ? { ...entryOf(row), userId: 99 } : entryOf(row);
      const hash = legacyHash(prev, edited);
      sqliteFile(services)
        .prepare('update journal set user_id = ?, prev_hash = ?, hash = ? where id = ?')
        .run(edited.userId, prev, hash, row.id);
      prev = hash;
    }
    const check = await verify(services);
    expect(check.findings.map((f) => [f.code, f.entryId])).toEqual([['chain-broken', seal.id]]);
    await services.close();
  });
});

describe('the purge trusts the clock only when it agrees with the journal', () => {
  it.each([
    ['no entry yet', '2026-03-02T09:00:00.000Z', null, null],
    [
      'a few minutes behind (time synchronisation): it only waits',
      '2026-03-02T08:55:00.000Z',
      '2026-03-02T09:00:00.000Z',
      { reason: 'wait' },
    ],
    [
      '10 minutes behind, the limit: it waits',
      '2026-03-02T08:50:00.000Z',
      '2026-03-02T09:00:00.000Z',
      { reason: 'wait' },
    ],
    [
      '11 minutes behind: refused',
      '2026-03-02T08:49:00.000Z',
      '2026-03-02T09:00:00.000Z',
      { reason: 'behind', minutes: 11 },
    ],
    ['the same instant', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', null],
    ['60 days ahead, the limit: trusted', '2026-05-01T09:00:00.000Z', '2026-03-02T09:00:00.000Z', null],
    [
      '60 days and a minute ahead: refused',
      '2026-05-01T09:01:00.000Z',
      '2026-03-02T09:00:00.000Z',
      { reason: 'ahead', days: 60 },
    ],
    ['400 days ahead: refused', '2027-04-06T09:00:00.000Z', '2026-03-02T09:00:00.000Z', { reason: 'ahead', days: 400 }],
  ])('%s', (_case, now, newest, expected) => {
    expect(purgeRefusal(new Date(now), newest)).toEqual(expected);
  });
});

it('property: the purge goes ahead exactly when the clock is between the newest entry and 60 days after it', () => {
  const DAY = 86_400_000;
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
      fc.integer({ min: -400 * DAY, max: 400 * DAY }),
      (newest, gap) => {
        const verdict = purgeRefusal(new Date(newest + gap), new Date(newest).toISOString());
        if (gap >= 0 && gap <= 60 * DAY) expect(verdict).toBeNull();
        else if (gap < 0 && gap >= -10 * 60_000) expect(verdict).toEqual({ reason: 'wait' });
        else expect(verdict?.reason).toBe(gap < 0 ? 'behind' : 'ahead');
      },
    ),
  );
});
