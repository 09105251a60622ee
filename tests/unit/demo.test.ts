import { describe, expect, it } from 'vitest';
import { seedDemoPeople } from '../../scripts/demo-people';
import { seedDemoWorksites } from '../../scripts/demo-worksites';
import { seedDemoIae } from '../../scripts/demo-iae';
import { configured, valueOf } from './support/services';
import { fseParticipants } from '../../src-main/app/read-models/fse-participants';
import { JOURNEY_STATUSES } from '../../src-main/shared/contract/journey-lists';

describe('npm run demo', () => {
  it('adds about forty fictional people across every step of the parcours', async () => {
    const { services, session, call } = await configured();
    await seedDemoPeople(services, session);
    expect(valueOf(await call('people/search', { pageSize: 100 })).total).toBe(40);
    // FSE+: the people on a worksite or out of it entered the demo operation; the exits wait or have their six months.
    const [operation] = valueOf(await call('fse/operations'));
    expect(operation).toMatchObject({ name: 'Parcours d’insertion 2026 (démo)', participantCount: 10 });
    const participants = await fseParticipants(services.db, operation!.id, { from: '2026-01-01', to: '2026-12-31' });
    const left = participants.filter((p) => p.exit !== null);
    expect(left.length).toBeGreaterThan(1);
    expect(left.filter((p) => p.sixMonths === null).length).toBeGreaterThan(0);
    expect(left.filter((p) => p.sixMonths !== null).length).toBeGreaterThan(0);
    for (const status of JOURNEY_STATUSES) {
      expect(valueOf(await call('people/search', { status })).total, status).toBeGreaterThan(0);
    }
    expect(valueOf(await call('people/search', { referentLeft: true })).total).toBeGreaterThan(0);
  });
});

describe('npm run demo worksites', () => {
  it('adds past, current and upcoming worksites, an ACI with rolling entries, all with people under contract', async () => {
    const { services, session, call } = await configured();
    await seedDemoPeople(services, session);
    await seedDemoWorksites(services, session, '2026-03-02');
    const worksites = valueOf(await call('worksites/list'));
    expect(worksites.map((w) => w.status).sort()).toEqual(['en_cours', 'en_cours', 'preparation', 'termine']);
    expect(worksites.every((w) => w.sessionCount >= 14)).toBe(true);
    const full = await Promise.all(worksites.map(async (w) => valueOf(await call('worksites/get', { id: w.id }))));
    expect(full.map((w) => [w.kind, w.participants.length])).toEqual(
      expect.arrayContaining([
        ['mesp', 3],
        ['mesp', 5],
        ['mesp', 2],
        ['aci', 2],
      ]),
    );
    const aci = full.find((w) => w.kind === 'aci')!;
    // The ACI's month just ended is validated for the ASP, both employees on it.
    const asp = valueOf(await call('asp/get', { month: '2026-02', employerId: aci.employerId }));
    expect([asp.status, asp.stale, asp.rows.length]).toEqual(['valide', false, 2]);
    expect(new Set(aci.participants.map((p) => p.contract.startDate)).size).toBe(2);
    expect(full.flatMap((w) => w.participants).filter((p) => p.earlyEnd !== null)).toHaveLength(1);
    // The half-days already held have their attendance: hours worked on the finished MESP.
    const finished = full.find((w) => w.status === 'termine')!;
    const hours = valueOf(await call('attendance/hours', { worksiteId: finished.id }));
    expect(hours.totals.worked).toBeGreaterThan(0);
    expect(hours.totals.attended).toBeGreaterThan(hours.totals.held * 0.8);
    expect(valueOf(await call('payroll/list')).map((h) => h.status)).toEqual(['transmis']);
    // The finished MESP has its evaluations and bilans.
    for (const p of finished.participants) {
      const bilan = valueOf(await call('bilans/get', { participationId: p.id }));
      expect(bilan.form.orientation).not.toBeNull();
      expect(bilan.skills.filter((s) => s.start && s.end && s.self)).toHaveLength(12);
    }
    expect(valueOf(await call('bilans/worksite', { worksiteId: finished.id })).form.production).toContain('bancs');
  });
});

describe('npm run demo IAE eligibility', () => {
  it('adds one person eligible on the RSA and one on three level-2 criteria whose PASS IAE the dashboard flags', async () => {
    const { services, session, call } = await configured();
    await seedDemoPeople(services, session);
    await seedDemoIae(services, session, '2026-03-02');
    const [first, second] = valueOf(await call('people/search', { status: 'en_chantier', pageSize: 100 })).rows;
    const one = valueOf(await call('iae/get', { personId: first!.id }));
    expect(one.result).toMatchObject({ eligible: true, reason: 'Éligible : 1 critère de niveau 1 (RSA)' });
    expect(one.pass).toMatchObject({ number: '999992600417', endsSoon: false });
    const two = valueOf(await call('iae/get', { personId: second!.id }));
    expect(two.result).toMatchObject({
      eligible: true,
      reason: 'Éligible : 3 critères de niveau 2 (QPV, TH, parent isolé)',
    });
    expect(two.pass).toMatchObject({ currentEnd: '2026-04-16', endsSoon: true });
    expect(valueOf(await call('dashboard/summary')).passIaeEnding).toEqual([
      { personId: second!.id, name: `${second!.firstNames} ${second!.lastName}`, endDate: '2026-04-16' },
    ]);
  });
});
