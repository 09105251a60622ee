/**
 * Search from anywhere (Ctrl+K), through its RPC method: folded text, homonyms
 * told apart, each role finding only what it reaches.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src-main/shared/contract';
import { blankPrinter, buildWorld, callAs, assign, type World } from './support/world';
import { configured, fakeClock, shared, valueOf } from './support/services';
import { person, situation } from './support/people';
import { admitted, mesp, mespContract } from './support/worksites';

type Answer = MethodOutput<'search/anywhere'>;
const titles = (answer: Answer, kind: string) =>
  answer.groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];

describe('search from anywhere', () => {
  let call: Awaited<ReturnType<typeof configured>>['call'];
  let elodie: number;
  let homonym: number;
  beforeAll(async () => {
    ({ call } = await shared(() =>
      configured({ printer: blankPrinter, clock: fakeClock('2026-07-01T09:00:00.000Z') }),
    ));
    elodie = await admitted(call, 'Élodie');
    homonym = valueOf(
      await call('people/create', {
        person: person({ birthDate: '1991-11-03', town: 'Quimper' }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    ).id;
    valueOf(
      await call('people/create', {
        person: person({
          firstNames: 'Moussa',
          lastName: 'N’Diaye',
          sex: 'M',
          civility: 'monsieur',
          birthDate: '1979-02-20',
        }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    );
    const { id } = valueOf(await call('worksites/save', { worksite: mesp({ name: 'Écluse de Pénfeld' }) }));
    valueOf(
      await call('worksites/addParticipant', { id, personId: elodie, contract: mespContract(), confirmWarnings: true }),
    );
    const participationId = valueOf(await call('worksites/get', { id })).participants[0]!.id;
    valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
  });

  it.each([['elodie'], ['ÉLODIE'], ['lefevre'], ['LEFÈVRE élodie'], ['  elo  ']])(
    'finds « Élodie Lefèvre » by %j',
    async (text) => {
      expect(titles(valueOf(await call('search/anywhere', { text })), 'people')).toEqual([
        'Élodie Lefèvre',
        'Élodie Lefèvre',
      ]);
    },
  );

  it('finds « N’Diaye » whatever the apostrophe, and worksites by their folded name', async () => {
    for (const text of ['ndiaye', "n'diaye", 'N’DIAYE'])
      expect(titles(valueOf(await call('search/anywhere', { text })), 'people')).toEqual(['Moussa N’Diaye']);
    for (const text of ['ecluse penfeld', 'PENFELD écluse', 'pénfeld'])
      expect(titles(valueOf(await call('search/anywhere', { text })), 'worksites')).toEqual(['Écluse de Pénfeld']);
  });

  it('tells homonyms apart by their birth date, and links each to its record', async () => {
    const people = valueOf(await call('search/anywhere', { text: 'elodie' })).groups.find((g) => g.kind === 'people')!;
    expect(people.label).toBe('Personnes');
    expect(people.hits.map((h) => [h.detail, h.link])).toEqual([
      ['née le 12/05/1985 · Brest', { kind: 'person', id: elodie }],
      ['née le 03/11/1991 · Quimper', { kind: 'person', id: homonym }],
    ]);
  });

  it('groups people, worksites and documents, each with its French label and link', async () => {
    const answer = valueOf(await call('search/anywhere', { text: 'Élodie' }));
    expect(answer.groups.map((g) => g.label)).toEqual(['Personnes', 'Documents']);
    const document = answer.groups[1]!.hits[0]!;
    expect(document.title).toMatch(/^Contrat de travail d.+Élodie Lefèvre$/);
    expect(document.link).toEqual({ kind: 'person', id: elodie });
    expect(valueOf(await call('search/anywhere', { text: 'penfeld' })).groups[0]).toMatchObject({
      kind: 'worksites',
      label: 'Chantiers',
      hits: [
        {
          detail: expect.stringMatching(/^MESP · .+ · début le 04\/05\/2026$/),
          link: { kind: 'worksite', id: expect.any(Number) },
        },
      ],
    });
  });

  it('says when more match than shown, and takes % and _ as typed', async () => {
    const one = valueOf(await call('search/anywhere', { text: 'lefevre', limit: 1 })).groups[0]!;
    expect([one.hits.length, one.more]).toEqual([1, true]);
    expect(valueOf(await call('search/anywhere', { text: '%%' })).groups).toEqual([]);
    expect(valueOf(await call('search/anywhere', { text: 'l_fevre' })).groups).toEqual([]);
  });

  it('refuses a text shorter than 2 or longer than 100 characters, in French', async () => {
    expect(await call('search/anywhere', { text: 'é' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('au moins 2 caractères') },
    });
    expect(await call('search/anywhere', { text: ' a ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('search/anywhere', { text: 'a'.repeat(101) })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('100 caractères') },
    });
    expect(await call('search/anywhere', { text: 'elodie', limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('search from anywhere, per role', () => {
  let world: World;
  beforeAll(async () => {
    world = await shared(() => buildWorld());
    // ts1 follows A and C; encadrant1 supervises worksite A (people A and B).
    await assign(world, {
      referents: ['ts1', 'ts2', 'ts1', 'ts2', null, null],
      supervisors: ['encadrant1', 'encadrant2', null],
    });
  }, 60_000);

  const search = async (account: string, text: string) =>
    valueOf(await callAs(world, account)('search/anywhere', { text, limit: 20 }));

  it('shows each role only the people and worksites it reaches', async () => {
    const everyone = world.people.map((p) => `${p.firstNames} ${p.lastName}`);
    expect(titles(await search('administrateur', 'zorvek'), 'people')).toEqual(everyone);
    expect(titles(await search('coordination', 'zorvek'), 'people')).toEqual(everyone);
    expect(titles(await search('ts1', 'zorvek'), 'people')).toEqual(['YanaigA ZorvekA', 'YanaigC ZorvekC']);
    expect(titles(await search('encadrant1', 'zorvek'), 'people')).toEqual(['YanaigA ZorvekA', 'YanaigB ZorvekB']);
    // A person out of reach is not found even by her full name.
    expect((await search('ts1', 'YanaigB ZorvekB')).groups).toEqual([]);
    expect(titles(await search('ts1', 'xerbal'), 'worksites')).toEqual([
      'Chantier XerbalC',
      'Chantier XerbalB',
      'Chantier XerbalA',
    ]);
    expect(titles(await search('encadrant1', 'xerbal'), 'worksites')).toEqual(['Chantier XerbalA']);
    expect(titles(await search('encadrant2', 'xerbalA'), 'worksites')).toEqual([]);
  });

  it('gives the roles that open no record nothing but an empty answer', async () => {
    for (const account of ['psychologue', 'lecture_seule'])
      expect(await search(account, 'zorvek')).toEqual({ groups: [] });
  });

  it('is not journaled: it reads identity, not a sensitive category', async () => {
    const count = async () =>
      Number(
        (
          await world.services.db
            .selectFrom('journal')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await search('administrateur', 'zorvek');
    expect(await count()).toBe(before);
  });
});
