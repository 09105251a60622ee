import { stat, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JOURNAL_ACTION_LABELS, type JournalEntry } from '../../shared/contract/journal';
import { AppError } from '../../shared/errors';
import { toCsv } from '../../exports/csv';
import type { HandlerMap } from '../handler';
import { openHead, readHeadText } from '../journal-head';
import { verifyJournal } from '../journal-verify';

export const journalHandlers: HandlerMap<'journal/list' | 'journal/verify' | 'journal/export'> = {
  'journal/list': async ({ page, pageSize }, { db }) => {
    const rows = await db
      .selectFrom('journal')
      .leftJoin('users', 'users.id', 'journal.userId')
      .select(['journal.id', 'journal.at', 'journal.userId', 'users.displayName', 'journal.action', 'journal.method', 'journal.records'])
      .orderBy('journal.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const total = await db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const entries: JournalEntry[] = rows.map((row) => ({
      id: row.id,
      at: row.at,
      userId: row.userId,
      userName: row.displayName,
      action: row.action as JournalEntry['action'],
      method: row.method,
      records: JSON.parse(row.records) as string[],
    }));
    return { entries, total: total.n };
  },

  'journal/verify': async (_input, { db, services }) =>
    verifyJournal(db, services.journal.key, openHead(services.journal.key, readHeadText(services.journal.headFile))),

  'journal/export': async ({ folder }, { services, today }) => {
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new AppError('NOT_FOUND', "Ce dossier n'existe pas ou n'est plus branché.");
    const rows = await services.db
      .selectFrom('journal')
      .leftJoin('users', 'users.id', 'journal.userId')
      .select(['journal.id', 'journal.at', 'journal.userId', 'users.displayName', 'journal.action', 'journal.method', 'journal.records', 'journal.hash'])
      .orderBy('journal.id')
      .execute();
    const csv = toCsv([
      ['N°', 'Date et heure (UTC)', 'Compte', 'Nom du compte', 'Action', 'Opération', 'Enregistrements', 'Empreinte'],
      ...rows.map((row) => [
        row.id,
        row.at,
        row.userId,
        row.displayName,
        JOURNAL_ACTION_LABELS[row.action as JournalEntry['action']] ?? row.action,
        row.method,
        (JSON.parse(row.records) as string[]).join(' '),
        row.hash,
      ]),
    ]);
    const target = path.join(folder, `journal-passerelle-${today}.csv`);
    const temporary = `${target}.tmp`;
    try {
      await writeFile(temporary, csv, 'utf8');
      await rename(temporary, target);
    } catch {
      throw new AppError('FILE_ERROR', "Le fichier n'a pas pu être écrit dans ce dossier. Vérifiez la clé USB ou choisissez un autre dossier.");
    }
    return { path: target, count: rows.length };
  },
};
