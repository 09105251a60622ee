/**
 * The kill tests' victim: opens the data folder given as argument, signs the
 * administrator in, and backs up (or restores the given backup) in a loop,
 * printing "ready" first. The parent kills it with SIGKILL mid-way.
 */
import { createServices } from '../../../src-main/app/services';
import { dispatch } from '../../../src-main/app/dispatch';
import { pickerDialogs } from '../../../src-main/app/ports';

const [dataDir, mode, target, homeDir] = process.argv.slice(2) as [string, 'backup' | 'restore', string, string];
const services = await createServices({
  dataDir,
  dialogs: pickerDialogs,
  mode: 'browser',
  version: 'kill-test',
  homeDir,
  removableDrives: () => [target.endsWith('.passerelle-backup') ? target.replace(/\/[^/]+$/, '') : target],
  passwordParams: { N: 2 ** 10, r: 8, p: 1 },
  backupKdf: { log2N: 10, r: 8, p: 1 },
  // The parent's PostgreSQL database, when the test runs on PostgreSQL.
  postgres: process.env.PASSERELLE_KILL_POSTGRES ? JSON.parse(process.env.PASSERELLE_KILL_POSTGRES) : undefined,
});
const admin = await services.db
  .selectFrom('users')
  .select(['id', 'displayName'])
  .where('role', '=', 'administrateur')
  .executeTakeFirstOrThrow();
const user = { id: admin.id, displayName: admin.displayName, role: 'administrateur' as const };
let session = { user, token: services.sessions.create(user, new Date()) };
process.stdout.write('ready\n');
for (;;) {
  const result =
    mode === 'backup'
      ? await dispatch(services, 'backup/create', { folder: target }, session)
      : await dispatch(services, 'backup/restore', { path: target, passphrase: null, confirm: true }, session);
  process.stdout.write(result.ok ? 'done\n' : `failed ${result.error.code}\n`);
  // A restore signs everyone out: sign in again for the next round.
  if (mode === 'restore') session = { user, token: services.sessions.create(user, new Date()) };
}
