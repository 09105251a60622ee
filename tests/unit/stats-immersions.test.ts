import { describe, expect, it } from 'vitest';
import type { StatsFigures } from '../../src-main/shared/contract/stats';
import { configured, valueOf } from './support/services';
import {
  insertImmersion,
  insertOrganisation,
  insertParticipation,
  insertPerson,
  insertWorksite,
} from './support/stats-fixture';

/**
 * The immersions table counted by hand. Today is 2 March 2026 (the test
 * clock); the period is 2026. Five people: three on an ACI worksite, one on a
 * MESP worksite, one with no contract at all.
 *
 *  1. P1 découvrir 12–16/01, réalisée                → Réalisée
 *  2. P1 confirmer 02–06/02, no bilan                → Bilan à faire
 *  3. P2 découvrir 23/02–06/03, « réalisée » early    → En cours (never done before its last day)
 *  4. P2 recruter 25/02–02/03 (ends today), no bilan → En cours
 *  5. P3 découvrir 05–09/01, partielle               → Partiellement réalisée
 *  6. P3 découvrir 09–13/03: begins after today      → not counted
 *  7. P4 recruter 15–19/12/2025, before the period   → not counted
 *  8. P5 confirmer 19–23/01, non réalisée, no contract → Non réalisée; left out by a worksite filter
 */
async function structure() {
  const setup = await configured();
  const { services } = setup;
  const aci = await insertWorksite(services, { name: 'ACI', kind: 'aci', startDate: '2025-01-06' });
  const mesp = await insertWorksite(services, { name: 'MESP', kind: 'mesp', startDate: '2025-01-06' });
  const host = await insertOrganisation(services, 'Jardinerie');
  const prescriber = await insertOrganisation(services, 'France Travail', 'prescripteur');
  const people: number[] = [];
  for (let n = 0; n < 5; n++) {
    const ids = await insertPerson(
      services,
      { sex: 'F', birthDate: '1990-05-05', resources: 'rsa', education: '3' },
      n,
    );
    if (n < 4)
      await insertParticipation(services, {
        worksiteId: n < 3 ? aci : mesp,
        ...ids,
        startDate: '2025-11-03',
        endDate: '2026-06-30',
      });
    people.push(ids.personId);
  }
  const [p1, p2, p3, p4, p5] = people as [number, number, number, number, number];
  const add = (
    personId: number,
    objective: 'decouvrir' | 'confirmer' | 'recruter',
    startDate: string,
    endDate: string,
    outcome: 'realisee' | 'partielle' | 'non_realisee' | null,
  ) =>
    insertImmersion(services, {
      personId,
      hostId: host,
      prescriberId: prescriber,
      objective,
      startDate,
      endDate,
      outcome,
    });
  await add(p1, 'decouvrir', '2026-01-12', '2026-01-16', 'realisee');
  await add(p1, 'confirmer', '2026-02-02', '2026-02-06', null);
  await add(p2, 'decouvrir', '2026-02-23', '2026-03-06', 'realisee');
  await add(p2, 'recruter', '2026-02-25', '2026-03-02', null);
  await add(p3, 'decouvrir', '2026-01-05', '2026-01-09', 'partielle');
  await add(p3, 'decouvrir', '2026-03-09', '2026-03-13', null);
  await add(p4, 'recruter', '2025-12-15', '2025-12-19', 'realisee');
  await add(p5, 'confirmer', '2026-01-19', '2026-01-23', 'non_realisee');
  return setup;
}

const counts = (t: StatsFigures['immersions']) => ({
  columns: t.columnKeys,
  rows: Object.fromEntries(t.rowKeys.map((k, r) => [k, [...t.cells[r]!.map((c) => c.count), t.rowTotals[r]!.count]])),
  totals: [...t.columnTotals.map((c) => c.count), t.total.count],
});

describe('statistics: immersions (PMSMP) begun in the period, by object and bilan', () => {
  it('counts each immersion by hand, none ahead of today, and a worksite filter keeps the people counted', async () => {
    const { call } = await structure();
    const all = valueOf(await call('stats/figures', { from: '2026-01-01', to: '2026-12-31', showSmall: true }));
    expect(all.immersions.columns).toEqual([
      'Réalisée',
      'Partiellement réalisée',
      'Non réalisée',
      'Bilan à faire',
      'En cours',
    ]);
    expect(all.immersions.rows).toEqual([
      'Découvrir un métier ou un secteur d’activité',
      'Confirmer un projet professionnel',
      'Initier une démarche de recrutement',
    ]);
    expect(counts(all.immersions)).toEqual({
      columns: ['realisee', 'partielle', 'non_realisee', 'bilan_a_faire', 'en_cours'],
      rows: {
        decouvrir: [1, 1, 0, 0, 1, 3],
        confirmer: [0, 0, 1, 1, 0, 2],
        recruter: [0, 0, 0, 0, 1, 1],
      },
      totals: [1, 1, 1, 1, 2, 6],
    });
    const aciOnly = valueOf(
      await call('stats/figures', { from: '2026-01-01', to: '2026-12-31', kind: 'aci', showSmall: true }),
    );
    expect(counts(aciOnly.immersions).totals).toEqual([1, 1, 0, 1, 2, 5]);
    // January only: 1, 5 and 8.
    const january = valueOf(await call('stats/figures', { from: '2026-01-01', to: '2026-01-31', showSmall: true }));
    expect(counts(january.immersions).totals).toEqual([1, 1, 1, 0, 0, 3]);
    // A period after today counts nothing (the immersion of 9 March has not begun).
    const later = valueOf(await call('stats/figures', { from: '2026-03-03', to: '2026-03-31', showSmall: true }));
    expect(later.immersions.total.count).toBe(0);
  });

  it('hides the small counts as every other table does', async () => {
    const { call } = await structure();
    const published = valueOf(await call('stats/figures', { from: '2026-01-01', to: '2026-12-31' }));
    // Every non-zero count is under 5: all hidden « < 5 », the zeros around them shown or hidden, never a small one in clear.
    for (const row of published.immersions.cells) for (const c of row) if (c.count !== null) expect(c.count).toBe(0);
    expect(published.immersions.columnTotals.map((c) => c.masked)).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5']);
    expect(published.immersions.total).toEqual({ count: 6, masked: null });
  });
});
