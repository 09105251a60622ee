/**
 * The access journal's rows (app/journal*.ts keeps the rules: the keyed
 * chain, the head, the purge, the check). Entries are append-only (SQLite
 * triggers); `journalState` holds the anchor left by the last purge and the
 * sealing entry's id.
 */
import { sql, type Selectable } from 'kysely';
import type { JournalTable } from '../schema';
import type { JournalAction, JournalFilter } from '../../shared/contract/journal';
import { addDays } from '../../shared/dates';
import { parisDayStart } from '../../shared/paris-time';
import type { ReadableDb, WritableDb } from '../access';
import { engineOf, highestIssuedId, jsonArrayHasAny } from '../engine';
import { lockKeyOf } from '../locks';

type Db = ReadableDb;

/** An entry's place in the chain: its id and HMAC. */
export interface ChainLink {
  id: number;
  hash: string;
}

export type JournalRow = Selectable<JournalTable>;

export async function journalState(db: Db) {
  return db
    .selectFrom('journalState')
    .select(['anchorId', 'anchorHash', 'sealedId', 'lastId', 'keyCheck'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/**
 * The state row, the last entry, how many entries there are and the HMAC of
 * entry `announcedId` (null: none asked, or no such entry), in one statement
 * (one snapshot on both engines, one round trip to a server).
 */
export async function headState(db: Db, announcedId: number | null = null) {
  const row = await db
    .selectFrom('journalState as s')
    .select((eb) => [
      's.anchorId',
      's.anchorHash',
      's.sealedId',
      eb.selectFrom('journal').select('id').orderBy('id', 'desc').limit(1).as('lastId'),
      eb.selectFrom('journal').select('hash').orderBy('id', 'desc').limit(1).as('lastHash'),
      eb
        .selectFrom('journal')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('count'),
      eb
        .selectFrom('journal')
        .select('hash')
        .where('id', '=', announcedId ?? 0)
        .as('announcedHash'),
    ])
    .where('s.id', '=', 1)
    .executeTakeFirstOrThrow();
  return { ...row, count: Number(row.count) };
}

export async function setSealedId(db: WritableDb, sealedId: number): Promise<void> {
  await db.updateTable('journalState').set({ sealedId }).where('id', '=', 1).execute();
}

/** The highest id given, kept at each append (PostgreSQL's identity does not move when the app gives the id). */
export async function setLastId(db: WritableDb, lastId: number): Promise<void> {
  await db.updateTable('journalState').set({ lastId }).where('id', '=', 1).where('lastId', '<', lastId).execute();
}

/** Which key the journal is under (`key_check`): set once by the first start that knows it, then by a new seal. */
export async function setKeyCheck(db: WritableDb, keyCheck: string): Promise<void> {
  await db.updateTable('journalState').set({ keyCheck }).where('id', '=', 1).execute();
}

/** The newest entry from `fromId` on (the seal's id: an entry made under the journal's current key). */
export async function lastEntryFrom(db: Db, fromId: number): Promise<JournalRow | undefined> {
  return db
    .selectFrom('journal')
    .selectAll()
    .where('id', '>=', fromId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The purges journaled after `afterId`, oldest first. */
export async function purgesAfter(db: Db, afterId: number): Promise<JournalRow[]> {
  return db
    .selectFrom('journal')
    .selectAll()
    .where('id', '>', afterId)
    .where('action', '=', 'purge')
    .orderBy('id')
    .execute();
}

export async function lastEntry(db: Db): Promise<ChainLink | undefined> {
  return db.selectFrom('journal').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function countEntries(db: Db): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('journal')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Every entry, oldest first (the check and the sealing walk the whole chain). */
export async function allEntries(db: Db): Promise<JournalRow[]> {
  return db.selectFrom('journal').selectAll().orderBy('id').execute();
}

/** Every entry's id and HMAC, oldest first. */
export async function chainLinks(db: Db): Promise<ChainLink[]> {
  return db.selectFrom('journal').select(['id', 'hash']).orderBy('id').execute();
}

/** The highest id the journal ever gave (SQLite's AUTOINCREMENT, PostgreSQL's identity), even after the entry was purged. */
export async function highestJournalId(db: Db): Promise<number> {
  return highestIssuedId(db, 'journal');
}

/** The HMAC of a payload under the key the connection was given (`Engine.useJournalKey`): the key never enters SQL. */
export async function macOf(db: Db, payload: string): Promise<string> {
  const { rows } = await sql<{ mac: string }>`select journal_mac(${payload}) as mac`.execute(db);
  return rows[0]!.mac;
}

/**
 * Appends an entry after the chain's end, sealed by the connection's
 * `journal_mac`, and answers its id and HMAC; call it inside the transaction
 * of what it records. `payload(id, prevHash)` is what the HMAC covers;
 * `tail` its part after the id and the previous HMAC (app/journal.ts).
 * SQLite (serial already, in the process): the end read, the next id, the
 * HMAC, the insert. PostgreSQL: all of it under the journal's lock in one
 * round trip, `journal_append` (db/engine.ts), instead of five.
 */
export async function appendChained(
  db: WritableDb,
  entry: { at: string; userId: number | null; action: JournalAction; method: string; records: readonly string[] },
  payload: { of: (id: number, prevHash: string) => string; tail: string },
): Promise<ChainLink> {
  const records = JSON.stringify([...entry.records]);
  if (engineOf(db) === 'postgres') {
    const [space, key] = lockKeyOf('journal');
    const { rows } = await sql<ChainLink>`select id, hash from journal_append(
      ${space}, ${key}, ${entry.at}, ${entry.userId}, ${entry.action}, ${entry.method}, ${records}, ${payload.tail})`.execute(
      db,
    );
    return { id: Number(rows[0]!.id), hash: rows[0]!.hash };
  }
  const last = await lastEntry(db);
  const state = await journalState(db);
  const end: ChainLink = last ?? { id: state.anchorId, hash: state.anchorHash };
  // Never an id given before, even to an entry cut since (journal_state.last_id, migration 029).
  const id = Math.max(await highestJournalId(db), end.id, state.lastId, state.anchorId) + 1;
  const hash = await macOf(db, payload.of(id, end.hash));
  await db
    .insertInto('journal')
    .values({ ...entry, id, records, prevHash: end.hash, hash })
    .execute();
  await setLastId(db, id);
  return { id, hash };
}

/** When the newest entry was written, a refused purge aside (null: none). */
export async function newestTrustedAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('journal')
    .select('at')
    .where('action', '!=', 'purge-refused')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The newest entry written before `cutoff`. */
export async function lastEntryBefore(db: Db, cutoff: string): Promise<ChainLink | undefined> {
  return db
    .selectFrom('journal')
    .select(['id', 'hash'])
    .where('at', '<', cutoff)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Deletes the entries up to `last` included (the triggers let a delete
 * through only while `purging` is set) and anchors the chain to it. Returns
 * how many went.
 */
export async function purgeThrough(db: WritableDb, last: ChainLink): Promise<number> {
  await db.updateTable('journalState').set({ purging: 1 }).where('id', '=', 1).execute();
  const deleted = await db.deleteFrom('journal').where('id', '<=', last.id).executeTakeFirst();
  await db
    .updateTable('journalState')
    .set({ purging: 0, anchorHash: last.hash, anchorId: last.id })
    .where('id', '=', 1)
    .execute();
  return Number(deleted.numDeletedRows);
}

/**
 * The entries a filter keeps. A person's entries are those naming their
 * record or their social security number; days are days in France, both ends
 * included (entries are stored in UTC).
 */
function filtered(db: Db, filter: JournalFilter) {
  let query = db.selectFrom('journal');
  if (filter.userId !== undefined) query = query.where('journal.userId', '=', filter.userId);
  if (filter.method !== undefined) query = query.where('journal.method', '=', filter.method);
  if (filter.from !== undefined) query = query.where('journal.at', '>=', parisDayStart(filter.from));
  if (filter.to !== undefined) query = query.where('journal.at', '<', parisDayStart(addDays(filter.to, 1)));
  if (filter.personId !== undefined) {
    const refs = [`person:${filter.personId}`, `nir:${filter.personId}`];
    query = query.where(jsonArrayHasAny(db, sql<string>`journal.records`, refs));
  }
  return query;
}

/** The entries a filter keeps, newest first, with the account's name; a page of them with `page`. */
export async function listEntries(db: Db, filter: JournalFilter, page?: { limit: number; offset: number }) {
  let query = filtered(db, filter)
    .leftJoin('users', 'users.id', 'journal.userId')
    .select([
      'journal.id',
      'journal.at',
      'journal.userId',
      'users.displayName',
      'journal.action',
      'journal.method',
      'journal.records',
      'journal.hash',
    ])
    .orderBy('journal.id', 'desc');
  if (page) query = query.limit(page.limit).offset(page.offset);
  return query.execute();
}

export async function countFiltered(db: Db, filter: JournalFilter): Promise<number> {
  return Number(
    (
      await filtered(db, filter)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Every method the journal names, for the filter's list. */
export async function journaledMethods(db: Db): Promise<string[]> {
  return (await db.selectFrom('journal').select('method').distinct().execute()).map((m) => m.method);
}

/** The ids a set of journal entries names, by kind of record (people apart: see `peopleNamed`). */
export interface NamedIds {
  participation: number[];
  journey: number[];
  user: number[];
  worksite: number[];
  employer: number[];
  organisation: number[];
  contact: number[];
  document: number[];
  payroll: number[];
  device: number[];
}

/** What names each referenced record, a query per kind present, whatever the count of entries. */
export async function rowsNamed(db: Db, ids: NamedIds) {
  const some = <T>(list: number[], query: () => Promise<T[]>): Promise<T[]> =>
    list.length === 0 ? Promise.resolve([]) : query();
  return {
    participations: await some(ids.participation, () =>
      db
        .selectFrom('participations')
        .innerJoin('worksites', 'worksites.id', 'participations.worksiteId')
        .select(['participations.id', 'participations.personId', 'worksites.name'])
        .where('participations.id', 'in', ids.participation)
        .execute(),
    ),
    journeys: await some(ids.journey, () =>
      db.selectFrom('journeys').select(['id', 'personId']).where('id', 'in', ids.journey).execute(),
    ),
    users: await some(ids.user, () =>
      db.selectFrom('users').select(['id', 'displayName as name']).where('id', 'in', ids.user).execute(),
    ),
    worksites: await some(ids.worksite, () =>
      db.selectFrom('worksites').select(['id', 'name']).where('id', 'in', ids.worksite).execute(),
    ),
    employers: await some(ids.employer, () =>
      db.selectFrom('employers').select(['id', 'name']).where('id', 'in', ids.employer).execute(),
    ),
    organisations: await some(ids.organisation, () =>
      db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids.organisation).execute(),
    ),
    contacts: await some(ids.contact, () =>
      db.selectFrom('contacts').select(['id', 'firstName', 'lastName']).where('id', 'in', ids.contact).execute(),
    ),
    documents: await some(ids.document, () =>
      db.selectFrom('documents').select(['id', 'number']).where('id', 'in', ids.document).execute(),
    ),
    payrolls: await some(ids.payroll, () =>
      db
        .selectFrom('payrollHandoffs')
        .innerJoin('employers', 'employers.id', 'payrollHandoffs.employerId')
        .select(['payrollHandoffs.id', 'payrollHandoffs.month', 'employers.name'])
        .where('payrollHandoffs.id', 'in', ids.payroll)
        .execute(),
    ),
    devices: await some(ids.device, () =>
      db.selectFrom('devices').select(['id', 'name']).where('id', 'in', ids.device).execute(),
    ),
  };
}

/** The people named (directly, or through a participation or a journey), with whether they were anonymised. */
export async function peopleNamed(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('persons')
    .select(['id', 'lastName', 'firstNames', 'anonymisedOn'])
    .where('id', 'in', ids)
    .execute();
}
