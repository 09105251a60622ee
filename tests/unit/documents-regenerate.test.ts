import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { requestOf, type DocumentRow } from '../../src-main/shared/contract/documents';
import { configured, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';
import { keep } from './support/pdf';
import { mesp, mespContract } from './support/worksites';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/** A MESP of May 2026 with Élodie on it; today is 2 March, before its first half-day: a bilan can only be a draft. */
async function beforeTheWorksite() {
  const setup = await configured({ printer });
  const { services, call } = setup;
  const supervisor = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const { id: worksiteId } = valueOf(
    await call('worksites/save', { worksite: mesp({ supervisorId: supervisor.user!.id }) }),
  );
  valueOf(await call('worksites/generateSessions', { id: worksiteId, makeUps: [] }));
  const personId = valueOf(await call('people/create', { person: person(), situation: situation() })).id;
  const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
  for (const status of ['candidature', 'entretien', 'admise'] as const)
    valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
  const participationId = valueOf(
    await call('worksites/addParticipant', { id: worksiteId, personId, contract: mespContract() }),
  ).participants[0]!.id;
  return { ...setup, worksiteId, personId, participationId };
}

type Setup = Awaited<ReturnType<typeof beforeTheWorksite>>;

/** "Régénérer" as the documents card does it: the listed row, its request, a new version. */
async function regenerate({ call }: Setup, row: DocumentRow, listedBy: { personId: number } | { worksiteId: number }) {
  const listed = valueOf(await call('documents/list', listedBy)).documents.find((d) => d.id === row.id)!;
  const request = requestOf(listed);
  expect(request).not.toBeNull();
  return { listed, next: valueOf(await call('documents/generate', request!)) };
}

function rawText({ call }: Setup) {
  return async (row: DocumentRow) => {
    const bytes = Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64');
    return execFileSync('pdftotext', ['-raw', keep(`regenere-${row.number}-v${row.version}`, bytes), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
  };
}

describe('Régénérer asks again with the options the document was first made with', () => {
  it('a draft bilan stays a draft: marked on every page, in its title and file name', async () => {
    const setup = await beforeTheWorksite();
    const first = valueOf(
      await setup.call('documents/generate', {
        kind: 'bilan_individuel',
        participationId: setup.participationId,
        draft: true,
      }),
    );
    const { listed, next } = await regenerate(setup, first, { personId: setup.personId });
    expect(listed.options).toEqual({ draft: true, named: false });
    expect(next).toMatchObject({
      number: first.number,
      version: 2,
      options: { draft: true, named: false },
      title: first.title,
      fileName: first.fileName,
    });
    expect(next.title).toMatch(/^Projet \(non valable\) — /);
    expect(await rawText(setup)(next)).toContain('PROJET — non valable');
  });

  it('the named worksite bilan stays named and internal, and a draft; the anonymous one stays anonymous', async () => {
    const setup = await beforeTheWorksite();
    const named = valueOf(
      await setup.call('documents/generate', {
        kind: 'bilan_chantier',
        worksiteId: setup.worksiteId,
        named: true,
        draft: true,
      }),
    );
    const again = await regenerate(setup, named, { worksiteId: setup.worksiteId });
    expect(again.listed.options).toEqual({ draft: true, named: true });
    expect(again.next).toMatchObject({
      version: named.version + 1,
      options: { draft: true, named: true },
      title: named.title,
    });
    const text = await rawText(setup)(again.next);
    expect(text).toContain('Document interne — contient des données personnelles');
    expect(text).toContain('Élodie');

    const anonymous = valueOf(
      await setup.call('documents/generate', { kind: 'bilan_chantier', worksiteId: setup.worksiteId, draft: true }),
    );
    const regenerated = await regenerate(setup, anonymous, { worksiteId: setup.worksiteId });
    expect(regenerated.next.options).toEqual({ draft: true, named: false });
    const anonymousText = await rawText(setup)(regenerated.next);
    expect(anonymousText).not.toContain('Document interne');
    expect(anonymousText).not.toContain('Élodie');
  });

  it('a valid contract stays valid, and the week of an attendance sheet stays its week', async () => {
    const setup = await beforeTheWorksite();
    const contract = valueOf(
      await setup.call('documents/generate', { kind: 'contrat_travail', participationId: setup.participationId }),
    );
    const { next } = await regenerate(setup, contract, { personId: setup.personId });
    expect(next).toMatchObject({ number: contract.number, version: 2, options: { draft: false, named: false } });
    expect(await rawText(setup)(next)).not.toContain('PROJET');

    const sheet = valueOf(
      await setup.call('documents/generate', {
        kind: 'feuille_emargement',
        worksiteId: setup.worksiteId,
        weekOf: '2026-05-11',
      }),
    );
    const week = await regenerate(setup, sheet, { worksiteId: setup.worksiteId });
    expect(requestOf(week.listed)).toEqual({
      kind: 'feuille_emargement',
      worksiteId: setup.worksiteId,
      weekOf: '2026-05-11',
    });
    expect(week.next).toMatchObject({ number: sheet.number, version: 2, weekOf: '2026-05-11' });
  });

  it('the export of a person’s data is kept, numbered, with her documents, but made only from her page: no Régénérer, refused elsewhere', async () => {
    const setup = await beforeTheWorksite();
    const preview = valueOf(await setup.call('rgpd/exportPerson', { personId: setup.personId }));
    expect(
      valueOf(await setup.call('documents/list', { personId: setup.personId })).documents,
      'a preview keeps nothing',
    ).toEqual([]);
    expect(preview.fileStem).toBe('Donnees_LEFÈVRE_Élodie_2026-03-02');
    valueOf(await setup.call('rgpd/exportPerson', { personId: setup.personId, keep: true }));
    const [kept] = valueOf(await setup.call('documents/list', { personId: setup.personId })).documents;
    expect(kept).toMatchObject({
      kind: 'donnees_personne',
      number: 'DP-2026-0001',
      version: 1,
      personId: setup.personId,
      worksiteId: null,
      title: 'Vos données personnelles — Élodie Lefèvre',
    });
    expect(requestOf(kept!)).toBeNull();
    expect(
      await setup.call('documents/generate', { kind: 'donnees_personne', personId: setup.personId }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Ses données (RGPD)') } });
    // The notice is made like any document, and regenerated.
    const notice = valueOf(
      await setup.call('documents/generate', { kind: 'notice_donnees', personId: setup.personId }),
    );
    expect((await regenerate(setup, notice, { personId: setup.personId })).next).toMatchObject({
      number: 'ND-2026-0001',
      version: 2,
    });
  });
});
