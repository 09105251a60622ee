import { testPostgresConnection, type ConnectionOutcome } from '../../db/connection-test';
import { authorityCertificates, parseAuthority, readAuthorityFile } from '../../db/postgres-authority';
import { checkPostgresSetting, type PostgresSetting } from '../../domain/postgres-connection';
import type { PostgresSettingInput } from '../../shared/contract/storage';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JOIN_FILE_EXTENSION, openJoinFile, sealJoinFile } from '../../backup/join-file';
import { readChosen } from '../client-files';
import { loadPostgresPassword } from '../engine-choice';
import { JOURNAL_KEY_ID, journalKeyCheck, serverJournalKeyId } from '../journal-start';
import { USER_ONLY_FILE } from '../user-only';

/** The domain’s rules on the typed setting: every field at fault at once, under its field. */
function checkedSetting(input: PostgresSettingInput): { setting: PostgresSetting; warnings: string[] } {
  const { authority, ...rest } = input;
  // The authority is read again here (whatever sent it), and kept as its certificates alone; none: not saved.
  const setting: PostgresSetting = authority
    ? { ...rest, authority: parseAuthority(Buffer.from(authority, 'latin1'), 'setting.authority').pem }
    : rest;
  const { issues, warnings } = checkPostgresSetting(setting);
  const first = issues[0];
  if (first) {
    throw new AppError(
      'INVALID_INPUT',
      issues.length === 1 ? first.message : `${issues.length} informations sont à corriger. ${first.message}`,
      {
        field: `setting.${first.field}`,
        issues: issues.map((issue) => ({ field: `setting.${issue.field}`, message: issue.message })),
      },
    );
  }
  return { setting, warnings };
}

const withWarnings = (outcome: ConnectionOutcome, warnings: string[]) => ({ ...outcome, warnings });

export const storageHandlers: HandlerMap<
  | 'storage/status'
  | 'storage/testConnection'
  | 'storage/readAuthority'
  | 'storage/choosePostgres'
  | 'storage/chooseSqlite'
  | 'storage/writeJoinFile'
  | 'storage/joinWithFile'
> = {
  'storage/status': async (_input, { services }) => {
    const choice = services.engineChoice;
    return {
      engine: choice.engine,
      postgres: choice.engine === 'postgres' ? choice.postgres : null,
      databaseFile: choice.engine === 'sqlite' ? services.paths.databaseFile : null,
      authority: choice.engine === 'postgres' ? authorityCertificates(choice.postgres.authority) : null,
      postgresAvailable: services.postgresAvailable,
    };
  },

  'storage/readAuthority': async ({ path: filePath, file }, { services }) => {
    const chosen = await readChosen({ path: filePath, file }, 'authority');
    return readAuthorityFile(chosen.bytes, services.clock.now());
  },

  'storage/testConnection': async ({ setting: input, password }, { services }) => {
    const { setting, warnings } = checkedSetting(input);
    // The journal's key this PC holds for that database: its own, or its folder's (a PC that moved to the server
    // before a key per database), as startJournal takes them. Without one that fits, « Utiliser ce serveur » is
    // refused: the test says so first.
    const key =
      (await services.keyStore.load(serverJournalKeyId(setting))) ?? (await services.keyStore.load(JOURNAL_KEY_ID));
    const holdsJournalKey = (keyCheck: string) => key !== null && journalKeyCheck(key) === keyCheck;
    return withWarnings(await testPostgresConnection(setting, password, { holdsJournalKey }), warnings);
  },

  'storage/choosePostgres': async ({ setting: input, password }, { services, record, transaction }) => {
    // Nothing is written when this build cannot use the server: no pretending.
    if (!services.postgresAvailable) throw new AppError('ENGINE_UNAVAILABLE');
    const { setting, warnings } = checkedSetting(input);
    const outcome = await testPostgresConnection(setting, password);
    if (!outcome.ok) throw new AppError('CONFLICT', outcome.message);
    const leftFile = services.engineChoice.engine === 'sqlite' ? services.paths.databaseFile : null;
    record('storage:postgres');
    // The running app moves to the server now: the server's database opened (and migrated) first; the
    // setting saved in moteur.json, the password in the key store only, once it is open.
    await services.switchEngine(
      { engine: 'postgres', postgres: setting },
      { password, beforeSwitch: () => transaction(async () => undefined) },
    );
    return { outcome: withWarnings(outcome, warnings), leftFile };
  },

  'storage/writeJoinFile': async ({ folder, passphrase }, { services, record }) => {
    const choice = services.engineChoice;
    if (choice.engine !== 'postgres') {
      throw new AppError(
        'CONFLICT',
        'Les données de Passerelle sont sur ce PC : il n’y a pas de serveur auquel raccorder un autre poste. Choisissez d’abord « Serveur PostgreSQL » sur ce PC.',
      );
    }
    const password = await loadPostgresPassword(services.keyStore);
    if (password === null) {
      throw new AppError(
        'CONFLICT',
        'Le mot de passe du serveur PostgreSQL n’est plus enregistré sur ce PC : faites le fichier de raccordement sur un autre poste raccordé.',
      );
    }
    const bytes = await sealJoinFile(
      {
        kind: 'passerelle-raccordement',
        setting: choice.postgres,
        password,
        journalKey: services.journal.key.toString('base64'),
        madeAt: services.clock.now().toISOString(),
      },
      passphrase,
      services.backupKdf,
    );
    const name = `raccordement-${choice.postgres.database.replace(/[^a-z0-9_-]/gi, '_')}.${JOIN_FILE_EXTENSION}`;
    const file = path.join(folder, name);
    // Readable by this user only: it opens the server to whoever has the passphrase too.
    await writeFile(file, bytes, { mode: USER_ONLY_FILE }).catch(() => {
      throw new AppError(
        'FILE_ERROR',
        `Le fichier de raccordement n’a pas pu être écrit dans « ${folder} ». Choisissez un autre dossier (une clé USB, par exemple).`,
        { field: 'folder' },
      );
    });
    record(`join-file:${name}`);
    return { file };
  },

  'storage/joinWithFile': async ({ path: filePath, file, passphrase }, { services, record, transaction }) => {
    if (!services.postgresAvailable) throw new AppError('ENGINE_UNAVAILABLE');
    const chosen = await readChosen({ path: filePath, file }, 'join');
    const content = await openJoinFile(chosen.bytes, passphrase);
    const { setting, warnings } = checkedSetting(content.setting);
    const current = services.engineChoice;
    if (
      current.engine === 'postgres' &&
      current.postgres.host === setting.host &&
      current.postgres.port === setting.port &&
      current.postgres.database === setting.database
    )
      throw new AppError('CONFLICT', 'Ce PC est déjà raccordé à ce serveur PostgreSQL et à cette base.');
    const outcome = await testPostgresConnection(setting, content.password);
    if (!outcome.ok) throw new AppError('CONFLICT', outcome.message);
    const leftFile = current.engine === 'sqlite' ? services.paths.databaseFile : null;
    record('storage:join');
    // The journal's key is checked against the server's journal before anything is saved on this PC.
    await services.switchEngine(
      { engine: 'postgres', postgres: setting },
      {
        password: content.password,
        journalKey: Buffer.from(content.journalKey, 'base64'),
        beforeSwitch: () => transaction(async () => undefined),
      },
    );
    return { outcome: withWarnings(outcome, warnings), leftFile };
  },

  'storage/chooseSqlite': async (_input, { services, record, transaction }) => {
    if (services.engineChoice.engine === 'sqlite') throw new AppError('CONFLICT', 'Les données sont déjà sur ce PC.');
    record('storage:sqlite');
    await services.switchEngine({ engine: 'sqlite' }, { beforeSwitch: () => transaction(async () => undefined) });
    return { databaseFile: services.paths.databaseFile };
  },
};
