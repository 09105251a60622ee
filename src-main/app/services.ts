import type { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { assertLocalPath } from '../db/location';
import { openDatabase, type OpenedDatabase } from '../db/open';
import type { Database } from '../db/schema';
import { dataPaths, type DataPaths } from './paths';
import { systemClock, type Clock, type Dialogs } from './ports';

export interface ServicesConfig {
  dataDir: string;
  dialogs: Dialogs;
  mode: 'desktop' | 'browser';
  version: string;
  clock?: Clock;
  /** Root of the in-app file picker; the user's home folder by default. */
  homeDir?: string;
}

export interface Services {
  db: Kysely<Database>;
  paths: DataPaths;
  clock: Clock;
  dialogs: Dialogs;
  mode: 'desktop' | 'browser';
  version: string;
  homeDir: string;
  close(): Promise<void>;
}

/** Everything a handler may use, built once per launch by a transport. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  assertLocalPath(config.dataDir);
  const paths = dataPaths(config.dataDir);
  mkdirSync(paths.filesDir, { recursive: true });
  const clock = config.clock ?? systemClock;
  const opened: OpenedDatabase = await openDatabase(paths.databaseFile, {
    backupDir: paths.backupsDir,
    now: () => clock.now(),
  });
  return {
    db: opened.db,
    paths,
    clock,
    dialogs: config.dialogs,
    mode: config.mode,
    version: config.version,
    homeDir: config.homeDir ?? os.homedir(),
    close: opened.close,
  };
}
