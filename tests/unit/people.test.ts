import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertPerson } from '../../src-main/db/repositories/people';
import { maskNir, nirValid } from '../../src-main/shared/identifiers';
import { unemploymentLength } from '../../src-main/domain/unemployment';
import { caller, configured, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';

async function countPersons(services: Awaited<ReturnType<typeof configured>>['services']) {
  return (await sql<{ n: number }>`select count(*) as n from persons`.execute(services.db)).rows[0]!.n;
}

describe('NIR and unemployment rules', () => {
  it.each([
    ['285057800608441', true],
    ['285057800608442', false],
    ['175072A00401210', true],
    ['385057800608441', true === nirValid('385057800608441')],
    ['28505780060844', false],
  ])('%s → %s', (nir, valid) => expect(nirValid(nir)).toBe(valid));

  it('masks all but sex and birth year', () => {
    expect(maskNir('285057800608441')).toBe('2 85 •• •• ••• ••• ••');
  });

  it.each([
    ['2026-01-10', '2026-02-15', 'non'],
    ['2025-02-15', '2026-02-15', 'longue'],
    ['2025-02-16', '2026-02-15', 'non'],
    ['2024-02-15', '2026-02-15', 'tres_longue'],
  ])('registered %s, on %s → %s', (since, on, expected) => expect(unemploymentLength(since, on)).toBe(expected));
});

describe('people records', () => {
  it('creates a record with its dated situation and reads it back', async () => {
    const { call } = await configured();
    const { id } = valueOf(
      await call('people/create', { person: person({ nir: '2 85 05 78 006 084 41' }), situation: situation() }),
    );
    const record = valueOf(await call('people/get', { id }));
    expect(record).toMatchObject({
      lastName: 'Lefèvre',
      firstNames: 'Élodie',
      nirMasked: '2 85 •• •• ••• ••• ••',
      archived: false,
    });
    expect(record.situations).toEqual([
      expect.objectContaining({ resources: 'rsa', longTermUnemployed: 'tres_longue', rqth: 'non' }),
    ]);
    expect(JSON.stringify(record)).not.toContain('285057800608441');
    expect(valueOf(await call('people/revealNir', { id }))).toEqual({ nir: '285057800608441' });
  });

  it.each([
    [
      'an impossible date',
      { birthDate: '1985-02-30' },
      'person.birthDate',
      'La date de naissance n’est pas une date valide.',
    ],
    [
      'a birth date in the future',
      { birthDate: '2030-01-01' },
      'person.birthDate',
      'La date de naissance ne peut pas être dans le futur.',
    ],
    [
      'a wrong NIR key',
      { nir: '285057800608442' },
      'person.nir',
      'La clé du numéro de sécurité sociale ne correspond pas : vérifiez chaque chiffre.',
    ],
    [
      'a 10,000-character name',
      { lastName: 'A'.repeat(10_000) },
      'person.lastName',
      'Le nom ne doit pas dépasser 100 caractères.',
    ],
    ['no sex', { sex: undefined as never }, 'person.sex', 'Indiquez le sexe (utile aux chiffres des financeurs).'],
  ])('refuses %s in French and writes nothing', async (_case, overrides, field, message) => {
    const { services, call } = await configured();
    const result = await call('people/create', { person: person(overrides), situation: situation() });
    expect(result).toMatchObject({ ok: false, error: { field, message } });
    expect(await countPersons(services)).toBe(0);
  });

  it('keeps every situation as history, newest first', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('people/create', { person: person(), situation: situation() }));
    const updated = valueOf(
      await call('people/addSituation', {
        id,
        situation: situation({ observedOn: '2026-09-01', resources: 'salaire', rsaMonths: null }),
      }),
    );
    expect(updated.situations?.map((s) => [s.observedOn, s.resources])).toEqual([
      ['2026-09-01', 'salaire'],
      ['2026-02-15', 'rsa'],
    ]);
  });

  it('warns of a duplicate (folded name, birth name, birth date or NIR) until confirmed', async () => {
    const { services, call } = await configured();
    valueOf(
      await call('people/create', {
        person: person({ lastName: 'Le Gall', birthName: 'Lefèvre' }),
        situation: situation(),
      }),
    );
    const again = await call('people/create', {
      person: person({ lastName: 'LEFEVRE', firstNames: 'elodie' }),
      situation: situation(),
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'duplicates' } });
    if (!again.ok) expect(again.error.message).toContain('Élodie Le Gall, né(e) le 12/05/1985, a déjà une fiche');
    const candidates = valueOf(
      await call('people/findDuplicates', { lastName: 'Lefevre', firstNames: 'Élodie', birthDate: '1985-05-12' }),
    );
    expect(candidates.map((c) => c.lastName)).toEqual(['Le Gall']);
    valueOf(
      await call('people/create', {
        person: person({ lastName: 'LEFEVRE' }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    expect(await countPersons(services)).toBe(2);
    // A different first name or birth date is not a duplicate.
    valueOf(await call('people/create', { person: person({ firstNames: 'Anne' }), situation: situation() }));
  });

  it('archives without losing history', async () => {
    const { call } = await configured();
    const { id } = valueOf(await call('people/create', { person: person(), situation: situation() }));
    valueOf(await call('people/setArchived', { id, archived: true }));
    expect(valueOf(await call('people/search', {})).total).toBe(0);
    expect(valueOf(await call('people/search', { archived: true })).rows.map((r) => r.id)).toEqual([id]);
    expect(valueOf(await call('people/get', { id })).situations).toHaveLength(1);
  });

  it('journals every read of a record as a sensitive read', async () => {
    const { services, call } = await configured();
    const { id } = valueOf(await call('people/create', { person: person(), situation: situation() }));
    valueOf(await call('people/get', { id }));
    const last = await services.db
      .selectFrom('journal')
      .select(['action', 'method', 'records'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'read', method: 'people/get', records: `["person:${id}"]` });
  });
});

describe('search', () => {
  it.each([
    ['lefevre', ['Lefèvre']],
    ['LEFÈVRE', ['Lefèvre']],
    ['ndiaye', ["N'Diaye", 'N’Diaye']],
    ['n’diaye', ["N'Diaye", 'N’Diaye']],
    ['coeur', ['Cœur']],
    ['jean pierre', ['Jean-Pierre']],
    ['kerouac', ['Kerouac']],
  ])('"%s" finds %j', async (query, expected) => {
    const { call } = await configured();
    const names: [string, string, string][] = [
      ['Lefèvre', '', 'Élodie'],
      ["N'Diaye", '', 'Moussa'],
      ['N’Diaye', '', 'Awa'],
      ['Cœur', '', 'Anne'],
      ['Martin', '', 'Jean-Pierre'],
      ['Le Bihan', 'Kerouac', 'Soazig'],
    ];
    for (const [lastName, birthName, firstNames] of names) {
      valueOf(
        await call('people/create', {
          person: person({ lastName, birthName, firstNames, birthDate: '1990-01-01' }),
          situation: situation(),
          confirmedNotDuplicate: true,
        }),
      );
    }
    const rows = valueOf(await call('people/search', { query })).rows;
    const matched = rows.map((r) => expected.find((name) => [r.lastName, r.firstNames, r.birthName].includes(name)));
    expect(matched.sort()).toEqual([...expected].sort());
  });

  it('pages through 5,000 people in SQL, sorted and filtered', async () => {
    const { services, call } = await configured();
    await services.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5000; i++) {
        await insertPerson(
          trx,
          {
            ...person({
              lastName: `Nom${String(i).padStart(4, '0')}`,
              firstNames: 'Test',
              sex: i % 3 === 0 ? 'M' : 'F',
              birthDate: '1980-01-01',
            }),
            nir: '',
          },
          '2026-03-02T09:00:00.000Z',
        );
      }
    });
    const page3 = valueOf(await call('people/search', { page: 3, pageSize: 25 }));
    expect(page3.total).toBe(5000);
    expect(page3.rows).toHaveLength(25);
    expect(page3.rows[0]!.lastName).toBe('Nom0050');
    const men = valueOf(await call('people/search', { sex: 'M', sort: 'name', direction: 'desc', pageSize: 10 }));
    expect(men.total).toBe(1667);
    expect(men.rows[0]!.lastName).toBe('Nom4998');
    expect(valueOf(await call('people/search', { query: 'nom0042' })).rows.map((r) => r.lastName)).toEqual(['Nom0042']);
  });

  it('filters by prescriber, référent, référent who left, and latest resources', async () => {
    const { call } = await configured();
    const org = valueOf(
      await call('contacts/saveOrganisation', {
        organisation: { name: 'France Travail Brest', kind: 'prescripteur', address: '', phone: '', email: '' },
      }),
    );
    const ref = valueOf(
      await call('contacts/saveContact', {
        contact: {
          organisationId: org.id,
          firstName: 'Soizic',
          lastName: 'Le Roux',
          service: 'Accompagnement',
          phone: '',
          email: '',
          userId: null,
          leftOn: '2026-01-31',
        },
      }),
    );
    const a = valueOf(
      await call('people/create', {
        person: person({ prescriberId: org.id, referentId: ref.id }),
        situation: situation({ resources: 'ass' }),
      }),
    );
    valueOf(await call('people/create', { person: person({ firstNames: 'Anne' }), situation: situation() }));
    expect(valueOf(await call('people/search', { prescriberId: org.id })).rows.map((r) => r.id)).toEqual([a.id]);
    expect(valueOf(await call('people/search', { referentLeft: true })).rows).toMatchObject([
      { id: a.id, referentName: 'Soizic Le Roux', referentLeft: true },
    ]);
    expect(valueOf(await call('people/search', { resources: 'ass' })).total).toBe(1);
    expect(valueOf(await call('people/search', { resources: 'rsa' })).total).toBe(1);
    expect(valueOf(await call('people/search', { year: 2026 })).total).toBe(2);
    expect(valueOf(await call('people/search', { year: 2025 })).total).toBe(0);
    expect(
      valueOf(await call('people/search', { query: 'anne', sort: 'createdAt', direction: 'desc' })).rows.map(
        (r) => r.firstNames,
      ),
    ).toEqual(['Anne']);
    expect(valueOf(await call('people/search', { query: '%' })).total).toBe(0);
  });
});

describe('who sees whom', () => {
  it('gives a travailleur social their own caseload only; others answer NOT_FOUND', async () => {
    const { services, call } = await configured();
    const ts = await sessionAs(services, 'travailleur_social', 'Soizic Le Roux');
    const org = valueOf(
      await call('contacts/saveOrganisation', {
        organisation: { name: 'CCAS — service social', kind: 'prescripteur', address: '', phone: '', email: '' },
      }),
    );
    const card = valueOf(
      await call('contacts/saveContact', {
        contact: {
          organisationId: org.id,
          firstName: 'Soizic',
          lastName: 'Le Roux',
          service: '',
          phone: '',
          email: '',
          userId: ts.user!.id,
          leftOn: null,
        },
      }),
    );
    const mine = valueOf(
      await call('people/create', { person: person({ referentId: card.id }), situation: situation() }),
    );
    const other = valueOf(
      await call('people/create', { person: person({ firstNames: 'Anne' }), situation: situation() }),
    );
    const asTs = caller(services, ts);
    expect(valueOf(await asTs('people/search', {})).rows.map((r) => r.id)).toEqual([mine.id]);
    expect(valueOf(await asTs('people/get', { id: mine.id })).situations).toHaveLength(1);
    for (const attempt of [
      asTs('people/get', { id: other.id }),
      asTs('people/addSituation', { id: other.id, situation: situation() }),
      asTs('people/update', { id: other.id, person: person({ firstNames: 'Anne' }) }),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await asTs('people/revealNir', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('shows an encadrant nobody until worksites give them participants', async () => {
    const { services, call } = await configured();
    const { id } = valueOf(await call('people/create', { person: person(), situation: situation() }));
    const asEncadrant = caller(services, await sessionAs(services, 'encadrant'));
    expect(valueOf(await asEncadrant('people/search', {})).total).toBe(0);
    expect(await asEncadrant('people/get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('nationality, only where the structure collects it', () => {
  it('ignores it while the setting is off, keeps it once on, and keeps it when an edit leaves it out', async () => {
    const { call } = await configured();
    const off = valueOf(
      await call('people/create', { person: person({ nationalityGroup: 'hors_ue' }), situation: situation() }),
    );
    expect(valueOf(await call('people/get', { id: off.id }))).toMatchObject({
      nationalityGroup: null,
      collectNationality: false,
    });
    expect(
      valueOf(await call('settings/updatePeopleOptions', { collectNationality: true })).people.collectNationality,
    ).toBe(true);
    const on = valueOf(
      await call('people/create', {
        person: person({ firstNames: 'Anne', nationalityGroup: 'ue' }),
        situation: situation(),
      }),
    );
    expect(valueOf(await call('people/get', { id: on.id })).nationalityGroup).toBe('ue');
    const { nationalityGroup: _left, ...withoutNationality } = person({ firstNames: 'Anne', town: 'Quimper' });
    expect(valueOf(await call('people/update', { id: on.id, person: withoutNationality }))).toMatchObject({
      town: 'Quimper',
      nationalityGroup: 'ue',
    });
  });
});
