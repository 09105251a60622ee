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
  backupsDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    databaseFile: path.join(dataDir, 'passerelle.sqlite'),
    filesDir: path.join(dataDir, 'fichiers'),
    backupsDir: path.join(dataDir, 'sauvegardes'),
  };
}
