/**
 * What is particular to the storage engine (SQLite today): file maintenance,
 * pragmas, online copies, opening a copy to read it. The rest of main asks for
 * these by name and never holds the raw better-sqlite3 handle, so a second
 * engine has one place to answer them.
 *
 * Two halves: `Engine`, bound to the live database the app has open (built by
 * `openDatabase`), and functions on database files that are not open in the
 * app (a snapshot in the making, a copy in a backup, an automatic copy),
 * which the backup worker thread uses too (so no Kysely here: the worker
 * stays small). Such a file opened for the repositories: `openReadOnly` in
 * open.ts.
 */
import SqliteDatabase from 'better-sqlite3';
import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type Expression,
  type Kysely,
  type RawBuilder,
} from 'kysely';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { AppError } from '../shared/errors';
import { registerJournalMac } from './journal-mac';
import type { ExportFacts } from './logical';
import { sqliteOptions } from './native-binding';

/** The two storage engines: one SQLite file on the PC (the default), or a PostgreSQL server. */
export type EngineKind = 'sqlite' | 'postgres';

/** Which engine a Kysely instance (or a transaction of it) speaks to, from its dialect's adapter. */
export function engineOf(db: Pick<Kysely<any>, 'getExecutor'>): EngineKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Where a backup takes the data from: the live SQLite file (the backup worker
 * snapshots and exports it off the main thread), or an export file already
 * written (PostgreSQL, exported through the app's connection).
 */
export type BackupSource = { liveFile: string } | { dataFile: string; facts: ExportFacts };

export interface Engine {
  readonly kind: EngineKind;
  /** The live database file (what a snapshot is taken from); '' on PostgreSQL. */
  readonly file: string;
  /**
   * Rewrites the storage so that erased rows leave no trace: SQLite rewrites
   * the whole file (VACUUM) and folds the write-ahead log back in; PostgreSQL
   * rewrites `tables` (VACUUM FULL, outside any transaction). Table names as
   * the repositories spell them (camelCase).
   */
  compact(tables: readonly string[]): Promise<void>;
  /**
   * A copy of the live database into the SQLite file `target`, while the app
   * goes on: SQLite's online backup (whole pages), or PostgreSQL's data
   * through its logical copy (db/logical.ts) into a new SQLite file.
   */
  snapshotTo(target: string): Promise<void>;
  /** What a backup reads the data from; an export file is written in `workDir`. */
  backupSource(workDir: string): Promise<BackupSource>;
  /**
   * PostgreSQL only: every row replaced by those of `staging` (a SQLite file
   * at the same schema version, db/staging.ts), in one transaction. SQLite
   * swaps the file itself while the database is closed instead.
   */
  replaceData(staging: string): Promise<void>;
  /** Gives the connection the journal's key, as the SQL function every journal append seals its entry with. */
  useJournalKey(key: Buffer): void;
}

/** Whether the data is on a server (PostgreSQL) rather than in a file on this PC: what the information notice says of its copies. */
export function keptOnServer(engine: Pick<Engine, 'kind'>): boolean {
  return engine.kind === 'postgres';
}

export function sqliteEngine(sqlite: SqliteDatabase.Database): Engine {
  return {
    kind: 'sqlite',
    file: sqlite.name,
    compact: async () => {
      sqlite.exec('VACUUM');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
    snapshotTo: async (target) => {
      await sqlite.backup(target);
    },
    backupSource: async () => ({ liveFile: sqlite.name }),
    replaceData: async () => {
      throw new AppError('INTERNAL', 'Une base SQLite se remplace par son fichier, base fermée.');
    },
    useJournalKey: (key) => registerJournalMac(sqlite, key),
  };
}

/**
 * Page cache of the short-lived connections below (KiB, negative as SQLite
 * wants it): better-sqlite3's default of 16 MB each, on top of the live
 * connection's, is what a one-pass read never needs.
 */
const ONE_PASS_CACHE = 'cache_size = -1024';

/** A read-only connection to a file that must exist, with a small cache, closed after `use`. */
function withCopy<T>(file: string, use: (copy: SqliteDatabase.Database) => T): T {
  const copy = new SqliteDatabase(file, sqliteOptions({ readonly: true, fileMustExist: true }));
  try {
    copy.pragma(ONE_PASS_CACHE);
    return use(copy);
  } finally {
    copy.close();
  }
}

/**
 * A consistent, compacted copy of a database file into `target`, which must
 * not exist yet: one self-contained file (no -wal/-shm), freed pages left
 * behind, synced to disk. Made through its own read-only connection, so it
 * runs beside the app's (WAL lets it read while the window keeps writing).
 */
export function compactCopy(liveFile: string, target: string): void {
  withCopy(liveFile, (live) => {
    live.pragma('busy_timeout = 5000');
    live.prepare('VACUUM INTO ?').run(target);
  });
  // VACUUM INTO leaves syncing to the caller.
  const fd = openSync(target, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether a database file passes SQLite's full integrity check (an unreadable file does not). */
export function checkIntegrity(file: string): boolean {
  try {
    return withCopy(file, (copy) => copy.pragma('integrity_check', { simple: true }) === 'ok');
  } catch {
    return false;
  }
}

export interface CopyFacts {
  /** Integrity check passed and no foreign key points nowhere. */
  sound: boolean;
  schemaVersion: number;
  structureName: string;
  counts: { persons: number; worksites: number; documents: number };
}

/** What a backup records of the database copy it carries: whether it is sound, and what the restore preview shows. */
export function describeCopy(file: string): CopyFacts {
  return withCopy(file, (copy) => {
    const sound =
      copy.pragma('integrity_check', { simple: true }) === 'ok' &&
      (copy.pragma('foreign_key_check') as unknown[]).length === 0;
    if (!sound)
      return { sound, schemaVersion: 0, structureName: '', counts: { persons: 0, worksites: 0, documents: 0 } };
    const count = (table: 'persons' | 'worksites' | 'documents') =>
      (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const structure = copy.prepare('select name from structure').get() as { name: string } | undefined;
    return {
      sound,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      structureName: structure?.name ?? '',
      counts: { persons: count('persons'), worksites: count('worksites'), documents: count('documents') },
    };
  });
}

/*
 * The SQL that differs between the engines, each answered for both. The rest
 * of db/ (migrations and repositories) asks for these by name; a test runs
 * each on both engines (tests/unit/engine-differences.test.ts).
 */

/** What a migration gets: enough to ask which engine it runs on. */
type Db = Pick<Kysely<any>, 'getExecutor'>;

/**
 * The end of a `create table`: SQLite's STRICT (a column holds only values of
 * its declared type; PostgreSQL columns always do), nothing on PostgreSQL.
 * Use: `.modifyEnd(strictTable(db))`.
 */
export function strictTable(db: Db): RawBuilder<unknown> {
  return engineOf(db) === 'sqlite' ? sql`strict` : sql``;
}

/**
 * A table's own id, given by the engine on insert: SQLite's `integer primary
 * key` (the rowid), PostgreSQL's `generated by default as identity` (an id
 * given explicitly is accepted, as on SQLite). Use:
 * `.addColumn('id', 'integer', autoId(db))`.
 */
export function autoId(db: Db): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engineOf(db) === 'sqlite'
    ? (column) => column.primaryKey()
    : (column) => column.primaryKey().generatedByDefaultAsIdentity();
}

/**
 * The date `days` after (or before, negative) an ISO date held as text, as
 * ISO text again ('YYYY-MM-DD'): dates stay text on both engines.
 */
export function addDays(db: Db, date: Expression<string> | RawBuilder<string>, days: number | RawBuilder<number>) {
  return engineOf(db) === 'sqlite'
    ? sql<string>`date(${date}, ${sql`${days}`} || ' days')`
    : sql<string>`to_char(cast(${date} as date) + cast(${days} as integer), 'YYYY-MM-DD')`;
}

/**
 * Accent- and case-folded text, as `foldForSearch` (shared/text.ts) folds it:
 * the SQL function `fr_fold` on both engines (a JavaScript function of the
 * connection on SQLite, a SQL function installed by `installPostgresFunctions`
 * on PostgreSQL).
 */
export function fold(value: Expression<string> | RawBuilder<string>) {
  return sql<string>`fr_fold(${value})`;
}

/**
 * Whether folded `value` contains `word` (already folded by `foldForSearch`),
 * `%` and `_` in it taken literally. Both sides are folded: SQLite's LIKE
 * ignores ASCII case and PostgreSQL's does not, which folding makes moot.
 */
export function foldedContains(value: Expression<string> | RawBuilder<string>, word: string) {
  const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<boolean>`fr_fold(${value}) like ${`%${escaped}%`} escape '\\'`;
}

/**
 * A comparison's result as the 0/1 flag the app stores (db/flags.ts): SQLite
 * answers 0/1 already, PostgreSQL answers a boolean (`true`/`false` in
 * JavaScript), turned into an integer.
 */
export function asFlag(db: Db, condition: Expression<unknown> | RawBuilder<unknown>) {
  return engineOf(db) === 'sqlite' ? sql<0 | 1>`(${condition})` : sql<0 | 1>`cast((${condition}) as integer)`;
}

/**
 * A text column to sort French names by: PostgreSQL's ICU French collation
 * (é with e, œ with oe, case second); SQLite has no ICU, so its folded form
 * (`fr_fold`). Use in `orderBy`, the column itself after it to break ties.
 */
export function frenchOrder(db: Db, column: Expression<string> | RawBuilder<string>) {
  return engineOf(db) === 'sqlite' ? sql<string>`fr_fold(${column})` : sql<string>`${column} collate "fr-x-icu"`;
}

/** The text of `key` in a JSON object held as text (null when absent). */
export function jsonText(db: Db, column: Expression<string> | RawBuilder<string>, key: string) {
  return engineOf(db) === 'sqlite'
    ? sql<string | null>`cast(json_extract(${column}, ${`$.${key}`}) as text)`
    : sql<string | null>`(cast(${column} as jsonb) ->> ${key})`;
}

/** Whether a JSON array of strings held as text holds at least one of `values`. */
export function jsonArrayHasAny(db: Db, column: Expression<string> | RawBuilder<string>, values: readonly string[]) {
  if (values.length === 0) return sql<boolean>`(1 = 0)`;
  return engineOf(db) === 'sqlite'
    ? sql<boolean>`exists (select 1 from json_each(${column}) as j where j.value in (${sql.join(values)}))`
    : sql<boolean>`exists (select 1 from jsonb_array_elements_text(cast(${column} as jsonb)) as j(value) where j.value in (${sql.join(values)}))`;
}

/**
 * The highest id a table's own ids ever gave, even if that row was deleted
 * since (0 when none): SQLite keeps it in `sqlite_sequence` for AUTOINCREMENT
 * tables, PostgreSQL in the identity's sequence.
 */
export async function highestIssuedId(db: Db, table: string): Promise<number> {
  if (engineOf(db) === 'sqlite') {
    const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);
    return rows[0]?.seq ?? 0;
  }
  const { rows } = await sql<{ seq: number | string | null }>`
    select pg_sequence_last_value(cast(pg_get_serial_sequence(${table}, 'id') as regclass)) as seq`.execute(db);
  return Number(rows[0]?.seq ?? 0);
}

/**
 * Makes the rest of the current transaction refuse writes, until
 * `endReadOnly`. SQLite: `PRAGMA query_only` on the one connection.
 * PostgreSQL: `SET TRANSACTION READ ONLY` cannot be undone inside the same
 * transaction, but a savepoint can: the read-only part runs inside one, rolled
 * back at the end (it wrote nothing), which restores read-write.
 */
export async function beginReadOnly(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') await sql`pragma query_only = on`.execute(db);
  // One round trip to the server for both (a statement without parameters may hold several): every read call pays it.
  else await sql`savepoint passerelle_read_only; set transaction read only`.execute(db);
}

/** Ends `beginReadOnly`: writes are allowed again in the transaction. */
export async function endReadOnly(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') await sql`pragma query_only = off`.execute(db);
  else await sql`rollback to savepoint passerelle_read_only`.execute(db);
}

/**
 * PostgreSQL's side of the SQL functions SQLite gets from JavaScript (open.ts):
 * `fr_fold`, the folding of `foldForSearch` (shared/text.ts): canonical
 * decomposition (NFD) then the combining marks U+0300–U+036F dropped (those of
 * every Latin letter; JavaScript drops every mark), œ/æ spelled out, the
 * typographic apostrophes made straight, lower case, runs of white space made
 * one space, trimmed. Installed again at each opening, so it follows the code.
 */
export async function installPostgresFunctions(db: Kysely<any>): Promise<void> {
  await sql`create or replace function fr_fold(value text) returns text
    language sql immutable strict parallel safe as $$
      select btrim(regexp_replace(lower(translate(
        replace(replace(replace(replace(
          regexp_replace(normalize(value, NFD), '[\\u0300-\\u036f]', '', 'g'),
          'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
        '’‘\`´', '''''''''')), '\\s+', ' ', 'g'))
    $$`.execute(db);
  // HMAC-SHA-256 (RFC 2104) from the built-in sha256(), so no extension is needed on the server: the key's
  // inner and outer pads are settings of the connection alone (`journalKeySettings`), never written anywhere.
  await sql`create or replace function journal_mac(payload text) returns text
    language sql stable parallel safe as $$
      select encode(sha256(decode(current_setting('passerelle.journal_opad'), 'hex')
        || sha256(decode(current_setting('passerelle.journal_ipad'), 'hex') || convert_to(payload, 'UTF8'))), 'hex')
    $$`.execute(db);
  // The journal's append in one round trip (repositories/journal.ts, `appendChained`): takes the journal's lock,
  // reads the chain's end (a VOLATILE function: each statement sees what committed before it, so what the previous
  // holder of the lock committed), gives the next id, seals the entry with `journal_mac` over the payload of
  // app/journal.ts's `keyedPayload` — its head, ["passerelle-journal-2",<id>,"<previous HMAC>", made here, then
  // `tail` as the app made it —, inserts it and answers its id and HMAC.
  await sql`create or replace function journal_append(lock_space integer, lock_key integer, entry_at text,
      entry_user_id integer, entry_action text, entry_method text, entry_records text, tail text)
    returns table (id integer, hash text)
    language plpgsql volatile as $$
    declare
      end_id integer;
      end_hash text;
      next_id integer;
      mac text;
    begin
      perform pg_advisory_xact_lock(lock_space, lock_key);
      select j.id, j.hash into end_id, end_hash from journal j order by j.id desc limit 1;
      if not found then
        select s.anchor_id, s.anchor_hash into end_id, end_hash from journal_state s where s.id = 1;
      end if;
      -- Never an id given before, even to an entry cut since: journal_state.last_id (migration 029) remembers it.
      next_id := greatest(coalesce(pg_sequence_last_value(cast(pg_get_serial_sequence('journal', 'id') as regclass)), 0),
        end_id, (select s.last_id from journal_state s where s.id = 1),
        (select s.anchor_id from journal_state s where s.id = 1)) + 1;
      mac := journal_mac('["passerelle-journal-2",' || next_id || ',' || to_json(end_hash)::text || ',' || tail);
      insert into journal (id, at, user_id, action, method, records, prev_hash, hash)
        values (next_id, entry_at, entry_user_id, entry_action, entry_method, entry_records, end_hash, mac);
      update journal_state set last_id = next_id where journal_state.id = 1 and journal_state.last_id < next_id;
      return query select next_id, mac;
    end
    $$`.execute(db);
}

/** The two settings a PostgreSQL connection's `journal_mac` computes the HMAC with: the key padded to SHA-256's 64-byte block, XORed with 0x36 and 0x5c (RFC 2104). */
export function journalKeySettings(key: Buffer): { ipad: string; opad: string } {
  if (key.length > 64) throw new Error('journal key longer than a SHA-256 block');
  const block = Buffer.alloc(64);
  key.copy(block);
  const pad = (byte: number) => Buffer.from(block.map((b) => b ^ byte)).toString('hex');
  return { ipad: pad(0x36), opad: pad(0x5c) };
}

/** The type of a column of raw bytes: SQLite's `blob`, PostgreSQL's `bytea`. */
export function bytesType(db: Db): 'blob' | 'bytea' {
  return engineOf(db) === 'sqlite' ? 'blob' : 'bytea';
}

/**
 * The journal's append-only guard (issue 24): an update is always refused, a
 * delete unless `journal_state.purging` is 1. SQLite: two triggers raising
 * ABORT; PostgreSQL: one trigger function for both.
 */
export async function guardJournalAppendOnly(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`create trigger journal_no_update before update on journal
    begin select raise(abort, 'journal is append-only'); end`.execute(db);
    await sql`create trigger journal_no_delete before delete on journal
    when (select purging from journal_state where id = 1) = 0
    begin select raise(abort, 'journal is append-only'); end`.execute(db);
    return;
  }
  await sql`create or replace function journal_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and (select purging from journal_state where id = 1) = 1 then return old; end if;
      raise exception 'journal is append-only';
    end $$`.execute(db);
  await sql`create trigger journal_no_update before update on journal
    for each row execute function journal_append_only()`.execute(db);
  await sql`create trigger journal_no_delete before delete on journal
    for each row execute function journal_append_only()`.execute(db);
}

/** Whether `db` is SQLite: for the few migration steps only SQLite needs (a table made again to change what it cannot alter). */
export function onSqlite(db: Db): boolean {
  return engineOf(db) === 'sqlite';
}

/** An integer that may pass 2³¹ (a size in bytes): SQLite's integers are 8 bytes already, PostgreSQL's `integer` is 4. */
export function wideInteger(db: Db): 'integer' | 'bigint' {
  return engineOf(db) === 'sqlite' ? 'integer' : 'bigint';
}

/**
 * 1 when `key` of a JSON object held as text is true (or 1), else 0 (absent
 * included): a flag read from a snapshot.
 */
export function jsonFlag(db: Db, column: Expression<string> | RawBuilder<string>, key: string) {
  return engineOf(db) === 'sqlite'
    ? sql<0 | 1>`(coalesce(json_extract(${column}, ${`$.${key}`}), 0) = 1)`
    : sql<0 | 1>`(case when cast(${column} as jsonb) -> ${key} in ('true'::jsonb, '1'::jsonb) then 1 else 0 end)`;
}

/** A JSON array of `items`, as text. */
export function jsonArrayOf(db: Db, items: readonly RawBuilder<unknown>[]) {
  return engineOf(db) === 'sqlite'
    ? sql<string>`json_array(${sql.join(items)})`
    : sql<string>`cast(json_build_array(${sql.join(items)}) as text)`;
}

/** The greatest of values none of which is null: SQLite's scalar `max(a, b, …)`, PostgreSQL's `greatest`. */
export function greatestOf(db: Db, values: readonly (Expression<unknown> | RawBuilder<unknown>)[]) {
  return engineOf(db) === 'sqlite' ? sql`max(${sql.join(values)})` : sql`greatest(${sql.join(values)})`;
}

/** The least of values none of which is null: SQLite's scalar `min(a, b, …)`, PostgreSQL's `least`. */
export function leastOf(db: Db, values: readonly (Expression<unknown> | RawBuilder<unknown>)[]) {
  return engineOf(db) === 'sqlite' ? sql`min(${sql.join(values)})` : sql`least(${sql.join(values)})`;
}

/**
 * A bound text value with its type said (`cast($1 as text)`), for raw SQL
 * where nothing around it gives one (`$1 is null`, `select $1 as dim`,
 * `$1 <= $2`): PostgreSQL must know a parameter's type when it prepares the
 * statement and refuses otherwise; SQLite's values carry their type. The same
 * SQL on both engines.
 */
export function textParam(value: string | null) {
  return sql<string | null>`cast(${value} as text)`;
}

/**
 * Whether `value` is one of the ids a one-column select (`ids`) answers: a
 * filter that lets PostgreSQL read a big table by an index starting with
 * `value`, for those ids only. PostgreSQL: `value = any(array(ids))`, the
 * select run once, the index probed for the ids of its array. Written
 * `value in (ids)`, it is a semi-join, which PostgreSQL's costs (each probe
 * priced as a read from disk) make a scan of the whole table. It guesses the
 * array holds ten ids and plans the joins after it for few rows: keep it for
 * reading a small part of a table (a period's people among all), joined on
 * keys; for most of a table, the joins planned for few rows are the slower.
 * SQLite: `+value in (ids)`, a plain filter: the unary `+` leaves SQLite's
 * plan to the joins, which read the index already (driven from the list
 * instead, it built a temporary index for the rest), see « Disqualifying
 * WHERE clause terms using unary-"+" », https://www.sqlite.org/optoverview.html.
 */
export function amongIds(db: Db, value: Expression<number> | RawBuilder<number>, ids: RawBuilder<unknown>) {
  return engineOf(db) === 'sqlite' ? sql<boolean>`+${value} in (${ids})` : sql<boolean>`${value} = any(array(${ids}))`;
}

/** A bound integer with its type said (`cast($1 as integer)`): see `textParam`. */
export function integerParam(value: number | null) {
  return sql<number | null>`cast(${value} as integer)`;
}
