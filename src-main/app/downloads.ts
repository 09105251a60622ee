/**
 * Files a call makes for the person (issue 29, item 5): an export, a copy of
 * a PDF. On the PC that holds the data (the desktop app, browser mode), they
 * are written into the folder the person chose. When the call comes from
 * another PC of the office (main is the Passerelle server), a folder of the
 * server means nothing to that person: nothing is written, the file is sent
 * back with the answer (`SentFile`) and saved on the client PC where its user
 * chooses (a browser download, the desktop app's save dialog). One way for
 * every method: handlers call `ctx.saveFile`, never `copyInto` themselves.
 */
import path from 'node:path';
import { copyInto } from '../documents/store';
import type { Method } from '../shared/contract';
import type { SentFile } from '../shared/contract/files';
import { BACKUP_ON_SERVER as BACKUP_ON_SERVER_TEXT } from '../shared/contract/files';
export { BACKUP_ON_SERVER } from '../shared/contract/files';

const STORAGE_ON_SERVER =
  'L’emplacement des données du bureau se règle sur le PC serveur Passerelle, pas depuis un autre poste : un administrateur le fait dans Paramètres › Emplacement des données de ce PC-là. Le mot de passe du serveur PostgreSQL ne quitte jamais le PC serveur.';
import type { Dialogs } from './ports';
import type { Session } from './session';

/**
 * True when the person calling is at another PC than main's: a paired PC
 * calling the server (`session.device`), or main set to take every file from
 * the client (`uploadDialogs`).
 */
export function callFromClientPc(dialogs: Pick<Dialogs, 'upload'>, session: Pick<Session, 'device'>): boolean {
  return dialogs.upload === true || session.device !== undefined;
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export function mediaTypeOf(fileName: string): string {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The `saveFile` of one call: writes into `folder` (a free name: « (2) »
 * added rather than overwriting) and answers the path written; on a client
 * PC's call, keeps the file in `sent` and answers its name.
 */
export function fileSaver(fromClient: boolean, sent: SentFile[]) {
  return async (folder: string, fileName: string, bytes: Uint8Array): Promise<string> => {
    if (!fromClient) return copyInto(folder, fileName, bytes);
    sent.push({ name: fileName, mediaType: mediaTypeOf(fileName), base64: Buffer.from(bytes).toString('base64') });
    return fileName;
  };
}

/**
 * The backups of the office's data are the server's job: refused from another
 * PC with `BACKUP_ON_SERVER` (shared/contract/files.ts), before anything is
 * read; the state of the backups (`backup/status`) stays visible everywhere.
 */
export const SERVER_PC_ONLY: ReadonlyMap<Method, string> = new Map<Method, string>([
  ['backup/suggestPassphrase', BACKUP_ON_SERVER_TEXT],
  ['backup/setPassphrase', BACKUP_ON_SERVER_TEXT],
  ['backup/recoverySheet', BACKUP_ON_SERVER_TEXT],
  ['backup/create', BACKUP_ON_SERVER_TEXT],
  ['backup/inspect', BACKUP_ON_SERVER_TEXT],
  ['backup/restore', BACKUP_ON_SERVER_TEXT],
  // Where the server PC keeps its data, and the PostgreSQL password with it, is the server PC's business: the
  // point of a Passerelle server is that no other PC ever holds that password (issue 29).
  // A connection test from another PC would be run by the server PC, toward whatever server is typed: there too.
  ['storage/testConnection', STORAGE_ON_SERVER],
  ['storage/readAuthority', STORAGE_ON_SERVER],
  ['storage/choosePostgres', STORAGE_ON_SERVER],
  ['storage/chooseSqlite', STORAGE_ON_SERVER],
  ['storage/writeJoinFile', STORAGE_ON_SERVER],
  ['storage/joinWithFile', STORAGE_ON_SERVER],
]);
