/**
 * The statements one call of the app sends to its database, caught on the
 * way (better-sqlite3's `prepare`, pg's `Client.query`), to be run again raw
 * as the call's floor: what the handler, Kysely, the pool and the shaping of
 * the answer add to the database's own work. How many there are tells a call
 * that asks row by row (each a round trip to a PostgreSQL server) from one
 * that asks once.
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

export interface Statement {
  sql: string;
  parameters: unknown[];
}

let caught: Statement[] | null = null;

const prepare = SqliteDatabase.prototype.prepare;
SqliteDatabase.prototype.prepare = function (this: SqliteDatabase.Database, source: string) {
  const statement = prepare.call(this, source) as SqliteDatabase.Statement;
  if (caught) {
    const into = caught;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...a: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...parameters: unknown[]) => {
        into.push({ sql: source, parameters: parameters.flat() });
        return original(...parameters);
      };
    }
  }
  return statement;
} as typeof prepare;

const query = pg.Client.prototype.query;
let keySettings: Statement | null = null;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [text, values] = args as [unknown, unknown];
  const statement = { sql: String(text), parameters: Array.isArray(values) ? values : [] };
  // The pads of the journal's key, given to a connection the first time it is reserved: not the call's work,
  // but what a raw connection needs once to seal the journal entries it replays.
  if (typeof text === 'string' && text.includes('passerelle.journal_')) keySettings = statement;
  else if (caught && typeof text === 'string') caught.push(statement);
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

/**
 * The statements `work` sent, in order, but its writes: a consultation of
 * personal data appends to the journal (on SQLite an insert sealed by the
 * process's `journal_mac`, with an id and HMAC computed in JavaScript), which
 * a replay cannot repeat without breaking the chain. The floor is then
 * the call's reads; the call itself still writes its journal entry.
 */
export async function capture(work: () => Promise<unknown>): Promise<Statement[]> {
  return (await captureAll(work)).filter(
    (s) =>
      !/^\s*(insert|update|delete)\b/i.test(s.sql) &&
      !s.sql.includes('journal_mac') &&
      !s.sql.includes('journal_append'),
  );
}

/**
 * Every statement `work` sent, its transaction's BEGIN and COMMIT and, on
 * PostgreSQL, its `journal_append` included: that server function reads the
 * chain's end, numbers and seals the entry itself, so running it again adds
 * a real, well-chained entry, and its COMMIT waits for the disk as the app's
 * does. This is a journaled consultation's whole floor on PostgreSQL.
 */
export async function captureAll(work: () => Promise<unknown>): Promise<Statement[]> {
  const into: Statement[] = [];
  caught = into;
  try {
    await work();
  } finally {
    caught = null;
  }
  return into;
}

/** Gives a raw `client` the journal key's pads the app's connections were given, so it can replay `journal_append`. */
export async function giveJournalKey(client: pg.Client): Promise<void> {
  if (!keySettings) throw new Error('Aucune connexion de l’application n’a encore reçu la clé du journal.');
  await client.query(keySettings.sql, keySettings.parameters);
}

/** Runs SQLite statements again on `sqlite` (prepared once), as the app ran them. */
export function sqliteReplay(sqlite: SqliteDatabase.Database, statements: Statement[]): () => void {
  const prepared = statements.map((s) => ({ statement: sqlite.prepare(s.sql), parameters: s.parameters }));
  return () => {
    for (const { statement, parameters } of prepared) {
      if (statement.reader) statement.all(...parameters);
      else statement.run(...parameters);
    }
  };
}

/** Runs PostgreSQL statements again on `client`, one round trip each, as the app sent them. */
export function postgresReplay(client: pg.Client, statements: Statement[]): () => Promise<void> {
  return async () => {
    for (const { sql, parameters } of statements) await client.query(sql, parameters);
  };
}
