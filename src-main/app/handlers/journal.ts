import { stat, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  JOURNAL_ACTION_LABELS,
  JOURNAL_OUTCOMES,
  type JournalEntry,
  type JournalFilter,
} from '../../shared/contract/journal';
import { AppError } from '../../shared/errors';
import { journalActionOf } from '../../shared/journal-actions';
import { formatFrenchInstant } from '../../shared/paris-time';
import { toCsv } from '../../exports/csv';
import { countFiltered, journaledMethods, listEntries } from '../../db/repositories/journal';
import type { HandlerMap } from '../handler';
import { openHead, readHeadText } from '../journal-head';
import { nameRecords } from '../journal-records';
import { verifyJournal } from '../journal-verify';
import type { ReadableDb } from '../../db/access';

/** The entries a filter keeps, newest first, with the account's name and each record named. */
async function journalEntries(db: ReadableDb, filter: JournalFilter, page?: { limit: number; offset: number }) {
  const rows = await listEntries(db, filter, page);
  const named = await nameRecords(
    db,
    rows.map((row) => JSON.parse(row.records) as string[]),
  );
  return rows.map((row, index) => ({
    entry: {
      id: row.id,
      at: row.at,
      userId: row.userId,
      userName: row.displayName,
      action: row.action,
      method: row.method,
      records: named[index] ?? [],
    } satisfies JournalEntry,
    hash: row.hash,
  }));
}

/** The screen's columns, then what proves the entry: its number, its references and its HMAC. */
const CSV_HEADER = ['N°', 'Date', 'Compte', 'Action', 'Type', 'Résultat', 'Enregistrements', 'Références', 'Empreinte'];

export const journalHandlers: HandlerMap<'journal/list' | 'journal/verify' | 'journal/export'> = {
  'journal/list': async ({ page, pageSize, ...filter }, { db }) => {
    const listed = await journalEntries(db, filter, { limit: pageSize, offset: (page - 1) * pageSize });
    return {
      entries: listed.map((l) => l.entry),
      total: await countFiltered(db, filter),
      methods: await journaledMethods(db),
    };
  },

  'journal/verify': async (_input, { db, services }) =>
    verifyJournal(db, services.journal.key, openHead(services.journal.key, readHeadText(services.journal.headFile))),

  'journal/export': async ({ folder, ...filter }, { read, today, fromClientPc, saveFile }) => {
    const info = fromClientPc ? null : await stat(folder).catch(() => null);
    if (!fromClientPc && !info?.isDirectory())
      throw new AppError('NOT_FOUND', 'Ce dossier n’existe pas ou n’est plus branché.');
    // A `none` method: the entries are read first, the export is journaled once the file is written.
    const listed = (await read(({ db }) => journalEntries(db, filter))).reverse();
    const csv = toCsv([
      CSV_HEADER,
      ...listed.map(({ entry, hash }) => [
        entry.id,
        formatFrenchInstant(entry.at),
        entry.userName ?? 'Passerelle',
        journalActionOf(entry.method),
        JOURNAL_ACTION_LABELS[entry.action] ?? entry.action,
        JOURNAL_OUTCOMES[entry.action] ?? '',
        entry.records.map((r) => r.label).join(' ; '),
        entry.records.map((r) => r.ref).join(' '),
        hash,
      ]),
    ]);
    const fileName = `journal-passerelle-${today}.csv`;
    if (fromClientPc) return { path: await saveFile(folder, fileName, Buffer.from(csv, 'utf8')), count: listed.length };
    const target = path.join(folder, fileName);
    const temporary = `${target}.tmp`;
    try {
      await writeFile(temporary, csv, 'utf8');
      await rename(temporary, target);
    } catch {
      throw new AppError(
        'FILE_ERROR',
        'Le fichier n’a pas pu être écrit dans ce dossier. Vérifiez la clé USB ou choisissez un autre dossier.',
      );
    }
    return { path: target, count: listed.length };
  },
};
