import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';

/**
 * The data folder is local, never roaming: roaming profiles are often
 * redirected to network shares, where SQLite's WAL is unsafe.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PASSERELLE_DATA_DIR) return path.resolve(env.PASSERELLE_DATA_DIR);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
    return path.join(local, 'Passerelle');
  }
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Passerelle');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'passerelle');
}

export interface DataPaths {
  dataDir: string;
  databaseFile: string;
  /** Files the app keeps (logo, generated documents, attachments): backups carry them. */
  filesDir: string;
  /** Generated PDFs, exactly as printed: "réimprimer" reads them back. */
  documentsDir: string;
  /** Scans attached to records. */
  attachmentsDir: string;
  /** Payroll hand-off files, exactly as sent. */
  payrollDir: string;
  backupsDir: string;
  /**
   * Work files (a backup's snapshot, a restore's unpacked data, a document's
   * HTML being printed): in the data folder, never the system's temporary
   * folder, and emptied at each start (see work-files.ts).
   */
  workDir: string;
  /** The journal's head, outside the database (see journal-head.ts). */
  journalHeadFile: string;
  /**
   * Which engine keeps the data (SQLite here, or a PostgreSQL server) and how
   * to reach it, without the password (see engine-choice.ts). Outside the
   * database, since where the database is depends on it.
   */
  engineFile: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    databaseFile: path.join(dataDir, 'passerelle.sqlite'),
    filesDir: path.join(dataDir, 'fichiers'),
    documentsDir: path.join(dataDir, 'fichiers', 'documents'),
    attachmentsDir: path.join(dataDir, 'fichiers', 'pieces-jointes'),
    payrollDir: path.join(dataDir, 'fichiers', 'paie'),
    backupsDir: path.join(dataDir, 'sauvegardes'),
    workDir: path.join(dataDir, 'travail'),
    journalHeadFile: path.join(dataDir, 'journal-tete.json'),
    engineFile: path.join(dataDir, 'moteur.json'),
  };
}

/**
 * The shipped fonts: `resources/fonts` beside `src-main/` in the sources and
 * beside `out/` in the bundle (two levels up from either file).
 */
export function defaultFontsDir(): string {
  return fileURLToPath(new URL('../../resources/fonts', import.meta.url));
}
