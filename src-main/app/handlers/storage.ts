import { testPostgresConnection, type ConnectionOutcome } from '../../db/connection-test';
import { checkPostgresSetting, type PostgresSetting } from '../../domain/postgres-connection';
import type { PostgresSettingInput } from '../../shared/contract/storage';
import { AppError } from '../../shared/errors';
import type { HandlerMap } from '../handler';

/** The domain’s rules on the typed setting: every field at fault at once, under its field. */
function checkedSetting(input: PostgresSettingInput): { setting: PostgresSetting; warnings: string[] } {
  const setting: PostgresSetting = { ...input };
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
  'storage/status' | 'storage/testConnection' | 'storage/choosePostgres' | 'storage/chooseSqlite'
> = {
  'storage/status': async (_input, { services }) => {
    const choice = services.engineChoice;
    return {
      engine: choice.engine,
      postgres: choice.engine === 'postgres' ? choice.postgres : null,
      databaseFile: choice.engine === 'sqlite' ? services.paths.databaseFile : null,
      postgresAvailable: services.postgresAvailable,
    };
  },

  'storage/testConnection': async ({ setting: input, password }) => {
    const { setting, warnings } = checkedSetting(input);
    return withWarnings(await testPostgresConnection(setting, password), warnings);
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

  'storage/chooseSqlite': async (_input, { services, record, transaction }) => {
    if (services.engineChoice.engine === 'sqlite') throw new AppError('CONFLICT', 'Les données sont déjà sur ce PC.');
    record('storage:sqlite');
    await services.switchEngine({ engine: 'sqlite' }, { beforeSwitch: () => transaction(async () => undefined) });
    return { databaseFile: services.paths.databaseFile };
  },
};
