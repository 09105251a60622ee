import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src-main/imports/table';
import { person, situation } from './support/people';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';

/** A secretary and a social worker who read two people's records on two days. */
async function consultedWorld() {
  const clock = fakeClock('2026-12-01T08:00:00.000Z');
  const { services, call, view } = await configured({ clock });
  const morvan = valueOf(
    await call('people/create', {
      person: person({ lastName: 'Morvan', firstNames: 'Anne', nir: '2 85 05 78 006 084 41' }),
      situation: situation(),
    }),
  );
  const kerouac = valueOf(
    await call('people/create', {
      person: person({ lastName: 'Kerouac', firstNames: 'Yann', sex: 'M', civility: 'monsieur' }),
      situation: situation(),
    }),
  );
  const secretary = await sessionAs(services, 'coordination', 'Sophie Tanguy');
  const asSecretary = caller(services, secretary);
  clock.set('2026-12-01T22:30:00.000Z'); // 23 h 30 in France, 1 December
  valueOf(await asSecretary('people/get', { id: morvan.id }));
  clock.set('2026-12-02T09:31:00.000Z'); // 10 h 31 in France, 2 December
  valueOf(await call('people/get', { id: kerouac.id }));
  valueOf(await call('people/revealNir', { id: morvan.id }));
  return { services, call, clock, admin: view.user, secretary: secretary.user!, morvan, kerouac };
}

describe('reading the access journal', () => {
  it('lists actions in French, names the records and filters by person, account, action and days', async () => {
    const w = await consultedWorld();
    const all = valueOf(await w.call('journal/list', { page: 1, pageSize: 50 }));
    const consulted = all.entries.find((e) => e.method === 'people/get' && e.userId === w.secretary.id)!;
    expect(consulted).toMatchObject({
      userName: 'Sophie Tanguy',
      action: 'read',
      records: [{ ref: `person:${w.morvan.id}`, label: 'MORVAN Anne' }],
    });

    // Whose record: Anne Morvan's was read by the secretary, and her NIR shown to the administrator.
    const hers = valueOf(await w.call('journal/list', { page: 1, pageSize: 50, personId: w.morvan.id }));
    expect(hers.entries.map((e) => [e.method, e.userName])).toEqual([
      ['people/revealNir', 'Élodie Le Gall'],
      ['people/get', 'Sophie Tanguy'],
      ['people/create', 'Élodie Le Gall'],
    ]);
    expect(hers.total).toBe(3);
    expect(hers.entries[0]!.records.map((r) => r.label)).toEqual([
      'MORVAN Anne',
      'N° de sécurité sociale de MORVAN Anne',
    ]);

    const byAccount = valueOf(await w.call('journal/list', { page: 1, pageSize: 50, userId: w.secretary.id }));
    expect(byAccount.entries.map((e) => e.method)).toEqual(['people/get']);

    const reads = valueOf(await w.call('journal/list', { page: 1, pageSize: 50, method: 'people/get' }));
    expect(reads.entries.map((e) => e.records[0]!.label)).toEqual(['KEROUAC Yann', 'MORVAN Anne']);

    // 23 h 30 in France on 1 December is 1 December, though 22 h 30 UTC.
    const firstDay = valueOf(
      await w.call('journal/list', {
        page: 1,
        pageSize: 50,
        method: 'people/get',
        from: '2026-12-01',
        to: '2026-12-01',
      }),
    );
    expect(firstDay.entries.map((e) => e.userName)).toEqual(['Sophie Tanguy']);
    const secondDay = valueOf(await w.call('journal/list', { page: 1, pageSize: 50, from: '2026-12-02' }));
    expect(secondDay.entries.map((e) => e.method)).toEqual(['people/revealNir', 'people/get']);

    const both = valueOf(
      await w.call('journal/list', { page: 1, pageSize: 50, personId: w.kerouac.id, userId: w.secretary.id }),
    );
    expect(both).toMatchObject({ entries: [], total: 0 });
    // The action filter offers what the journal holds, whatever is filtered.
    expect([...both.methods].sort()).toEqual(['people/create', 'people/get', 'people/revealNir', 'setup/complete']);
    expect(await w.call('journal/list', { page: 1, pageSize: 50, from: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'from' },
    });
  });

  it('never stores a name in the journal, and shows an anonymised person as such', async () => {
    const w = await consultedWorld();
    const stored = await w.services.db.selectFrom('journal').select(['records', 'method']).execute();
    expect(JSON.stringify(stored)).not.toMatch(/Morvan|MORVAN|Kerouac|KEROUAC/);
    // What rgpd/anonymise leaves on the record: the names replaced, the date of the anonymisation.
    await w.services.db
      .updateTable('persons')
      .set({ lastName: 'ANONYME', firstNames: `Personne n°${w.morvan.id}`, anonymisedOn: '2026-12-02' })
      .where('id', '=', w.morvan.id)
      .execute();
    const hers = valueOf(await w.call('journal/list', { page: 1, pageSize: 50, personId: w.morvan.id }));
    expect(hers.entries[0]!.records.map((r) => r.label)).toEqual([
      'personne anonymisée',
      'N° de sécurité sociale de personne anonymisée',
    ]);
  });

  it('exports the same French columns and names, and the CSV reads back', async () => {
    const w = await consultedWorld();
    const folder = w.services.homeDir;
    const exported = valueOf(await w.call('journal/export', { folder, personId: w.morvan.id }));
    expect(exported.count).toBe(3);
    const text = readFileSync(exported.path, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(text.slice(1).replace(/\r\n$/, ''));
    expect(rows[0]).toEqual([
      'N°',
      'Date',
      'Compte',
      'Action',
      'Type',
      'Résultat',
      'Enregistrements',
      'Références',
      'Empreinte',
    ]);
    const body = rows.slice(1).map((row) => row.slice(1, 8));
    expect(body).toEqual([
      [
        '01/12/2026 à 9\u00a0h\u00a000',
        'Élodie Le Gall',
        'Création de la fiche',
        'Modification',
        'réussi',
        'MORVAN Anne',
        `person:${w.morvan.id}`,
      ],
      [
        '01/12/2026 à 23\u00a0h\u00a030',
        'Sophie Tanguy',
        'Consultation de la fiche',
        'Consultation de données sensibles',
        'réussi',
        'MORVAN Anne',
        `person:${w.morvan.id}`,
      ],
      [
        '02/12/2026 à 10\u00a0h\u00a031',
        'Élodie Le Gall',
        'Affichage du numéro de sécurité sociale',
        'Consultation de données sensibles',
        'réussi',
        'MORVAN Anne ; N° de sécurité sociale de MORVAN Anne',
        `person:${w.morvan.id} nir:${w.morvan.id}`,
      ],
    ]);
    // Oldest first, numbered as stored, each with its HMAC.
    const numbers = rows.slice(1).map((row) => Number(row[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const row of rows.slice(1)) expect(row[8]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says refused for a failed login', async () => {
    const { services, call, view } = await configured();
    await caller(services)('auth/login', { userId: view.user.id, password: 'pas le bon' });
    const page = valueOf(await call('journal/list', { page: 1, pageSize: 50, method: 'auth/login' }));
    expect(page.entries).toMatchObject([
      { action: 'login-failed', records: [{ ref: `user:${view.user.id}`, label: 'Élodie Le Gall' }] },
    ]);
  });
});
