/**
 * The crash test's victim: opens the data folder given as argument and
 * creates people in a loop, printing each id once `people/create` reported
 * it committed. The parent kills it with SIGKILL at a random moment.
 */
import { createServices } from '../../../src-main/app/services';
import { dispatch } from '../../../src-main/app/dispatch';
import { ANONYMOUS, type Session } from '../../../src-main/app/session';
import { pickerDialogs } from '../../../src-main/app/ports';
import { setupInput } from './factories';
import { person, situation } from './people';

const dataDir = process.argv[2]!;
const services = await createServices({
  dataDir,
  dialogs: pickerDialogs,
  mode: 'browser',
  version: 'crash-test',
  passwordParams: { N: 2 ** 10, r: 8, p: 1 },
});
let session: Session;
const admin = await services.db
  .selectFrom('users')
  .select(['id', 'displayName', 'role'])
  .where('role', '=', 'administrateur')
  .executeTakeFirst();
if (admin) {
  const user = { id: admin.id, displayName: admin.displayName, role: 'administrateur' as const };
  session = { user, token: services.sessions.create(user, new Date()) };
} else {
  const result = await dispatch(services, 'setup/complete', setupInput(), ANONYMOUS);
  if (!result.ok) throw new Error(result.error.code);
  const view = result.value as { user: Session['user']; token: string };
  session = { user: view.user, token: view.token };
}
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const result = await dispatch(
    services,
    'people/create',
    {
      person: person({ firstNames: `Essai ${process.pid}-${i}` }),
      situation: situation(),
      confirmedNotDuplicate: true,
    },
    session,
  );
  if (result.ok) process.stdout.write(`${(result.value as { id: number }).id}\n`);
}
