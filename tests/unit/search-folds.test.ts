/**
 * The stored folded search text (migration 028): search from anywhere and the
 * documents list look in `persons.name_folded`, `worksites.name_folded`,
 * `employers.name_folded` and `documents.title_folded` instead of folding
 * every row at each keystroke. Each write that changes what they fold keeps
 * them equal to `foldForSearch` of it: creating, editing, importing and
 * anonymising a person, saving a worksite or an employer, printing a document
 * and withdrawing it. Runs on both engines.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src-main/app/services';
import { foldForSearch } from '../../src-main/shared/text';
import { blankPrinter } from './support/world';
import { configured, fakeClock, shared, valueOf } from './support/services';
import { employer } from './support/factories';
import { person } from './support/people';
import { admitted, mesp, mespContract } from './support/worksites';

type Call = Awaited<ReturnType<typeof configured>>['call'];

/** Each row's stored fold beside what it should be: `foldForSearch` of the text it folds, as it is now. */
async function folds(services: Services) {
  const { rows } = await sql<{ table: string; id: number; source: string; folded: string }>`
    select 'persons' as "table", id, first_names || ' ' || last_name as source, name_folded as folded from persons
    union all select 'worksites', id, name, name_folded from worksites
    union all select 'employers', id, name, name_folded from employers
    union all select 'documents', id, title || ' ' || number, title_folded from documents
    order by 1, 2`.execute(services.db);
  return rows;
}

async function expectAllFolded(services: Services) {
  const rows = await folds(services);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.folded, `${row.table} ${row.id}`).toBe(foldForSearch(row.source));
}

const foldedOf = async (services: Services, table: string, id: number) =>
  (await folds(services)).find((r) => r.table === table && r.id === id)!.folded;

const hits = async (call: Call, text: string, kind: string) =>
  valueOf(await call('search/anywhere', { text }))
    .groups.find((g) => g.kind === kind)
    ?.hits.map((h) => h.title) ?? [];

describe('stored folded search text', () => {
  let services: Services;
  let call: Call;
  let elodie: number;
  let worksiteId: number;
  beforeAll(async () => {
    ({ services, call } = await shared(() =>
      configured({ printer: blankPrinter, clock: fakeClock('2026-07-01T09:00:00.000Z') }),
    ));
    elodie = await admitted(call, 'Élodie');
    ({ id: worksiteId } = valueOf(await call('worksites/save', { worksite: mesp({ name: 'Écluse de Pénfeld' }) })));
    valueOf(
      await call('worksites/addParticipant', {
        id: worksiteId,
        personId: elodie,
        contract: mespContract(),
        confirmWarnings: true,
      }),
    );
    const participationId = valueOf(await call('worksites/get', { id: worksiteId })).participants[0]!.id;
    valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
  });

  it('is written with each new person, worksite, employer and document', async () => {
    await expectAllFolded(services);
    expect(await foldedOf(services, 'persons', elodie)).toBe('elodie lefevre');
    expect(await foldedOf(services, 'worksites', worksiteId)).toBe('ecluse de penfeld');
    expect(await hits(call, 'PENFELD ecluse', 'worksites')).toEqual(['Écluse de Pénfeld']);
  });

  it('follows a person’s and a worksite’s new name', async () => {
    const record = valueOf(await call('people/get', { id: elodie }));
    valueOf(
      await call('people/update', {
        id: elodie,
        expectedVersion: record.version,
        person: person({ lastName: 'Kerhervé-Le Bœuf' }),
        confirmWarnings: true,
        confirmedNotDuplicate: true,
      }),
    );
    expect(await foldedOf(services, 'persons', elodie)).toBe('elodie kerherve-le boeuf');
    expect(await hits(call, 'lefevre', 'people')).toEqual([]);
    expect(await hits(call, 'boeuf', 'people')).toEqual(['Élodie Kerhervé-Le Bœuf']);
    // The person's documents are found by the new name (their title keeps the old one).
    expect((await hits(call, 'kerherve', 'documents')).length).toBe(1);

    const site = valueOf(await call('worksites/get', { id: worksiteId }));
    valueOf(
      await call('worksites/save', {
        id: worksiteId,
        expectedVersion: site.version,
        worksite: mesp({ name: 'Jardins de l’Élorn' }),
      }),
    );
    expect(await foldedOf(services, 'worksites', worksiteId)).toBe("jardins de l'elorn");
    expect(await hits(call, 'penfeld', 'worksites')).toEqual([]);
    expect(await hits(call, 'elorn', 'worksites')).toEqual(['Jardins de l’Élorn']);
    await expectAllFolded(services);
  });

  it('follows an employer’s new name, and finds its worksites by it', async () => {
    const { id } = valueOf(await call('settings/saveEmployer', { employer: employer({ name: 'Régie de Quartier' }) }));
    expect(await foldedOf(services, 'employers', id)).toBe('regie de quartier');
    const saved = valueOf(
      await call('settings/saveEmployer', { id, employer: employer({ name: 'Régie Œuvre Commune' }) }),
    );
    expect(saved.name).toBe('Régie Œuvre Commune');
    expect(await foldedOf(services, 'employers', id)).toBe('regie oeuvre commune');
    await expectAllFolded(services);
  });

  it('is written for people imported from a spreadsheet', async () => {
    const file = path.join(services.homeDir, 'liste.csv');
    writeFileSync(
      file,
      [
        'Nom;Prénom;Né(e) le;Sexe;Commune',
        'Cœur;Jean-Pierre;31/12/1990;M;Brest',
        'N’Diaye;Awa;03/04/1992;F;Brest',
      ].join('\r\n'),
    );
    const read = valueOf(await call('people/importRead', { path: file }));
    expect(valueOf(await call('people/importCommit', read))).toMatchObject({ create: 2, invalid: 0 });
    expect(await hits(call, 'coeur jean', 'people')).toEqual(['Jean-Pierre Cœur']);
    await expectAllFolded(services);
  });

  it('follows anonymisation: the person’s new name, the withdrawn documents’ title', async () => {
    const documentIds = (await folds(services)).filter((r) => r.table === 'documents').map((r) => r.id);
    valueOf(await call('rgpd/anonymise', { personIds: [elodie], confirm: true }));
    await expectAllFolded(services);
    expect(await hits(call, 'kerherve', 'people')).toEqual([]);
    const withdrawn = (await folds(services)).filter((r) => documentIds.includes(r.id) && r.table === 'documents');
    expect(withdrawn.map((r) => r.folded.startsWith('document retire (anonymisation) '))).toEqual(
      documentIds.map(() => true),
    );
    expect(await hits(call, 'kerherve', 'documents')).toEqual([]);
  });
});
