import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FILE_PURPOSE_EXTENSIONS, type FileEntry } from '../../shared/contract/files';
import { AppError } from '../../shared/errors';
import { builtOn } from '../build-info';
import { resolveInsideRoots } from '../file-roots';
import type { HandlerMap } from '../handler';
import { grantPath } from '../user-paths';
import { BACKUP_ON_SERVER } from '../downloads';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export const filesHandlers: HandlerMap<'files/chooseFile' | 'files/chooseFolder' | 'files/list' | 'app/info'> = {
  'app/info': async (_input, { services, fromClientPc }) => ({
    version: services.version,
    builtOn,
    mode: services.mode,
    filesFrom: fromClientPc ? ('client' as const) : ('server' as const),
  }),

  'files/chooseFile': async ({ purpose }, { services, fromClientPc }) => {
    if (fromClientPc && purpose === 'backup') throw new AppError('CONFLICT', BACKUP_ON_SERVER);
    if (fromClientPc) return { status: 'upload' as const };
    if (!services.dialogs.native) return { status: 'picker' as const };
    const chosen = await services.dialogs.chooseFile(purpose, FILE_PURPOSE_EXTENSIONS[purpose]);
    if (chosen !== null) grantPath(services, chosen);
    return chosen === null ? { status: 'cancelled' as const } : { status: 'chosen' as const, path: chosen };
  },

  'files/chooseFolder': async ({ purpose }, { services, fromClientPc }) => {
    if (fromClientPc && purpose === 'backup') throw new AppError('CONFLICT', BACKUP_ON_SERVER);
    // What the call makes comes back to that PC, saved where its user chooses (downloads.ts).
    if (fromClientPc) return { status: 'download' as const };
    if (!services.dialogs.native) return { status: 'picker' as const };
    const chosen = await services.dialogs.chooseFolder(purpose);
    if (chosen !== null) grantPath(services, chosen);
    return chosen === null ? { status: 'cancelled' as const } : { status: 'chosen' as const, path: chosen };
  },

  'files/list': async ({ purpose, path: requested }, { services, fromClientPc }) => {
    // The server's own folders are nobody's business on a client PC (issue 29).
    if (fromClientPc)
      throw new AppError(
        'CONFLICT',
        'Les dossiers du serveur Passerelle ne se parcourent pas depuis un autre poste : choisissez le fichier sur votre PC.',
      );
    const roots = services.fileRoots();
    if (requested === null) return { roots, path: null, parent: null, entries: [] };
    const folder = resolveInsideRoots(requested, roots);
    if (folder === null) {
      throw new AppError(
        'NOT_FOUND',
        'Ce dossier n’est pas accessible. Choisissez un dossier personnel ou une clé USB.',
      );
    }
    const extensions = FILE_PURPOSE_EXTENSIONS[purpose];
    const entries: FileEntry[] = [];
    let names: import('node:fs').Dirent[];
    try {
      names = await readdir(folder, { withFileTypes: true });
    } catch {
      throw new AppError('FILE_ERROR', 'Ce dossier n’a pas pu être ouvert.');
    }
    for (const entry of names) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        entries.push({ name: entry.name, path: full, kind: 'folder', size: null });
      } else if (entry.isFile() && extensions.includes(path.extname(entry.name).slice(1).toLowerCase())) {
        const info = await stat(full).catch(() => null);
        entries.push({ name: entry.name, path: full, kind: 'file', size: info?.size ?? null });
      }
    }
    entries.sort((a, b) => (a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1));
    const up = path.dirname(folder);
    const parent = up !== folder && resolveInsideRoots(up, roots) !== null ? up : null;
    return { roots, path: folder, parent, entries };
  },
};
