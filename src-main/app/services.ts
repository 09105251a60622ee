import type { Kysely } from 'kysely';
import { existsSync, mkdirSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileKeyStore } from '../backup/file-key-store';
import { BACKUP_KDF, type KeyStore } from '../backup/keys';
import type { KdfParams } from '../backup/format';
import { assertLocalPath } from '../db/location';
import { POSTGRES_ENGINE_AVAILABLE } from '../db/engines';
import {
  assertEngineAvailable,
  loadPostgresPassword,
  readEngineChoice,
  savePostgresPassword,
  writeEngineChoice,
  type EngineChoice,
} from './engine-choice';
import { classifyConnectError, postgresConnectionOf } from '../db/connection-test';
import type { PostgresSetting } from '../domain/postgres-connection';
import { AppError } from '../shared/errors';
import type { Engine } from '../db/engine';
import { openDatabase } from '../db/open';
import { openPostgres, type PostgresConnection } from '../db/open-postgres';
import { findStructure } from '../db/repositories/settings';
import type { Database } from '../db/schema';
import { CURRENT_PARAMS, type ScryptParams } from './password-hashing';
import { JOURNAL_KEY_ID, serverJournalKeyId, startJournal, type JournalKeeper } from './journal-start';
import { dataPaths, defaultFontsDir, type DataPaths } from './paths';
import { cleanWorkFiles, rotatePreRestoreCopies } from './work-files';
import { makeUserOnly } from './user-only';
import { listFileRoots, removableDrives, type FileRoot } from './file-roots';
import { nodePdfPrinter } from '../documents/node-printer';
import type { PdfPrinter } from '../documents/printer';
import { SessionStore } from './sessions';
import { LoginThrottle } from './login-throttle';
import { frenchDate, systemClock, type Clock, type Dialogs, type PosteControl } from './ports';
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
  /** This PC’s link to the office’s server (`poste/…`), set by the station that runs it (lan/station.ts). */
  poste: PosteControl | null;
  /**
   * Moves the running app to the other engine (« Sur ce PC » or a server):
   * the new store is opened first; only once it is open is the choice saved
   * (`moteur.json`, the password in the key store), the old store closed and
   * everyone signed out (the accounts are the new store's). A store that does
   * not open leaves everything as it was.
   */
  switchEngine(
    choice: EngineChoice,
    options?: {
      password?: string;
      beforeSwitch?: () => Promise<void>;
      /** The journal key a fichier de raccordement brought (the server's journal is other PCs' too). */
      journalKey?: Buffer;
    },
  ): Promise<void>;
  /**
   * Closes the database, runs `swap` on its closed file (a restore puts
   * another file in its place), then opens it again, whatever `swap` did.
   */
  reopenDatabase(swap?: () => Promise<void>): Promise<void>;
  /**
   * The data of `staging` (a SQLite file, db/staging.ts) becomes the app's,
   * then `after` runs, then the database is opened again. SQLite: the file
   * takes the live one's place while closed. PostgreSQL: the rows replace the
   * server's in one transaction. A failure before `after` changes nothing.
   */
  replaceData(staging: string, after: () => Promise<void>): Promise<void>;
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
  mkdirSync(paths.backupsDir, { recursive: true });
  // Whatever a backup, a restore or a print stopped mid-way left in clear goes first.
  cleanWorkFiles(paths);
  await rotatePreRestoreCopies(paths);
  const clock = config.clock ?? systemClock;
  // Where the data is comes first: a folder set for a server this build cannot use stops here, untouched.
  const engineChoice = readEngineChoice(paths.engineFile);
  const postgresAvailable = config.postgresAvailable ?? POSTGRES_ENGINE_AVAILABLE;
  assertEngineAvailable(engineChoice, postgresAvailable);
  const keyStore = config.keyStore ?? fileKeyStore(path.join(config.dataDir, 'cles'));
  /** The database the app works on, either engine: what the rest of main holds of it. */
  type Store = { db: Kysely<Database>; engine: Engine; close(): Promise<void> };
  /**
   * The journal's head file names the head of one store's journal: the SQLite file's and each server
   * database's apart, or going from one to the other would read as a journal cut behind the app's back.
   */
  const headFileOf = (of: EngineChoice) =>
    of.engine === 'sqlite' || config.postgres
      ? paths.journalHeadFile
      : paths.journalHeadFile.replace(
          /\.json$/,
          `-${`${of.postgres.host}-${of.postgres.port}-${of.postgres.database}`.replace(/[^a-z0-9-]/gi, '_')}.json`,
        );
  const openChosen = async (choice: EngineChoice, password?: string): Promise<Store> => {
    if (config.postgres) return openPostgres(config.postgres);
    if (choice.engine === 'postgres')
      return openServer(choice.postgres, password ?? (await loadPostgresPassword(keyStore)), {
        // Opening the server chosen earlier (no password typed now), whose journal this PC has kept the head of.
        workedOn: password === undefined && existsSync(headFileOf(choice)),
      });
    return openDatabase(paths.databaseFile, { backupDir: paths.backupsDir, now: () => clock.now() });
  };
  let choice = engineChoice;
  const opened = await openChosen(choice);
  /** The journal's key, one per store too: a server's database has its own, shared by the PCs joined to it. */
  const keyIdOf = (of: EngineChoice) =>
    of.engine === 'sqlite' || config.postgres ? JOURNAL_KEY_ID : serverJournalKeyId(of.postgres);
  /** Set while a restore reopens the data: the journal restored is this PC's choice, under the key that came with it. */
  let restoring = false;
  const openJournal = (db: Store, of: EngineChoice, joinKey?: Buffer) =>
    startJournal(db, {
      keyStore,
      keyId: keyIdOf(of),
      headFile: headFileOf(of),
      now: clock.now(),
      joinKey,
      restored: restoring,
    });
  const journal = await openJournal(opened, choice).catch(async (error: unknown) => {
    await opened.close();
    // At start there is no screen to join from yet: the way there, step by step.
    if (error instanceof AppError && error.code === 'JOURNAL_KEY_REQUIRED' && choice.engine === 'postgres')
      throw new AppError('JOURNAL_KEY_REQUIRED', rejoinAtStart(choice.postgres));
    throw error;
  });
  // Once a day, a checked local copy of the database, rotated.
  if (opened.engine.kind === 'sqlite')
    await dailyLocalBackup(opened.engine.file, paths.backupsDir, frenchDate(clock.now())).catch(() => null);
  // The database, its copies, keys and kept files: the user's alone (0700/0600).
  makeUserOnly(paths.dataDir);
  const printer = config.printer ?? nodePdfPrinter();
  const structure = await findStructure(opened.db);
  let current: Store = opened;
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
    switchEngine: async (next, { password, beforeSwitch, journalKey } = {}) => {
      if (config.postgres) throw new AppError('ENGINE_UNAVAILABLE');
      assertEngineAvailable(next, postgresAvailable);
      const store = await openChosen(next, password);
      let nextJournal: JournalKeeper;
      try {
        nextJournal = await openJournal(store, next, journalKey);
        // The store left behind records the move (the journal of the one it goes to starts there).
        await beforeSwitch?.();
        if (next.engine === 'postgres' && password !== undefined) await savePostgresPassword(keyStore, password);
        writeEngineChoice(paths.engineFile, next);
      } catch (error) {
        await store.close();
        throw error;
      }
      const previous = current;
      current = store;
      choice = next;
      services.db = store.db;
      services.engine = store.engine;
      services.journal = nextJournal;
      services.engineChoice = next;
      services.security = { idleLockMinutes: (await findStructure(store.db))?.idleLockMinutes ?? 10 };
      // The accounts are the new store's: everyone signs in again there.
      services.sessions.clear();
      await previous.close();
    },
    lan: null,
    poste: null,
    reopenDatabase: async (swap) => {
      await current.close();
      try {
        await swap?.();
      } finally {
        // Whatever `swap` did, the app goes on with a database open (the new file, or the old one untouched).
        current = await openChosen(choice);
        services.db = current.db;
        services.engine = current.engine;
        services.journal = await openJournal(current, choice);
      }
    },
    replaceData: async (staging, after) => {
      if (current.engine.kind === 'postgres') {
        await current.engine.replaceData(staging);
        await after();
        // Opened again: the journal starts over with the restored key and head.
        restoring = true;
        try {
          await services.reopenDatabase();
        } finally {
          restoring = false;
        }
        return;
      }
      await services.reopenDatabase(async () => {
        for (const suffix of ['-wal', '-shm']) await unlink(`${paths.databaseFile}${suffix}`).catch(() => undefined);
        await rename(staging, paths.databaseFile);
        await after();
      });
    },
    close: async () => {
      await printer.close();
      await current.close();
    },
  };
  return services;
}

/**
 * Opens the chosen server with the password kept on this PC. What goes wrong
 * at start is said in French with what to do, as the connection test says it;
 * never a silent fall-back to an empty database on this PC.
 */
async function openServer(setting: PostgresSetting, password: string | null, options: { workedOn: boolean }) {
  const where = `Passerelle garde ses données sur le serveur PostgreSQL « ${setting.host} » (base « ${setting.database} »)`;
  if (password === null) {
    throw new AppError(
      'DATABASE_UNREACHABLE',
      `${where}, mais le mot de passe de l’utilisateur « ${setting.user} » n’est plus enregistré sur ce PC. ${REENTER}`,
    );
  }
  try {
    return await openPostgres(
      postgresConnectionOf(setting, password),
      options.workedOn ? { refuseEmpty: () => new AppError('DATABASE_UNREACHABLE', emptyAtStart(setting, where)) } : {},
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    const outcome = classifyConnectError(error, setting);
    const todo = outcome.kind === 'wrong_password' ? REENTER : outcome.message;
    const refused =
      outcome.kind === 'wrong_password'
        ? `Le serveur refuse le mot de passe enregistré sur ce PC pour l’utilisateur « ${setting.user} » : il a peut-être été changé.`
        : '';
    throw new AppError(
      'DATABASE_UNREACHABLE',
      `${where} et ne peut pas l’ouvrir. ${refused ? `${refused} ` : ''}${todo} Rien n’a été modifié, ni sur ce PC ni sur le serveur. Pour votre prestataire informatique : ${outcome.technical}`,
    );
  }
}

/**
 * The database this PC worked on is empty: dropped and made again for a restore (README, « Plusieurs postes »,
 * Sauvegarde) whose pg_restore has not run yet, or emptied by mistake. New tables there would start a blank
 * Passerelle (the wizard again) and make the pg_restore fail: nothing is created, and the start is tried again.
 */
function emptyAtStart(setting: PostgresSetting, where: string): string {
  return `${where}, mais cette base est vide alors que ce PC y a déjà travaillé : elle a sans doute été recréée pour une restauration qui n’est pas finie. Passerelle n’y crée rien, pour ne pas remplacer vos données par une base neuve. Demandez à votre prestataire informatique de finir la restauration (pg_restore dans la base « ${setting.database} »), puis réessayez. Pour repartir vraiment d’une base vide : fermez Passerelle, renommez le fichier « moteur.json » du dossier des données en « moteur-ancien.json », relancez Passerelle et choisissez de nouveau « Serveur PostgreSQL » avec ce serveur (à la première étape de l’assistant, « Où garder les données ? »). Rien n’a été modifié, ni sur ce PC ni sur le serveur.`;
}

function rejoinAtStart(setting: PostgresSetting): string {
  return `Passerelle garde ses données sur le serveur PostgreSQL « ${setting.host} » (base « ${setting.database} »), mais le journal des accès de cette base est scellé avec une clé que ce PC n’a pas (ou plus) : Passerelle ne l’ouvre pas, pour ne pas sceller le journal une seconde fois. Pour raccorder ce PC : sur un poste déjà raccordé, faites un « fichier de raccordement » (Paramètres › Emplacement des données › Raccorder un autre poste). Ici, fermez Passerelle, renommez le fichier « moteur.json » du dossier des données en « moteur-ancien.json », relancez Passerelle et choisissez « Rejoindre avec un fichier de raccordement » (à la première étape de l’assistant, « Où garder les données ? », sous « Serveur PostgreSQL », ou dans Paramètres › Emplacement des données). Rien n’a été modifié, ni sur ce PC ni sur le serveur.`;
}

const REENTER =
  'Demandez le mot de passe à votre prestataire informatique. Pour le saisir : fermez Passerelle, renommez le fichier « moteur.json » du dossier des données en « moteur-ancien.json », relancez Passerelle et choisissez de nouveau « Serveur PostgreSQL » (à la première étape de l’assistant, « Où garder les données ? », ou dans Paramètres › Emplacement des données) avec le même serveur : ses données sont retrouvées telles quelles.';
