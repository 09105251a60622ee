/**
 * `npm run demo`: a fresh database filled with a clearly fictional structure
 * (CCAS de Kerbrénou) and about forty people at every step of the parcours,
 * then browser mode on it. Later features add their demo records here.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { dispatch } from '../src-main/app/dispatch';
import { pickerDialogs } from '../src-main/app/ports';
import { createServices } from '../src-main/app/services';
import { ANONYMOUS } from '../src-main/app/session';
import { exitWithFrenchMessage, runBrowserMode } from '../src-main/web/cli';
import { DEMO_PASSWORD, demoSetup } from './demo-data';
import { seedDemoPeople } from './demo-people';
import { seedDemoWorksites } from './demo-worksites';
import { seedDemoIae } from './demo-iae';
import { frenchDate } from '../src-main/app/ports';
import type { MethodOutput } from '../src-main/shared/contract';

const dataDir = path.resolve(import.meta.dirname, '..', '.demo-data');

async function seed() {
  rmSync(dataDir, { recursive: true, force: true });
  const services = await createServices({ dataDir, dialogs: pickerDialogs, mode: 'browser', version: 'demo' });
  try {
    const result = await dispatch(services, 'setup/complete', demoSetup(), ANONYMOUS);
    if (!result.ok) throw new Error(result.error.message);
    const admin = result.value as MethodOutput<'setup/complete'>;
    await seedDemoPeople(services, { user: admin.user, token: admin.token });
    await seedDemoWorksites(services, { user: admin.user, token: admin.token }, frenchDate(new Date()));
    await seedDemoIae(services, { user: admin.user, token: admin.token }, frenchDate(new Date()));
  } finally {
    await services.close();
  }
  console.log(`Données de démonstration créées dans ${dataDir}`);
  console.log(`Connexion : « Élodie Le Gall », mot de passe « ${DEMO_PASSWORD} »`);
}

seed()
  .then(() => (process.argv.includes('--seed-only') ? undefined : runBrowserMode(dataDir)))
  .catch(exitWithFrenchMessage);
