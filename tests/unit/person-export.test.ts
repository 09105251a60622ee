import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personExport } from '../../src-main/app/person-export';
import { formatDuration } from '../../src-main/shared/time';
import { configured, fakeClock, valueOf } from './support/services';
import { insertParticipation, insertPerson, insertWorksite } from './support/stats-fixture';

async function participantWithWeeklyMinutes() {
  const setup = await configured({ clock: fakeClock('2026-07-01T09:00:00.000Z') });
  const { services } = setup;
  const worksiteId = await insertWorksite(services, { name: 'Espaces verts', kind: 'aci', startDate: '2026-06-01' });
  const { personId, journeyId } = await insertPerson(
    services,
    { sex: 'F', birthDate: '1990-04-12', resources: 'rsa', education: '5' },
    1,
  );
  const participationId = await insertParticipation(services, {
    worksiteId,
    personId,
    journeyId,
    startDate: '2026-06-01',
    endDate: '2026-11-30',
  });
  const setWeekly = (weeklyMinutes: number) =>
    services.db.updateTable('participations').set({ weeklyMinutes }).where('id', '=', participationId).execute();
  return { ...setup, personId, setWeekly };
}

/** Durations are set with no-break spaces ("35 h" never breaks across lines). */
const nb = (text: string) => text.replace(/ /g, '\u00a0');

const weeklyHours = async (exported: Awaited<ReturnType<typeof personExport>>) =>
  exported.sections.find((s) => s.title === 'Contrats sur les chantiers')!.rows[0]!['Heures par semaine'];

describe('the person’s data export', () => {
  it('gives the weekly hours of a full-time ACI contract as a duration (35 h), through the RPC', async () => {
    const { call, personId, setWeekly } = await participantWithWeeklyMinutes();
    await setWeekly(35 * 60);
    const exported = valueOf(await call('rgpd/exportPerson', { personId }));
    const json = JSON.parse(exported.json) as { sections: { title: string; rows: Record<string, unknown>[] }[] };
    expect(json.sections.find((s) => s.title === 'Contrats sur les chantiers')!.rows[0]).toMatchObject({
      'Heures par semaine': nb('35 h'),
    });
  });

  it.each([
    [0, '0 h'],
    [24 * 60 - 1, '23 h 59'],
    [24 * 60, '24 h'],
    [24 * 60 + 30, '24 h 30'],
    [26 * 60, '26 h'],
    [60 * 60, '60 h'],
  ])('%i minutes a week → %s', (minutes, expected) => {
    expect(formatDuration(minutes)).toBe(nb(expected));
  });

  it('never fails, whatever the weekly hours from 0 to 60 h (property)', async () => {
    const { services, personId, setWeekly } = await participantWithWeeklyMinutes();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 * 60 }), async (minutes) => {
        await setWeekly(minutes);
        const hours = await weeklyHours(await personExport(services.db, personId, 'CCAS', '2026-07-01'));
        expect(hours).toBe(formatDuration(minutes));
        expect(hours).toMatch(/^\d+\u00a0h(\u00a0[0-5]\d)?$/);
      }),
      { numRuns: 60 },
    );
  });
});
