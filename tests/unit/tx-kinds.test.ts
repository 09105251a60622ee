/**
 * Each method gets the database handle its declared transaction kind allows
 * (issue 26, item 2). The types leave a `read` handler no way to write; these
 * tests cast past them and show the database itself refuses: a `read` method
 * runs in a transaction in which the database rejects every write (SQLite:
 * PRAGMA query_only; PostgreSQL: a read-only transaction), its journal entry
 * is still written, and `write` methods write and journal as before. The
 * tests run on both engines: only the error the driver gives differs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { handlers } from '../../src-main/app/handlers';
import type { Handler } from '../../src-main/app/handler';
import type { WritableDb } from '../../src-main/db/access';
import type { Services } from '../../src-main/app/services';
import { caller, configured, sessionAs, valueOf } from './support/services';
import { testEngine } from './support/postgres';

/** How each engine's driver refuses a write in a read-only transaction: its error class and code. */
const REFUSAL = {
  sqlite: { name: 'SqliteError', code: 'SQLITE_READONLY' },
  // SQLSTATE 25006 read_only_sql_transaction; node-postgres names its errors `error`.
  postgres: { name: 'error', code: '25006' },
}[testEngine()];

const saved = new Map<string, unknown>();
function replace<M extends keyof typeof handlers>(method: M, handler: (typeof handlers)[M]) {
  if (!saved.has(method)) saved.set(method, handlers[method]);
  handlers[method] = handler;
}
afterEach(() => {
  for (const [method, handler] of saved) (handlers as Record<string, unknown>)[method] = handler;
  saved.clear();
});

/** Silences and keeps what dispatch logs of an internal failure (method and error class only). */
async function quietly<T>(work: () => Promise<T>): Promise<{ value: T; logged: string }> {
  const consoleError = console.error;
  const lines: string[] = [];
  console.error = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    return { value: await work(), logged: lines.join('\n') };
  } finally {
    console.error = consoleError;
  }
}

async function structureName(services: Services) {
  return (await services.db.selectFrom('structure').select('name').executeTakeFirstOrThrow()).name;
}

async function journal(services: Services) {
  return services.db.selectFrom('journal').select(['method', 'action']).orderBy('id').execute();
}

// Compile-time half: never called, checked by `npm run typecheck`.
export const readHandlerCannotWrite: Handler<'settings/get'> = async (_input, ctx) => {
  // @ts-expect-error a `read` handler's handle has no updateTable
  await ctx.db.updateTable('structure').set({ name: 'Piraté' }).execute();
  // @ts-expect-error nor insertInto, deleteFrom or transaction
  await ctx.db.transaction().execute(async (trx) => trx.deleteFrom('structure').execute());
  // @ts-expect-error nor the database behind it
  await ctx.services.db.updateTable('structure').set({ name: 'Piraté' }).execute();
  throw new Error('never called');
};
export const noneHandlerHasNoDb: Handler<'files/chooseFolder'> = async (_input, ctx) => {
  // @ts-expect-error a `none` handler reads through `read` and writes through `transaction`
  await ctx.db.selectFrom('structure').selectAll().execute();
  throw new Error('never called');
};
export const writeHandlerWrites: Handler<'settings/updateHours'> = async (_input, ctx) => {
  await ctx.db.updateTable('structure').set({ name: 'Permis' }).execute();
  throw new Error('never called');
};

describe('a `read` method', () => {
  it('fails when its handler writes past the types, and writes nothing', async () => {
    const { services, call } = await configured();
    const before = await journal(services);
    const original = handlers['settings/get'];
    replace('settings/get', async (input, ctx) => {
      await (ctx.db as unknown as WritableDb).updateTable('structure').set({ name: 'Piraté' }).execute();
      return original(input, ctx);
    });
    const { value: result, logged } = await quietly(() => call('settings/get'));
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // The database refused the statement: the method and the error class are logged, nothing else.
    expect(logged).toBe(`[passerelle] settings/get: échec interne (${REFUSAL.name}, ${REFUSAL.code})`);
    expect(await structureName(services)).toBe('CCAS de Kerbrénou');
    expect(await journal(services)).toEqual(before);
  });

  it('refuses the write itself, not only the failure that follows: a handler swallowing the error still wrote nothing', async () => {
    const { call } = await configured();
    const original = handlers['settings/get'];
    const refusals: unknown[] = [];
    replace('settings/get', async (input, ctx) => {
      const db = ctx.db as unknown as WritableDb;
      for (const attempt of [
        () => db.updateTable('structure').set({ name: 'Piraté' }).execute(),
        () =>
          db
            .insertInto('wageRates')
            .values({ effectiveFrom: '2030-01-01', hourlyCents: 9999, createdAt: ctx.now })
            .execute(),
        () => db.deleteFrom('wageRates').execute(),
        // The executor a `sql` template runs on is part of the readable handle: the database refuses it too.
        () => sql`update structure set name = 'Piraté'`.execute(ctx.db),
      ]) {
        await attempt().then(
          () => refusals.push('written'),
          (error: { code?: string }) => refusals.push(error.code),
        );
      }
      return original(input, ctx);
    });
    if (testEngine() === 'sqlite') {
      const settings = valueOf(await call('settings/get'));
      expect(refusals).toEqual(['SQLITE_READONLY', 'SQLITE_READONLY', 'SQLITE_READONLY', 'SQLITE_READONLY']);
      expect(settings.structure.name).toBe('CCAS de Kerbrénou');
      expect(settings.wageRates).toHaveLength(2);
    } else {
      // PostgreSQL refuses the first write, and an error ends what the transaction may do: every later statement
      // is refused too (25P02, in failed transaction), the method fails, and nothing was written.
      expect((await quietly(() => call('settings/get'))).value).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
      expect(refusals).toEqual(['25006', '25P02', '25P02', '25P02']);
      replace('settings/get', original);
      const settings = valueOf(await call('settings/get'));
      expect(settings.structure.name).toBe('CCAS de Kerbrénou');
      expect(settings.wageRates).toHaveLength(2);
    }
  });

  it('leaves the connection writable after it, whether it succeeded or failed', async () => {
    const { services, call } = await configured();
    replace('funders/list', async () => {
      throw new Error('échec');
    });
    expect(await quietly(() => call('funders/list', { includeArchived: false }))).toMatchObject({
      value: { ok: false, error: { code: 'INTERNAL' } },
    });
    expect((await call('contacts/list', { includeArchived: false })).ok).toBe(true);
    const hours = { morningStart: '09:00', morningEnd: '12:00', afternoonStart: '13:00', afternoonEnd: '16:00' };
    expect((await call('settings/updateHours', hours)).ok).toBe(true);
    const journaled = await journal(services);
    expect(journaled.at(-1)).toEqual({ method: 'settings/updateHours', action: 'change' });
    expect(valueOf(await call('settings/get')).hours).toEqual(hours);
    if (testEngine() === 'sqlite')
      expect((await sql<{ queryOnly: number }>`pragma query_only`.execute(services.db)).rows).toEqual([
        { queryOnly: 0 },
      ]);
    else
      expect(
        (await sql<{ transactionReadOnly: string }>`show transaction_read_only`.execute(services.db)).rows,
      ).toEqual([{ transactionReadOnly: 'off' }]);
  });

  it('still journals an audited read, in the same transaction as the read', async () => {
    const { services } = await configured();
    const psychologist = caller(services, await sessionAs(services, 'psychologue'));
    const before = (await journal(services)).length;
    expect(valueOf(await psychologist('debriefs/list'))).toEqual([]);
    const after = await journal(services);
    expect(after.slice(before)).toEqual([{ method: 'debriefs/list', action: 'read' }]);

    // A failing audited read leaves no entry: the entry and the read commit together or not at all.
    replace('debriefs/list', async () => {
      throw new Error('échec');
    });
    expect(await quietly(() => psychologist('debriefs/list'))).toMatchObject({
      value: { ok: false, error: { code: 'INTERNAL' } },
    });
    expect(await journal(services)).toEqual(after);
  });
});

describe('a `write` method', () => {
  it('writes and journals in its transaction', async () => {
    const { services, call } = await configured();
    const before = (await journal(services)).length;
    const hours = { morningStart: '08:00', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' };
    expect((await call('settings/updateHours', hours)).ok).toBe(true);
    expect(valueOf(await call('settings/get')).hours).toEqual(hours);
    expect((await journal(services)).slice(before)).toEqual([{ method: 'settings/updateHours', action: 'change' }]);
  });
});

describe('a `none` method', () => {
  it('reads through a read-only transaction and writes through its own', async () => {
    const { services, call } = await configured();
    const seen: unknown[] = [];
    replace('files/chooseFolder', async (_input, ctx) => {
      seen.push(
        await ctx.read(
          async ({ db }) => (await db.selectFrom('structure').select('name').executeTakeFirstOrThrow()).name,
        ),
      );
      await ctx
        .read(async ({ db }) =>
          (db as unknown as WritableDb).updateTable('structure').set({ name: 'Piraté' }).execute(),
        )
        .catch((error: { code?: string }) => seen.push(error.code));
      await ctx.transaction((db) => db.updateTable('structure').set({ logoFile: null }).execute());
      return { status: 'cancelled' as const };
    });
    expect(valueOf(await call('files/chooseFolder', { purpose: 'backup' }))).toEqual({ status: 'cancelled' });
    expect(seen).toEqual(['CCAS de Kerbrénou', REFUSAL.code]);
    expect(await structureName(services)).toBe('CCAS de Kerbrénou');
  });
});
