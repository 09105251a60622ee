/**
 * The engine-neutral copy of a database (issue 28, item 5): every table's rows
 * as typed JSON, in dependency order, with the schema version. A backup carries
 * it instead of the SQLite file, so a backup made on either engine restores on
 * the other with identical data.
 *
 * The file ("donnees.jsonl"), one JSON value per line:
 *   {"passerelle":"donnees","version":1,"schemaVersion":N,"engine":"sqlite"|"postgres"}
 *   then for each table, parents before the tables that point to them:
 *   {"table":name,"columns":[{"name","type"}…],"highestId":n|null}
 *   one JSON array per row, the columns' values in order (integers and text as
 *   JSON, bytes as {"b64":"…"}, null as null)
 *   {"end":true,"tables":count}
 * `highestId` is the highest id the table ever gave (SQLite's sqlite_sequence,
 * PostgreSQL's identity sequence): ids are never reused after a restore.
 *
 * Restoring goes through a SQLite file ("staging"), on either engine: made at
 * the backup's schema version, filled, checked (its journal too), migrated;
 * PostgreSQL then takes its rows in one transaction (`importIntoPostgres`).
 */
import SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { PASSERELLE_SCHEMA_TABLE } from './postgres-marker';
import { sqliteOptions } from './native-binding';

/** The entry of a backup that holds the logical copy. */
export const DATA_ENTRY = 'donnees.jsonl';
export const LOGICAL_VERSION = 1;

export type ColumnType = 'integer' | 'real' | 'text' | 'blob';
export interface TableHead {
  table: string;
  columns: { name: string; type: ColumnType }[];
  highestId: number | null;
}
export type Value = number | string | Buffer | null;

export interface ExportFacts {
  schemaVersion: number;
  structureName: string;
  counts: { persons: number; worksites: number; documents: number };
}

const BAD_EXPORT =
  'Les données de cette sauvegarde sont illisibles (fichier abîmé ou d’un format inconnu) : elle ne peut pas être restaurée.';

function columnType(declared: string): ColumnType {
  const t = declared.toLowerCase();
  if (t.includes('int')) return 'integer';
  if (t.includes('char') || t.includes('text') || t === '') return 'text';
  if (t.includes('blob') || t.includes('bytea')) return 'blob';
  if (t.includes('real') || t.includes('double') || t.includes('float') || t.includes('numeric')) return 'real';
  throw new AppError('INTERNAL', `Type de colonne inattendu dans la base : ${declared}.`);
}

/** Tables, parents first (a table after every table it references; a self-reference is left to the row order). */
export function dependencyOrder(tables: string[], references: Map<string, string[]>): string[] {
  const done = new Set<string>();
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table) || path.has(table)) return;
    path.add(table);
    for (const parent of [...(references.get(table) ?? [])].sort()) if (parent !== table) visit(parent, path);
    path.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, new Set());
  return ordered;
}

/** Writes the export file line by line, counting what the manifest shows. */
class ExportWriter {
  private readonly fd: number;
  private buffered: string[] = [];
  private size = 0;
  private tables = 0;
  private current = '';
  private nameAt = -1;
  readonly facts: ExportFacts;

  constructor(target: string, schemaVersion: number, engine: 'sqlite' | 'postgres') {
    this.fd = openSync(target, 'wx', 0o600);
    this.facts = { schemaVersion, structureName: '', counts: { persons: 0, worksites: 0, documents: 0 } };
    this.line({ passerelle: 'donnees', version: LOGICAL_VERSION, schemaVersion, engine });
  }

  table(head: TableHead) {
    this.tables++;
    this.current = head.table;
    this.nameAt = head.table === 'structure' ? head.columns.findIndex((c) => c.name === 'name') : -1;
    this.line(head);
  }

  row(values: Value[]) {
    const t = this.current;
    if (t === 'persons' || t === 'worksites' || t === 'documents') this.facts.counts[t]++;
    if (this.nameAt >= 0 && this.facts.structureName === '') this.facts.structureName = String(values[this.nameAt]);
    this.line(
      values.map((v) => {
        if (Buffer.isBuffer(v)) return { b64: v.toString('base64') };
        if (typeof v === 'bigint') return Number(v);
        if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v))
          throw new AppError('INTERNAL', 'Un nombre de la base dépasse la précision gérée.');
        return v;
      }),
    );
  }

  end() {
    this.line({ end: true, tables: this.tables });
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  abort() {
    closeSync(this.fd);
  }

  private line(value: unknown) {
    const text = JSON.stringify(value);
    this.buffered.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush() {
    if (this.buffered.length === 0) return;
    writeSync(this.fd, this.buffered.join('\n') + '\n');
    this.buffered = [];
    this.size = 0;
  }
}

/* ---------- SQLite ---------- */

function sqliteTables(db: SqliteDatabase.Database): { order: string[]; autoincrement: Set<string> } {
  const rows = db
    .prepare(
      "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name",
    )
    .all() as { name: string; sql: string }[];
  const references = new Map<string, string[]>();
  for (const { name } of rows)
    references.set(
      name,
      (db.pragma(`foreign_key_list(${quote(name)})`) as { table: string }[]).map((fk) => fk.table),
    );
  return {
    order: dependencyOrder(
      rows.map((r) => r.name),
      references,
    ),
    autoincrement: new Set(rows.filter((r) => /autoincrement/i.test(r.sql)).map((r) => r.name)),
  };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteHead(
  db: SqliteDatabase.Database,
  table: string,
  autoincrement: Set<string>,
): TableHead & { orderBy: string } {
  const info = db.pragma(`table_info(${quote(table)})`) as { name: string; type: string; pk: number }[];
  const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  let highestId: number | null = null;
  if (autoincrement.has(table)) {
    const seq = db.prepare('select seq from sqlite_sequence where name = ?').get(table) as { seq: number } | undefined;
    highestId = seq?.seq ?? 0;
  }
  return {
    table,
    columns: info.map((c) => ({ name: c.name, type: columnType(c.type) })),
    highestId,
    orderBy: keys.length > 0 ? keys.map((c) => quote(c.name)).join(', ') : 'rowid',
  };
}

/**
 * The logical copy of a SQLite file that is not the app's (a snapshot): read
 * through its own read-only connection, synchronously (the backup worker).
 */
export function exportSqliteFile(file: string, target: string): ExportFacts {
  const db = new SqliteDatabase(file, sqliteOptions({ readonly: true, fileMustExist: true }));
  let writer: ExportWriter | null = null;
  try {
    db.pragma('cache_size = -1024');
    writer = new ExportWriter(target, db.pragma('user_version', { simple: true }) as number, 'sqlite');
    const { order, autoincrement } = sqliteTables(db);
    for (const table of order) {
      const { orderBy, ...head } = sqliteHead(db, table, autoincrement);
      writer.table(head);
      const names = head.columns.map((c) => quote(c.name)).join(', ');
      for (const row of db
        .prepare(`select ${names} from ${quote(table)} order by ${orderBy}`)
        .raw()
        .iterate())
        writer.row(row as Value[]);
    }
    const facts = writer.facts;
    writer.end();
    writer = null;
    return facts;
  } finally {
    writer?.abort();
    db.close();
  }
}

/** Calls `onLine` with each line of a text file, read a megabyte at a time. */
function eachLine(file: string, onLine: (line: string) => void) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let rest = Buffer.alloc(0);
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
      let chunk = Buffer.concat([rest, buffer.subarray(0, read)]);
      for (let at; (at = chunk.indexOf(10)) >= 0;) {
        onLine(chunk.toString('utf8', 0, at));
        chunk = chunk.subarray(at + 1);
      }
      rest = Buffer.from(chunk);
    }
    if (rest.length > 0) onLine(rest.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** Reads an export file, checking its shape as it goes: the heads, rows and end, in order. */
export function readExport(
  file: string,
  on: {
    start?: (schemaVersion: number) => void;
    table?: (head: TableHead) => void;
    row?: (values: Value[]) => void;
  } = {},
): { schemaVersion: number; tables: TableHead[] } {
  let schemaVersion = -1;
  let ended = false;
  let head: TableHead | null = null;
  const tables: TableHead[] = [];
  eachLine(file, (line) => {
    if (ended) throw new AppError('INVALID_INPUT', BAD_EXPORT);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new AppError('INVALID_INPUT', BAD_EXPORT);
    }
    if (schemaVersion < 0) {
      const start = value as { passerelle?: string; version?: number; schemaVersion?: number };
      if (start.passerelle !== 'donnees' || !Number.isInteger(start.schemaVersion))
        throw new AppError('INVALID_INPUT', BAD_EXPORT);
      if (start.version !== LOGICAL_VERSION) throw new AppError('DATABASE_TOO_NEW');
      schemaVersion = start.schemaVersion!;
      on.start?.(schemaVersion);
      return;
    }
    if (Array.isArray(value)) {
      if (!head || value.length !== head.columns.length) throw new AppError('INVALID_INPUT', BAD_EXPORT);
      on.row?.(
        value.map((v: unknown, i) => {
          if (v !== null && typeof v === 'object') {
            const b64 = (v as { b64?: unknown }).b64;
            if (typeof b64 !== 'string') throw new AppError('INVALID_INPUT', BAD_EXPORT);
            return Buffer.from(b64, 'base64');
          }
          if (v !== null && typeof v !== 'number' && typeof v !== 'string')
            throw new AppError('INVALID_INPUT', BAD_EXPORT);
          if (typeof v === 'number' && head!.columns[i]!.type === 'text')
            throw new AppError('INVALID_INPUT', BAD_EXPORT);
          return v;
        }),
      );
      return;
    }
    const object = value as Partial<TableHead> & { end?: boolean; tables?: number };
    if (object.end === true) {
      if (object.tables !== tables.length) throw new AppError('INVALID_INPUT', BAD_EXPORT);
      ended = true;
      return;
    }
    if (typeof object.table !== 'string' || !Array.isArray(object.columns))
      throw new AppError('INVALID_INPUT', BAD_EXPORT);
    head = { table: object.table, columns: object.columns, highestId: object.highestId ?? null };
    tables.push(head);
    on.table?.(head);
  });
  if (!ended) throw new AppError('INVALID_INPUT', BAD_EXPORT);
  return { schemaVersion, tables };
}

/** The facts the manifest and the restore preview show, read back from an export file. */
export function readFacts(file: string): ExportFacts {
  const facts: ExportFacts = {
    schemaVersion: 0,
    structureName: '',
    counts: { persons: 0, worksites: 0, documents: 0 },
  };
  let table = '';
  let nameAt = -1;
  const { schemaVersion } = readExport(file, {
    table: (head) => {
      table = head.table;
      nameAt = table === 'structure' ? head.columns.findIndex((c) => c.name === 'name') : -1;
    },
    row: (values) => {
      if (table === 'persons' || table === 'worksites' || table === 'documents') facts.counts[table]++;
      if (nameAt >= 0 && facts.structureName === '') facts.structureName = String(values[nameAt]);
    },
  });
  return { ...facts, schemaVersion };
}

/**
 * Fills `target`, a SQLite file already migrated to the export's schema
 * version and holding no rows, with the export's rows, in one transaction;
 * foreign keys are checked once everything is in.
 */
export function fillSqliteFile(exportFile: string, target: string): void {
  const db = new SqliteDatabase(target, sqliteOptions({ fileMustExist: true }));
  try {
    db.pragma('foreign_keys = OFF');
    const expected = db.pragma('user_version', { simple: true }) as number;
    const { order, autoincrement } = sqliteTables(db);
    const present = new Set(order);
    const highest = new Map<string, number>();
    let insert: SqliteDatabase.Statement | null = null;
    db.transaction(() => {
      // Migrations may seed rows (the journal's state, settings): the export's own replace them.
      for (const table of present) db.prepare(`delete from ${quote(table)}`).run();
      db.prepare('delete from sqlite_sequence').run();
      readExport(exportFile, {
        start: (version) => {
          if (version !== expected) throw new AppError('INVALID_INPUT', BAD_EXPORT);
        },
        table: (head) => {
          if (!present.delete(head.table)) throw new AppError('INVALID_INPUT', BAD_EXPORT);
          const names = head.columns.map((c) => quote(c.name));
          insert = db.prepare(
            `insert into ${quote(head.table)} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`,
          );
          if (autoincrement.has(head.table) && head.highestId) highest.set(head.table, head.highestId);
        },
        row: (values) => insert!.run(values),
      });
      if (present.size > 0) throw new AppError('INVALID_INPUT', BAD_EXPORT);
      // Inserting an id moved sqlite_sequence up to the highest row; the highest ever given may be higher (rows deleted since).
      for (const [table, seq] of highest) {
        const kept = db.prepare('select seq from sqlite_sequence where name = ?').get(table) as
          { seq: number } | undefined;
        if (!kept) db.prepare('insert into sqlite_sequence (name, seq) values (?, ?)').run(table, seq);
        else if (kept.seq < seq) db.prepare('update sqlite_sequence set seq = ? where name = ?').run(seq, table);
      }
      if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw new AppError('INVALID_INPUT', BAD_EXPORT);
    })();
  } finally {
    db.close();
  }
}

/* ---------- PostgreSQL ---------- */

interface PgTable {
  table: string;
  columns: { name: string; type: ColumnType }[];
  keys: string[];
  hasIdentity: boolean;
}

async function postgresTables(db: Kysely<any>): Promise<PgTable[]> {
  const raw = db.withoutPlugins();
  const { rows: tables } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> ${PASSERELLE_SCHEMA_TABLE}`.execute(raw);
  const { rows: columns } = await sql<{ table: string; name: string; type: string; identity: string }>`
    select table_name as table, column_name as name, data_type as type, is_identity as identity
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(
    raw,
  );
  const { rows: keys } = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = current_schema() order by c.relname, k.ord`.execute(raw);
  const { rows: fks } = await sql<{ table: string; parent: string }>`
    select c.relname as table, p.relname as parent from pg_constraint f
    join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where f.contype = 'f' and n.nspname = current_schema()`.execute(raw);
  const references = new Map<string, string[]>();
  for (const fk of fks) references.set(fk.table, [...(references.get(fk.table) ?? []), fk.parent]);
  const byName = new Map(tables.map((t) => [t.name, t.name]));
  return dependencyOrder([...byName.keys()], references).map((table) => {
    const own = columns.filter((c) => c.table === table);
    return {
      table,
      columns: own.map((c) => ({ name: c.name, type: columnType(c.type) })),
      keys: keys.filter((k) => k.table === table).map((k) => k.name),
      hasIdentity: own.some((c) => c.name === 'id' && c.identity === 'YES'),
    };
  });
}

const ROWS_PER_FETCH = 2000;

/**
 * The logical copy of the live PostgreSQL database, from one consistent
 * snapshot (a repeatable-read, read-only transaction), read through a cursor a
 * few thousand rows at a time.
 */
export async function exportPostgres(db: Kysely<any>, target: string, schemaVersion: number): Promise<ExportFacts> {
  const writer = new ExportWriter(target, schemaVersion, 'postgres');
  try {
    await db
      .withoutPlugins()
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        for (const table of await postgresTables(trx)) {
          let highestId: number | null = null;
          if (table.hasIdentity) {
            const { rows } = await sql<{ seq: number | null }>`
              select pg_sequence_last_value(cast(pg_get_serial_sequence(${table.table}, 'id') as regclass)) as seq`.execute(
              trx,
            );
            highestId = rows[0]?.seq === null || rows[0]?.seq === undefined ? 0 : Number(rows[0].seq);
          }
          writer.table({ table: table.table, columns: table.columns, highestId });
          const names = table.columns.map((c) => sql.id(c.name));
          const order = table.keys.length > 0 ? table.keys : table.columns.map((c) => c.name);
          await sql`declare passerelle_export no scroll cursor for select ${sql.join(names)} from ${sql.id(
            table.table,
          )} order by ${sql.join(order.map((k) => sql.id(k)))}`.execute(trx);
          for (;;) {
            const { rows } = await sql<
              Record<string, Value>
            >`fetch ${sql.lit(ROWS_PER_FETCH)} from passerelle_export`.execute(trx);
            for (const row of rows) writer.row(table.columns.map((c) => row[c.name] ?? null));
            if (rows.length < ROWS_PER_FETCH) break;
          }
          await sql`close passerelle_export`.execute(trx);
        }
      });
    writer.end();
    return { ...writer.facts };
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** Parameters per insert statement, well under PostgreSQL's 65 535. */
const PARAMETERS_PER_INSERT = 20_000;

/**
 * Replaces every row of the live PostgreSQL database by those of `staging`, a
 * SQLite file at the same schema version, in one transaction: a failure
 * anywhere leaves the database as it was. Identity sequences end past the
 * highest id given (the staging file's sqlite_sequence included).
 */
export async function importIntoPostgres(db: Kysely<any>, staging: string, schemaVersion: number): Promise<void> {
  const source = new SqliteDatabase(staging, sqliteOptions({ readonly: true, fileMustExist: true }));
  try {
    if ((source.pragma('user_version', { simple: true }) as number) !== schemaVersion)
      throw new AppError('INVALID_INPUT', BAD_EXPORT);
    const { order, autoincrement } = sqliteTables(source);
    await replaceRows(db, source, order, autoincrement).catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'INVALID_INPUT',
        'Le serveur PostgreSQL a refusé les données de cette sauvegarde : rien n’a été modifié, les données actuelles restent. Signalez-le au support de Passerelle.',
      );
    });
  } finally {
    source.close();
  }
}

async function replaceRows(
  db: Kysely<any>,
  source: SqliteDatabase.Database,
  order: string[],
  autoincrement: Set<string>,
): Promise<void> {
  await db
    .withoutPlugins()
    .transaction()
    .execute(async (trx) => {
      const tables = await postgresTables(trx);
      const own = new Map(tables.map((t) => [t.table, t]));
      if (order.length !== tables.length || order.some((t) => !own.has(t)))
        throw new AppError('INVALID_INPUT', BAD_EXPORT);
      // TRUNCATE, not DELETE: the journal's append-only trigger guards row deletes; the whole restore is one transaction.
      await sql`truncate table ${sql.join(tables.map((t) => sql.id(t.table)))} restart identity`.execute(trx);
      for (const table of order) {
        const { orderBy, columns, highestId } = sqliteHead(source, table, autoincrement);
        const names = columns.map((c) => c.name);
        const batch = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / names.length));
        let rows: Value[][] = [];
        const flush = async () => {
          if (rows.length === 0) return;
          await sql`insert into ${sql.id(table)} (${sql.join(names.map((n) => sql.id(n)))}) values ${sql.join(
            rows.map((row) => sql`(${sql.join(row)})`),
          )}`.execute(trx);
          rows = [];
        };
        const statement = source
          .prepare(`select ${names.map(quote).join(', ')} from ${quote(table)} order by ${orderBy}`)
          .raw();
        for (const row of statement.iterate()) {
          rows.push(row as Value[]);
          if (rows.length >= batch) await flush();
        }
        await flush();
        if (own.get(table)!.hasIdentity) {
          await sql`select setval(cast(pg_get_serial_sequence(${table}, 'id') as regclass),
              greatest(coalesce((select max(id) from ${sql.id(table)}), 0), ${highestId ?? 0}, 1),
              greatest(coalesce((select max(id) from ${sql.id(table)}), 0), ${highestId ?? 0}) > 0)`.execute(trx);
        }
      }
    });
}

/** The export file written beside `target` while it is made. */
export const exportBeside = (target: string) => path.join(path.dirname(target), `${path.basename(target)}.donnees.tmp`);
