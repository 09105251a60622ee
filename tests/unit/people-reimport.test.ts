import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src-main/shared/contract';
import { configured, valueOf } from './support/services';
import { person, situation } from './support/people';

type Call = Awaited<ReturnType<typeof configured>>['call'];
type Mapping = MethodInput<'people/importPreview'>['mapping'];

const HEADERS = ['Nom', 'Prénom', 'Date de naissance', 'Sexe', 'Commune', 'Téléphone', 'Ressources', 'Niveau'];
const MAPPING: Mapping = ['lastName', 'firstNames', 'birthDate', 'sex', 'town', 'phone', 'resources', 'educationLevel'];
const table = (rows: string[][]) => ({ headers: HEADERS, rows, mapping: MAPPING });

async function countPersons(call: Call) {
  return valueOf(await call('people/search', {})).rows.length;
}

async function seed(call: Call) {
  const helene = valueOf(
    await call('people/create', {
      person: person({ lastName: 'LEFÈVRE', firstNames: 'Hélène', phone: '02 98 00 00 00' }),
      situation: situation(),
    }),
  ).id;
  const moussa = valueOf(
    await call('people/create', {
      person: person({
        lastName: 'Traoré',
        firstNames: 'Moussa',
        birthDate: '1990-03-02',
        sex: 'M',
        civility: 'monsieur',
      }),
      situation: situation({ resources: 'ass', educationLevel: '5' }),
    }),
  ).id;
  return { helene, moussa };
}

const FILE = [
  ['lefevre', 'helene', '12/05/1985', 'F', 'Plouzané', '', 'RSA', 'Bac pro'],
  ['TRAORE', 'Moussa', '02/03/1990', 'H', 'Quimper', '06 12 34 56 78', '', ''],
  ['Quéméner', 'Soazig', '02/03/1990', 'F', 'Brest', '', 'ASS', 'BTS'],
];

describe('re-importing people never makes a record worse', () => {
  it('proposes changes field by field and applies them only to the ticked rows', async () => {
    const { call } = await configured();
    const { helene, moussa } = await seed(call);
    const before = valueOf(await call('people/get', { id: moussa }));

    const preview = valueOf(await call('people/importPreview', table(FILE)));
    expect(preview.counts).toEqual({ create: 1, update: 2, unchanged: 0, invalid: 0 });
    // Name and first name differ only by case and accents; the phone cell is empty; the resources are the same.
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      action: 'update',
      personId: helene,
      changes: [
        { field: 'Commune', from: 'Brest', to: 'Plouzané' },
        { field: 'Niveau de formation', from: 'Niveau 3 (CAP, BEP)', to: 'Niveau 4 (bac)' },
      ],
    });
    expect(preview.rows[1]).toMatchObject({
      line: 3,
      personId: moussa,
      changes: [
        { field: 'Commune', from: 'Brest', to: 'Quimper' },
        { field: 'Téléphone', from: '', to: '0612345678' },
      ],
    });
    expect(preview.rows[2]).toMatchObject({ action: 'create', changes: [], version: null });

    const row = preview.rows[1]!;
    const counts = valueOf(
      await call('people/importCommit', {
        ...table(FILE),
        accepted: [{ line: 3, personId: moussa, version: row.version! }],
      }),
    );
    expect(counts).toEqual({ create: 1, update: 1, unchanged: 1, invalid: 0 });

    // Not ticked: untouched, spelling and situation included.
    const h = valueOf(await call('people/get', { id: helene }));
    expect(h).toMatchObject({ lastName: 'LEFÈVRE', firstNames: 'Hélène', town: 'Brest', phone: '0298000000' });
    expect(h.situations!.map((s) => s.educationLevel)).toEqual(['3']);
    // Ticked: only the listed fields change; the empty situation cells keep the situation.
    const m = valueOf(await call('people/get', { id: moussa }));
    expect(m).toEqual({ ...before, town: 'Quimper', phone: '0612345678' });
    const created = valueOf(await call('people/search', { query: 'quemener' })).rows[0]!;
    expect(valueOf(await call('people/get', { id: created.id })).situations![0]).toMatchObject({
      resources: 'ass',
      educationLevel: '5',
    });

    // The same file again: what was applied is not proposed again; what was refused is proposed again.
    const again = valueOf(await call('people/importPreview', table(FILE)));
    expect(again.rows.map((r) => r.action)).toEqual(['update', 'unchanged', 'unchanged']);
  });

  it('refuses a stale preview instead of writing over a record changed since', async () => {
    const { call } = await configured();
    const { helene } = await seed(call);
    const file = table([FILE[0]!]);
    const stale = valueOf(await call('people/importPreview', file)).rows[0]!;
    const accepted = [{ line: 2, personId: helene, version: stale.version! }];

    valueOf(
      await call('people/update', {
        id: helene,
        person: person({ lastName: 'LEFÈVRE', firstNames: 'Hélène', phone: '02 98 11 11 11' }),
      }),
    );
    expect(await call('people/importCommit', { ...file, accepted })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'accepted',
        message:
          'La fiche de la ligne 2 a été modifiée depuis la vérification : vérifiez à nouveau les lignes avant d’importer. Rien n’a été enregistré.',
      },
    });

    // A new situation recorded since the preview makes it stale too.
    const fresh = valueOf(await call('people/importPreview', file)).rows[0]!;
    valueOf(
      await call('people/addSituation', {
        id: helene,
        situation: situation({ observedOn: '2026-03-01', resources: 'are' }),
      }),
    );
    expect(
      await call('people/importCommit', {
        ...file,
        accepted: [{ line: 2, personId: helene, version: fresh.version! }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(valueOf(await call('people/get', { id: helene })).town).toBe('Brest');

    // Checked again, the proposal now shows the resources too and goes in.
    const checked = valueOf(await call('people/importPreview', file)).rows[0]!;
    expect(checked.changes).toContainEqual({ field: 'Ressources', from: 'ARE (chômage)', to: 'RSA' });
    valueOf(
      await call('people/importCommit', {
        ...file,
        accepted: [{ line: 2, personId: helene, version: checked.version! }],
      }),
    );
    const after = valueOf(await call('people/get', { id: helene }));
    expect(after).toMatchObject({ town: 'Plouzané', phone: '0298111111', lastName: 'LEFÈVRE' });
    expect(after.situations![0]).toMatchObject({ resources: 'rsa', educationLevel: '4', housing: 'Locataire HLM' });
  });

  it('accepts only the update proposals of the preview', async () => {
    const { call, services } = await configured();
    const { helene, moussa } = await seed(call);
    const version = valueOf(await call('people/importPreview', table(FILE))).rows[0]!.version!;
    for (const accepted of [
      [{ line: 4, personId: helene, version }], // a new person, not an update
      [{ line: 9, personId: helene, version }], // no such line
      [{ line: 2, personId: moussa, version }], // another person
    ]) {
      expect(await call('people/importCommit', { ...table(FILE), accepted })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'accepted' },
      });
    }
    expect(await countPersons(call)).toBe(2);
    expect(
      (await sql<{ n: number }>`select count(*) as n from person_situations`.execute(services.db)).rows[0]!.n,
    ).toBe(2);
  });

  it('reads diploma names in the level column and says what to write otherwise', async () => {
    const { call } = await configured();
    const preview = valueOf(
      await call(
        'people/importPreview',
        table([
          ['Martin', 'Léa', '01/02/2000', 'F', 'Brest', '', 'RSA', 'Licence pro'],
          ['Morvan', 'Yann', '01/02/2000', 'M', 'Brest', '', 'RSA', 'Bac+12'],
          ['Guivarc’h', 'Anne', '01/02/2000', 'F', 'Brest', '', 'RSA', ''],
          ['Le Bihan', 'Loïc', '01/02/2000', 'M', 'Brest', '', '', ''],
        ]),
      ),
    );
    expect(preview.rows.map((r) => r.action)).toEqual(['create', 'invalid', 'invalid', 'create']);
    expect(preview.rows[1]!.errors['7']).toMatch(
      /^« Bac\+12 » n’est pas un niveau de formation connu\. Écrivez le diplôme le plus élevé : sans diplôme, brevet/,
    );
    expect(preview.rows[2]!.errors['7']).toBe(
      'Le niveau de formation manque : les ressources seules ne font pas une situation.',
    );
  });
});
