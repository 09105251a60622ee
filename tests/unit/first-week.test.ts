import { describe, expect, it } from 'vitest';
import { firstWeekChecklist, type ChecklistFacts } from '../../src-main/domain/first-week';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { mesp } from './support/worksites';

const ready: ChecklistFacts = {
  structureLogo: true,
  employers: 1,
  wageRates: [{ effectiveFrom: '2026-01-01', hourlyCents: 1202 }],
  accounts: [
    { role: 'administrateur', linkedToCard: false },
    { role: 'coordination', linkedToCard: false },
    { role: 'encadrant', linkedToCard: false },
    { role: 'travailleur_social', linkedToCard: true },
  ],
  worksites: 1,
  backups: 1,
};

describe('la liste de la première semaine (règle)', () => {
  it('est toute cochée quand tout est en place', () => {
    expect(Object.values(firstWeekChecklist(ready, '2026-03-02')).every(Boolean)).toBe(true);
  });

  it.each<[string, Partial<ChecklistFacts>, string[]]>([
    ['sans logo de la structure', { structureLogo: false }, ['structure']],
    ['sans employeur', { employers: 0 }, ['employers']],
    [
      'avec un SMIC qui ne commence que demain',
      { wageRates: [{ effectiveFrom: '2026-03-03', hourlyCents: 1250 }] },
      ['wageRate'],
    ],
    ['sans compte d’encadrant', { accounts: ready.accounts.filter((a) => a.role !== 'encadrant') }, ['accounts']],
    [
      'sans compte de travailleur social',
      { accounts: ready.accounts.filter((a) => a.role !== 'travailleur_social') },
      ['accounts', 'socialWorkersLinked'],
    ],
    [
      'avec une travailleuse sociale non reliée à sa fiche',
      { accounts: [...ready.accounts, { role: 'travailleur_social', linkedToCard: false }] },
      ['socialWorkersLinked'],
    ],
    ['sans chantier', { worksites: 0 }, ['firstWorksite']],
    ['sans sauvegarde', { backups: 0 }, ['firstBackup']],
  ])('%s : ce qui reste à faire', (_, change, steps) => {
    const list = firstWeekChecklist({ ...ready, ...change }, '2026-03-02');
    expect(
      Object.entries(list)
        .filter(([, done]) => !done)
        .map(([key]) => key),
    ).toEqual(steps);
  });

  it('compte un SMIC en vigueur le jour même', () => {
    expect(
      firstWeekChecklist({ ...ready, wageRates: [{ effectiveFrom: '2026-03-02', hourlyCents: 1250 }] }, '2026-03-02')
        .wageRate,
    ).toBe(true);
  });
});

describe('dashboard/checklist', () => {
  it("se coche au fil de ce que l'administrateur fait, et n'est montrée qu'à lui", async () => {
    const { services, call } = await configured({ clock: fakeClock('2026-03-02T09:00:00.000Z') });
    // After the wizard: employers and the wage table are there, nothing else.
    expect(valueOf(await call('dashboard/checklist'))).toEqual({
      structure: false,
      employers: true,
      wageRate: true,
      accounts: false,
      socialWorkersLinked: false,
      firstWorksite: false,
      firstBackup: false,
    });

    const coordination = await sessionAs(services, 'coordination', 'Maëlle Guivarch');
    await sessionAs(services, 'encadrant', 'Yann Kervella');
    const awa = await sessionAs(services, 'travailleur_social', 'Awa Diallo');
    expect(valueOf(await call('dashboard/checklist'))).toMatchObject({ accounts: true, socialWorkersLinked: false });
    const organisation = valueOf(
      await call('contacts/saveOrganisation', {
        organisation: { name: 'CDAS de Brest', kind: 'partenaire', address: '', phone: '', email: '' },
      }),
    );
    valueOf(
      await call('contacts/saveContact', {
        contact: {
          organisationId: organisation.id,
          firstName: 'Awa',
          lastName: 'Diallo',
          service: '',
          phone: '',
          email: '',
          userId: awa.user!.id,
          leftOn: null,
        },
      }),
    );
    valueOf(await call('worksites/save', { worksite: mesp() }));
    expect(valueOf(await call('dashboard/checklist'))).toMatchObject({
      socialWorkersLinked: true,
      firstWorksite: true,
    });

    // The logo and the backup are files made through dialogs: their records stand for them here.
    await services.db.updateTable('structure').set({ logoFile: 'logo-0123456789abcdef.png' }).execute();
    await services.db
      .insertInto('backups')
      .values({
        at: '2026-03-02T10:00:00.000Z',
        path: '/media/cle/passerelle.sauvegarde',
        size: 1,
        plaintextSha256: 'a'.repeat(64),
        keyId: 'k',
        previousVerified: null,
      })
      .execute();
    expect(Object.values(valueOf(await call('dashboard/checklist'))).every(Boolean)).toBe(true);

    const refused = await caller(services, coordination)('dashboard/checklist');
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});
