import { describe, expect, it } from 'vitest';
import { seedDemoPeople } from '../../scripts/demo-people';
import { seedDemoWorksites } from '../../scripts/demo-worksites';
import { configured, valueOf } from './support/services';
import { JOURNEY_STATUSES } from '../../src-main/shared/contract/journey-lists';

describe('npm run demo', () => {
  it('adds about forty fictional people across every step of the parcours', async () => {
    const { services, session, call } = await configured();
    await seedDemoPeople(services, session);
    expect(valueOf(await call('people/search', { pageSize: 100 })).total).toBe(40);
    for (const status of JOURNEY_STATUSES) {
      expect(valueOf(await call('people/search', { status })).total, status).toBeGreaterThan(0);
    }
    expect(valueOf(await call('people/search', { referentLeft: true })).total).toBeGreaterThan(0);
  });
});

describe('npm run demo worksites', () => {
  it('adds a past and a current MESP with their half-days', async () => {
    const { services, session, call } = await configured();
    await seedDemoWorksites(services, session, '2026-03-02');
    const worksites = valueOf(await call('worksites/list'));
    expect(worksites.map((w) => w.status).sort()).toEqual(['en_cours', 'termine']);
    expect(worksites.every((w) => w.sessionCount >= 14)).toBe(true);
  });
});
