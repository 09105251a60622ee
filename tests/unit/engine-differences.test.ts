/**
 * Each difference between SQLite and PostgreSQL that db/engine.ts answers,
 * checked on both engines with the same assertions (issue 28, item 2): the
 * migrated schema of each engine, a database of its own per engine.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  amongIds,
  asFlag,
  beginReadOnly,
  endReadOnly,
  engineOf,
  foldedContains,
  frenchOrder,
  greatestOf,
  highestIssuedId,
  integerParam,
  jsonArrayHasAny,
  jsonText,
  leastOf,
  textParam,
} from '../../src-main/db/engine';
import { fromFlag, toFlag } from '../../src-main/db/flags';
import { journalMac } from '../../src-main/db/journal-mac';
import type { Database } from '../../src-main/db/schema';
import { foldForSearch } from '../../src-main/shared/text';
import { engines, openTestDatabase, type TestDatabase } from './support/postgres';
import { shared } from './support/services';

const NOW = '2026-03-02T09:00:00.000Z';

function employer(name: string, archived: 0 | 1 = 0) {
  return {
    name,
    kind: 'ccas' as const,
    collectiveAgreement: null,
    providentBody: '',
    hourlyPriceCents: null,
    address: '1 rue du Port',
    postcode: '29000',
    town: 'Kerbrénou',
    siret: '12345678900011',
    pensionFund: 'IRCANTEC',
    payrollEmail: 'paie@example.org',
    signatoryName: 'Anne Le Bris',
    signatoryTitle: 'Présidente',
    archived,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe.each(engines())('on %s', (kind) => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  beforeAll(async () => {
    t = await shared(() => openTestDatabase(kind));
    db = t.db;
  });
  afterAll(async () => {
    await t.close();
  });

  it('knows which engine it speaks to', () => {
    expect(engineOf(db)).toBe(kind);
  });

  it('refuses a value of the wrong type in a typed column (SQLite: STRICT tables)', async () => {
    await expect(
      db
        .insertInto('wageRates')
        .values({ effectiveFrom: '2026-01-01', hourlyCents: 'douze' as never, createdAt: NOW })
        .execute(),
    ).rejects.toThrow();
  });

  it('gives a table its own ids, as numbers, and accepts one given explicitly', async () => {
    const first = await db
      .insertInto('employers')
      .values(employer('Premier'))
      .returning('id')
      .executeTakeFirstOrThrow();
    const second = await db
      .insertInto('employers')
      .values(employer('Second'))
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(typeof first.id).toBe('number');
    expect(second.id).toBe(first.id + 1);
    const given = await db
      .insertInto('wageRates')
      .values({ id: 500, effectiveFrom: '2020-01-01', hourlyCents: 1000, createdAt: NOW })
      .returning(['id', 'hourlyCents'])
      .executeTakeFirstOrThrow();
    expect(given).toEqual({ id: 500, hourlyCents: 1000 });
  });

  it('returns the changed rows of an update and a delete (RETURNING)', async () => {
    const { id } = await db
      .insertInto('employers')
      .values(employer('Retour'))
      .returning('id')
      .executeTakeFirstOrThrow();
    const updated = await db
      .updateTable('employers')
      .set({ town: 'Brest' })
      .where('id', '=', id)
      .returning(['id', 'town'])
      .execute();
    expect(updated).toEqual([{ id, town: 'Brest' }]);
    const deleted = await db.deleteFrom('employers').where('id', '=', id).returning('name').execute();
    expect(deleted).toEqual([{ name: 'Retour' }]);
  });

  it('keeps flags as 0/1, refuses any other value, and turns a comparison into a flag', async () => {
    const { id } = await db
      .insertInto('employers')
      .values(employer('Archivé', toFlag(true)))
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const row = await db.selectFrom('employers').select('archived').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.archived).toBe(1);
    expect(fromFlag(row.archived)).toBe(true);
    await expect(
      db
        .insertInto('employers')
        .values(employer('Deux', 2 as never))
        .execute(),
    ).rejects.toThrow();
    const { rows } = await sql<{
      yes: number;
      no: number;
    }>`select ${asFlag(db, sql`2 > 1`)} as yes, ${asFlag(db, sql`'2026-03-01' < '2026-02-28'`)} as no`.execute(db);
    expect(rows[0]).toEqual({ yes: 1, no: 0 });
  });

  it('updates on conflict instead of inserting twice (upsert)', async () => {
    for (const mapping of ['{"a":1}', '{"a":2}']) {
      await db
        .insertInto('importMappings')
        .values({ signature: 'nom|prénom', mapping, updatedAt: NOW })
        .onConflict((oc) => oc.column('signature').doUpdateSet({ mapping: (eb) => eb.ref('excluded.mapping') }))
        .execute();
    }
    await db
      .insertInto('importMappings')
      .values({ signature: 'nom|prénom', mapping: '{"a":3}', updatedAt: NOW })
      .onConflict((oc) => oc.column('signature').doNothing())
      .execute();
    const rows = await db.selectFrom('importMappings').select(['signature', 'mapping']).execute();
    expect(rows).toEqual([{ signature: 'nom|prénom', mapping: '{"a":2}' }]);
  });

  it.each([
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-31', -60, '2026-01-30'],
    ['2026-10-24', 7, '2026-10-31'],
  ])('adds days to an ISO date held as text: %s %s days → %s', async (date, days, expected) => {
    const { rows } = await sql<{ d: string }>`select ${addDays(db, sql`${date}`, days)} as d`.execute(db);
    expect(rows[0]!.d).toBe(expected);
  });

  it('gives the greatest and the least of several values, numbers or ISO dates (scalar max/min, greatest/least)', async () => {
    const { rows } = await sql<{
      high: number;
      low: number;
      later: string;
      earlier: string;
    }>`select ${greatestOf(db, [sql`0`, sql`${-15}`, sql`7`])} as high, ${leastOf(db, [sql`3`, sql`${-15}`, sql`7`])} as low,
        ${greatestOf(db, [sql`'2026-03-01'`, textParam('2026-02-28')])} as later,
        ${leastOf(db, [sql`'2026-03-01'`, textParam('2026-02-28')])} as earlier`.execute(db);
    expect(rows[0]).toEqual({ high: 7, low: -15, later: '2026-03-01', earlier: '2026-02-28' });
  });

  it('keeps the rows whose id a select answers, none when it answers none (in, or = any(array(…)))', async () => {
    for (const [day, cents] of [
      ['2031-01-01', 2101],
      ['2031-01-02', 2102],
      ['2031-01-03', 2103],
      ['2031-01-04', 2104],
    ] as const)
      await db.insertInto('wageRates').values({ effectiveFrom: day, hourlyCents: cents, createdAt: NOW }).execute();
    const kept = async (ids: RawBuilder<unknown>) =>
      (
        await sql<{ cents: number }>`select w.hourly_cents as cents from wage_rates w
          where w.effective_from like '2031-%' and ${amongIds(db, sql`w.id`, ids)} order by w.id`.execute(db)
      ).rows.map((r) => r.cents);
    expect(await kept(sql`select id from wage_rates where hourly_cents in (2102, 2104)`)).toEqual([2102, 2104]);
    expect(await kept(sql`select id from wage_rates where hourly_cents >= ${integerParam(2103)}`)).toEqual([
      2103, 2104,
    ]);
    expect(await kept(sql`select id from wage_rates where hourly_cents > 9999999`)).toEqual([]);
  });

  it('takes a parameter with nothing around to type it, once its type is said', async () => {
    const { rows } = await sql<{
      absent: number;
      present: number;
      dim: string;
      ordered: number;
      none: number;
    }>`select ${asFlag(db, sql`${textParam(null)} is null`)} as absent, ${asFlag(db, sql`${integerParam(12)} is null`)} as present,
        ${textParam('sexe')} as dim, ${asFlag(db, sql`${textParam('2026-01-01')} <= ${textParam('2026-12-31')}`)} as ordered,
        ${integerParam(null)} as none`.execute(db);
    expect(rows[0]).toEqual({ absent: 1, present: 0, dim: 'sexe', ordered: 1, none: null });
  });

  it('keeps dates as the ISO text they were written (no date type, no time zone)', async () => {
    const { id } = await db
      .insertInto('wageRates')
      .values({ effectiveFrom: '2026-07-01', hourlyCents: 1250, createdAt: '2026-07-01T00:30:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await db
      .selectFrom('wageRates')
      .select(['effectiveFrom', 'createdAt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ effectiveFrom: '2026-07-01', createdAt: '2026-07-01T00:30:00.000Z' });
    const later = await db.selectFrom('wageRates').select('id').where('effectiveFrom', '>=', '2026-06-30').execute();
    expect(later.map((r) => r.id)).toContain(id);
  });

  it.each(['Élodie LEFÈVRE', '  N’Diaye   Œuvre ', 'Ægir çà et là', 'Jean‘Pierre´s `x`', 'MÜLLER Ñandú'])(
    'folds %j exactly as foldForSearch does (fr_fold)',
    async (text) => {
      const { rows } = await sql<{ f: string }>`select fr_fold(${text}) as f`.execute(db);
      expect(rows[0]!.f).toBe(foldForSearch(text));
    },
  );

  it('finds folded text with LIKE, whatever the case and accents, % and _ taken literally', async () => {
    const names = ['Élodie Lefèvre', 'ELODIE MARTIN', 'Léa 100% Bio', 'Léa 100 Bio', 'chef_équipe', 'chefXéquipe'];
    const found = async (word: string) => {
      const { rows } = await sql<{
        name: string;
      }>`with v(name) as (values ${sql.join(names.map((n) => sql`(${n})`))})
         select name from v where ${foldedContains(sql`name`, foldForSearch(word))} order by name`.execute(db);
      return rows.map((r) => r.name);
    };
    expect(await found('élodie')).toEqual(['ELODIE MARTIN', 'Élodie Lefèvre'].sort());
    expect(await found('LEFEVRE')).toEqual(['Élodie Lefèvre']);
    expect(await found('100%')).toEqual(['Léa 100% Bio']);
    expect(await found('chef_')).toEqual(['chef_équipe']);
  });

  it('sorts French names in French order (accents and case do not come after z)', async () => {
    const names = ['Zoé', 'Émile', 'eve', 'Olivier', 'Œuvre', 'Ève', 'Abel', 'étienne'];
    const { rows } = await sql<{ name: string }>`with v(name) as (values ${sql.join(
      names.map((n) => sql`(${n})`),
    )}) select name from v order by ${frenchOrder(db, sql`name`)}, name`.execute(db);
    const sorted = rows.map((r) => r.name);
    expect(sorted.slice(0, 2)).toEqual(['Abel', 'Émile']);
    expect(sorted.indexOf('étienne')).toBeLessThan(sorted.indexOf('eve'));
    expect(sorted.indexOf('Œuvre')).toBeLessThan(sorted.indexOf('Olivier'));
    expect(sorted.at(-1)).toBe('Zoé');
    expect(sorted.slice(3, 5).sort()).toEqual(['eve', 'Ève'].sort());
  });

  it('reads a JSON field and a JSON array held as text', async () => {
    const doc = JSON.stringify({ mode: 'paper', copies: 2 });
    const { rows } = await sql<{
      mode: string | null;
      copies: string | null;
      absent: string | null;
    }>`select ${jsonText(db, sql`${doc}`, 'mode')} as mode, ${jsonText(db, sql`${doc}`, 'copies')} as copies, ${jsonText(db, sql`${doc}`, 'none')} as absent`.execute(
      db,
    );
    expect(rows[0]).toEqual({ mode: 'paper', copies: '2', absent: null });
    const records = JSON.stringify(['person:3', 'worksite:12']);
    const has = async (values: string[]) =>
      (await sql<{ n: number }>`select count(*) as n where ${jsonArrayHasAny(db, sql`${records}`, values)}`.execute(db))
        .rows[0]!.n;
    expect(await has(['worksite:12', 'person:9'])).toBe(1);
    expect(await has(['person:33'])).toBe(0);
    expect(await has([])).toBe(0);
  });

  it('answers counts and sums as numbers (PostgreSQL bigint and numeric parsed)', async () => {
    const row = await db
      .selectFrom('wageRates')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('hourlyCents').as('total')])
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe('number');
    expect(typeof row.total).toBe('number');
    expect(row.total).toBeGreaterThan(0);
  });

  it('keeps the journal append-only, deletes only while purging, never gives an id twice', async () => {
    const entry = (n: number) => ({
      at: NOW,
      userId: null,
      action: 'change' as const,
      method: 'test/run',
      records: '[]',
      prevHash: String(n),
      hash: String(n + 1),
    });
    const ids: number[] = [];
    for (const n of [1, 2, 3])
      ids.push((await db.insertInto('journal').values(entry(n)).returning('id').executeTakeFirstOrThrow()).id);
    await expect(db.updateTable('journal').set({ action: 'read' }).where('id', '=', ids[0]!).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('journal').where('id', '=', ids[2]!).execute()).rejects.toThrow(/append-only/);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('journalState').set({ purging: 1 }).where('id', '=', 1).execute();
      await trx.deleteFrom('journal').where('id', '=', ids[2]!).execute();
      await trx.updateTable('journalState').set({ purging: 0 }).where('id', '=', 1).execute();
    });
    expect(await highestIssuedId(db, 'journal')).toBe(ids[2]);
    const next = await db.insertInto('journal').values(entry(4)).returning('id').executeTakeFirstOrThrow();
    expect(next.id).toBe(ids[2]! + 1);
  });

  it('refuses writes in a read-only stretch of a transaction, then writes again in it', async () => {
    const before = await db.selectFrom('wageRates').select('id').execute();
    const attempt = db.transaction().execute(async (trx) => {
      await beginReadOnly(trx);
      try {
        await trx
          .insertInto('wageRates')
          .values({ effectiveFrom: '2031-01-01', hourlyCents: 1, createdAt: NOW })
          .execute();
      } finally {
        await endReadOnly(trx);
      }
    });
    await expect(attempt).rejects.toThrow(/read.?only|readonly/i);
    await db.transaction().execute(async (trx) => {
      await beginReadOnly(trx);
      const seen = await trx.selectFrom('wageRates').select('id').execute();
      await endReadOnly(trx);
      expect(seen).toHaveLength(before.length);
      await trx
        .insertInto('wageRates')
        .values({ effectiveFrom: '2032-01-01', hourlyCents: 2, createdAt: NOW })
        .execute();
    });
    expect(await db.selectFrom('wageRates').select('id').execute()).toHaveLength(before.length + 1);
  });

  it('seals with the journal key given to the connection, as the JavaScript HMAC does, the key never in SQL', async () => {
    const key = Buffer.from('9f'.repeat(32), 'hex');
    t.engine.useJournalKey(key);
    const payload = 'seal|2026-03-02T09:00:00.000Z|{"records":["person:1"]}|Élodie’s';
    const run = async () =>
      (await sql<{ mac: string }>`select journal_mac(${payload}) as mac`.execute(db)).rows[0]!.mac;
    expect(await run()).toBe(journalMac(key, payload));
    // Every connection of the pool, even inside a transaction, computes with the same key.
    const inTransactions = await Promise.all(
      [1, 2, 3].map(() =>
        db
          .transaction()
          .execute(
            async (trx) =>
              (await sql<{ mac: string }>`select journal_mac(${payload}) as mac`.execute(trx)).rows[0]!.mac,
          ),
      ),
    );
    expect(new Set(inTransactions)).toEqual(new Set([journalMac(key, payload)]));
    const other = Buffer.from('01'.repeat(32), 'hex');
    t.engine.useJournalKey(other);
    expect(await run()).toBe(journalMac(other, payload));
  });
});
