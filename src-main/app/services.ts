import type { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileKeyStore } from '../backup/file-key-store';
import { BACKUP_KDF, type KeyStore } from '../backup/keys';
import type { KdfParams } from '../backup/format';
import { assertLocalPath } from '../db/location';
import { POSTGRES_ENGINE_AVAILABLE } from '../db/engines';
import { assertEngineAvailable, readEngineChoice, type EngineChoice } from './engine-choice';
import type { Engine } from '../db/engine';
import { openDatabase } from '../db/open';
import { openPostgres, type PostgresConnection } from '../db/open-postgres';
import { findStructure } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { CURRENT_PARAMS, type ScryptParams } from './password-hashing';
import { startJournal, type JournalKeeper } from './journal-start';
import { dataPaths, defaultFontsDir, type DataPaths } from './paths';
import { cleanWorkFiles, rotatePreRestoreCopies } from './work-files';
import { makeUserOnly } from './user-only';
import { listFileRoots, removableDrives, type FileRoot } from './file-roots';
import { nodePdfPrinter } from '../documents/node-printer';
import type { PdfPrinter } from '../documents/printer';
import { SessionStore } from './sessions';
import { LoginThrottle } from './login-throttle';
import { frenchDate, systemClock, type Clock, type Dialogs } from './ports';
import { dailyLocalBackup } from '../backup/local';
import type { BackupProgress } from '../backup/pipeline';

export interface ServicesConfig {
  dataDir: string;
  dialogs: Dialogs;
  mode: 'desktop' | 'browser';
  version: string;
  clock?: Clock;
  /** Root of the in-app file picker; the user's home folder by default. */
  homeDir?: string;
  /** The removable drives found now (USB sticks); the platform's by default, a test folder in tests. */
  removableDrives?: () => string[];
  /** Tests lower the hashing cost; the app always uses the current parameters. */
  passwordParams?: ScryptParams;
  /** Prints documents: the Electron window in the desktop app, Chromium through playwright-core otherwise. */
  printer?: PdfPrinter;
  /** Shipped fonts (`resources/fonts`). */
  fontsDir?: string;
  /** Where the derived backup key is kept on this PC (OS-protected in the desktop app). */
  keyStore?: KeyStore;
  /** Tests lower the backup key's scrypt cost; the app always uses BACKUP_KDF. */
  backupKdf?: KdfParams;
  /** Whether this build can keep the data on a PostgreSQL server (db/engines.ts); tests of the saved choice say yes. */
  postgresAvailable?: boolean;
  /** The data on a PostgreSQL server rather than in the data folder's SQLite file (issue 28); the kept files stay in the data folder. */
  postgres?: PostgresConnection;
}

export interface Services {
  /** Replaced after a restore: always read it from here, never keep it. */
  db: Kysely<Database>;
  /** What is particular to the storage engine (db/engine.ts: compaction, online copies); replaced after a restore like `db`. */
  engine: Engine;
  paths: DataPaths;
  clock: Clock;
  dialogs: Dialogs;
  mode: 'desktop' | 'browser';
  version: string;
  homeDir: string;
  sessions: SessionStore;
  /** One login attempt at a time per account, and a ceiling on password checks per second. */
  logins: LoginThrottle;
  /** Read from the database at start, kept current by `settings/updateSecurity`. */
  security: { idleLockMinutes: number };
  passwordParams: ScryptParams;
  printer: PdfPrinter;
  fontsDir: string;
  keyStore: KeyStore;
  backupKdf: KdfParams;
  /** Where the data is kept, read from `moteur.json` at start (engine-choice.ts). */
  engineChoice: EngineChoice;
  postgresAvailable: boolean;
  /** Where the in-app picker may look, and every path the renderer sends must lie (see user-paths.ts). */
  fileRoots(): FileRoot[];
  /** Paths the desktop's native dialogs returned in this session (see user-paths.ts). */
  grantedPaths: Set<string>;
  /** The journal's key and head file (see journal-start.ts). */
  journal: JournalKeeper;
  /** The backup running now (one at a time), for `backup/progress`. */
  backupRun: BackupProgress | null;
  /** Set while this Passerelle serves the office network (`npm run server`, src-main/lan/server.ts). */
  lan: { address: string; port: number; fingerprint: string } | null;
  /**
   * Closes the database, runs `swap` on its closed file (a restore puts
   * another file in its place), then opens it again, whatever `swap` did.
   */
  reopenDatabase(swap?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Everything a handler may use, built once per launch by a transport. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  assertLocalPath(config.dataDir);
  const paths = dataPaths(config.dataDir);
  mkdirSync(paths.filesDir, { recursive: true });
  mkdirSync(paths.documentsDir, { recursive: true });
  mkdirSync(paths.attachmentsDir, { recursive: true });
  mkdirSync(paths.payrollDir, { recursive: true });
  // Whatever a backup, a restore or a print stopped mid-way left in clear goes first.
  cleanWorkFiles(paths);
  await rotatePreRestoreCopies(paths);
  const clock = config.clock ?? systemClock;
  // Where the data is comes first: a folder set for a server this build cannot use stops here, untouched.
  const engineChoice = readEngineChoice(paths.engineFile);
  const postgresAvailable = config.postgresAvailable ?? POSTGRES_ENGINE_AVAILABLE;
  assertEngineAvailable(engineChoice, postgresAvailable);
  /** The database the app works on, either engine: what the rest of main holds of it. */
  type Store = { db: Kysely<Database>; engine: Engine; close(): Promise<void> };
  const openStore = (): Promise<Store> =>
    config.postgres
      ? openPostgres(config.postgres)
      : openDatabase(paths.databaseFile, { backupDir: paths.backupsDir, now: () => clock.now() });
  const opened = await openStore();
  const keyStore = config.keyStore ?? fileKeyStore(path.join(config.dataDir, 'cles'));
  const openJournal = (db: Store) => startJournal(db, { keyStore, headFile: paths.journalHeadFile, now: clock.now() });
  const journal = await openJournal(opened);
  // Once a day, a checked local copy of the database, rotated.
  if (opened.engine.kind === 'sqlite')
    await dailyLocalBackup(opened.engine.file, paths.backupsDir, frenchDate(clock.now())).catch(() => null);
  // The database, its copies, keys and kept files: the user's alone (0700/0600).
  makeUserOnly(paths.dataDir);
  const printer = config.printer ?? nodePdfPrinter();
  const structure = await findStructure(opened.db);
  let current = opened;
  const services: Services = {
    db: opened.db,
    engine: opened.engine,
    paths,
    clock,
    dialogs: config.dialogs,
    mode: config.mode,
    version: config.version,
    homeDir: config.homeDir ?? os.homedir(),
    sessions: new SessionStore(),
    logins: new LoginThrottle(clock),
    security: { idleLockMinutes: structure?.idleLockMinutes ?? 10 },
    passwordParams: config.passwordParams ?? CURRENT_PARAMS,
    printer,
    fontsDir: config.fontsDir ?? defaultFontsDir(),
    keyStore,
    journal,
    grantedPaths: new Set(),
    fileRoots: () => {
      const home = config.homeDir ?? os.homedir();
      return listFileRoots(home, process.platform, config.removableDrives?.() ?? removableDrives(home));
    },
    backupKdf: config.backupKdf ?? BACKUP_KDF,
    engineChoice,
    postgresAvailable,
    backupRun: null,
    lan: null,
    reopenDatabase: async (swap) => {
      await current.close();
      try {
        await swap?.();
      } finally {
        // Whatever `swap` did, the app goes on with a database open (the new file, or the old one untouched).
        current = await openStore();
        services.db = current.db;
        services.engine = current.engine;
        services.journal = await openJournal(current);
      }
    },
    close: async () => {
      await printer.close();
      await current.close();
    },
  };
  return services;
}
