import { describe, expect, it } from 'vitest';
import { seedDemoPeople } from '../../scripts/demo-people';
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
