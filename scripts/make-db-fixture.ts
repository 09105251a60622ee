/**
 * Writes tests/fixtures/db/v<N>.sqlite: a small database made by the current
 * schema version, committed so that later migrations are tested on real files.
 * Run once per released schema version: `npx tsx scripts/make-db-fixture.ts`.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createServices } from '../src-main/app/services';
import { pickerDialogs } from '../src-main/app/ports';
import { dispatch } from '../src-main/app/dispatch';
import { ANONYMOUS } from '../src-main/app/session';
import { LATEST_VERSION } from '../src-main/db/migrations';
import { demoSetup } from './demo-data';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';

const work = mkdtempSync(path.join(os.tmpdir(), 'passerelle-fixture-'));
const services = await createServices({ dataDir: work, dialogs: pickerDialogs, mode: 'browser', version: 'fixture' });
const result = await dispatch(services, 'setup/complete', demoSetup(), ANONYMOUS);
if (!result.ok) throw new Error(result.error.message);
await services.close();
const target = path.resolve(import.meta.dirname, '../tests/fixtures/db', `v${LATEST_VERSION}.sqlite`);
copyFileSync(services.paths.databaseFile, target);
rmSync(work, { recursive: true, force: true });
console.log(`Écrit : ${target}`);
