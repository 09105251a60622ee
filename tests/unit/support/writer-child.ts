/**
 * One of the Passerelle processes of sqlite-processes.test.ts: opens the data
 * folder given as argument (its SQLite file), then prints documents that take
 * numbers (each journaled) as fast as it can, and prints what each call
 * ended with as one JSON line.
 */
import { createServices } from '../../../src-main/app/services';
import { dispatch } from '../../../src-main/app/dispatch';
import type { Session } from '../../../src-main/app/session';
import { pickerDialogs } from '../../../src-main/app/ports';

// world.ts's blank printer, not imported: that module brings vitest's hooks along.
const blankPrinter = {
  print: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n'),
  close: async () => {},
};
const dataDir = process.argv[2]!;
const plan = JSON.parse(process.argv[3]!) as {
  participations: number[];
  worksiteId: number;
  mondays: string[];
  calls: number;
  at: string;
};
const services = await createServices({
  dataDir,
  dialogs: pickerDialogs,
  mode: 'browser',
  version: 'processes-test',
  clock: { now: () => new Date(plan.at) },
  passwordParams: { N: 2 ** 10, r: 8, p: 1 },
  printer: blankPrinter,
});
const admin = await services.db
  .selectFrom('users')
  .select(['id', 'displayName', 'role'])
  .where('role', '=', 'administrateur')
  .executeTakeFirstOrThrow();
const session: Session = { user: { id: admin.id, displayName: admin.displayName, role: 'administrateur' } };
process.stdout.write('ready\n');
// Both processes start writing together: the parent answers once both are ready.
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const outcomes: string[] = [];
for (let i = 0; i < plan.calls; i++) {
  const input =
    i % 2 === 0
      ? { kind: 'contrat_travail', participationId: plan.participations[(i / 2) % plan.participations.length]! }
      : {
          kind: 'feuille_emargement',
          worksiteId: plan.worksiteId,
          weekOf: plan.mondays[((i - 1) / 2) % plan.mondays.length]!,
        };
  const result = await dispatch(services, 'documents/generate', input, session);
  outcomes.push(result.ok ? 'ok' : result.error.code);
}
await services.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
