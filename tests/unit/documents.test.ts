import { sql } from 'kysely';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { configured, sessionAs, tempDir, valueOf } from './support/services';
import { person, situation } from './support/people';
import { employer } from './support/factories';
import { mesp, mespContract } from './support/worksites';
import { keep, LEAKS, pdfFonts, pdfInfo, pdfText } from './support/pdf';

// One Chromium for the whole file, as the app keeps one for a batch.
const printer = nodePdfPrinter();
afterAll(() => printer.close());

const LONG_ADDRESS =
  'Résidence des Tilleuls, bâtiment C, escalier 2, appartement 114, 14 rue du Général de Gaulle prolongée';

/** A MESP with its encadrant and half-days, and Élodie under contract on it. */
async function participation(personOverrides = {}) {
  const setup = await configured({ printer });
  const { services, call } = setup;
  const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const { id } = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: encadrant.user!.id }) }));
  valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
  const personId = valueOf(
    await call('people/create', {
      person: person({ address: LONG_ADDRESS, ...personOverrides }),
      situation: situation(),
    }),
  ).id;
  const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
  for (const status of ['candidature', 'entretien', 'admise'] as const)
    valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
  const worksite = valueOf(await call('worksites/addParticipant', { id, personId, contract: mespContract() }));
  return { ...setup, worksiteId: id, personId, participationId: worksite.participants[0]!.id };
}

async function generated(
  setup: Awaited<ReturnType<typeof participation>>,
  kind: 'contrat_travail' | 'mise_a_disposition' | 'convocation',
  name: string,
) {
  const row = valueOf(await setup.call('documents/generate', { kind, participationId: setup.participationId }));
  const content = valueOf(await setup.call('documents/content', { documentId: row.id }));
  const file = keep(name, Buffer.from(content.pdfBase64, 'base64'));
  return { row, file, text: pdfText(file).replace(/\s+/g, ' ') };
}

function expectCleanPdf(file: string, text: string) {
  expect(text).not.toMatch(LEAKS);
  expect(pdfInfo(file).a4).toBe(true);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.type, font.name).not.toBe('Type 3');
    expect(font.name, 'no fallback font').toMatch(/SourceSans3/);
    expect(font.embedded).toBe(true);
  }
}

describe('the MESP employment contract', () => {
  it('carries the employer, the legal ground, the computed values and the part-time mentions', async () => {
    const setup = await participation();
    const { row, file, text } = await generated(setup, 'contrat_travail', 'contrat-mesp');
    expect(row).toMatchObject({
      kind: 'contrat_travail',
      number: 'CT-2026-0001',
      version: 1,
      fileName: 'Contrat_LEFÈVRE_Élodie_2026-05-04.pdf',
    });
    expectCleanPdf(file, text);
    for (const value of [
      'Relais Emploi Iroise',
      'SIRET 443 061 841 00047',
      'Contrat de travail à durée déterminée d’usage',
      'D1242-1',
      'CCAS de Kerbrénou',
      'Madame Élodie LEFÈVRE',
      'née le 12 mai 1985',
      'prend effet le 4 mai 2026 et prend fin le 31 mai 2026',
      'période d’essai de 4 jours',
      'poste d’agent de menuiserie',
      'La durée hebdomadaire de travail est de 14 h',
      'Lundi Matin de 8 h 30 à 12 h',
      'Jeudi Matin de 8 h 30 à 12 h',
      'un dixième de la durée prévue au contrat, soit 1 h 24',
      '12,02',
      '168,28',
      'communiqués par écrit',
      'Caisse de retraite complémentaire',
      'Fait à Kerbrénou, le',
    ]) {
      expect(text, value).toContain(value);
    }
    // No end-of-contract bonus is due on a CDD d'usage: none is mentioned.
    expect(text).not.toMatch(/fin de contrat égale/);
  });

  it('keeps the signature block on one page, even after a three-line address', async () => {
    const setup = await participation();
    const { file } = await generated(setup, 'contrat_travail', 'contrat-signatures');
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThan(1);
    const last = pdfText(file, pages);
    for (const part of ['Fait à Kerbrénou', 'Pour l’employeur', 'La salariée', 'lu et approuvé'])
      expect(last).toContain(part);
    expect(pdfText(file, 1)).toContain(`page 1 / ${pages}`);
  });
});

describe('the other documents of a participation', () => {
  it('the mise à disposition names both parties and the CCAS’s duties', async () => {
    const setup = await participation();
    const { file, text } = await generated(setup, 'mise_a_disposition', 'mise-a-disposition');
    expectCleanPdf(file, text);
    for (const value of [
      'Contrat de mise à disposition',
      'Relais Emploi Iroise',
      'L’utilisateur',
      'CCAS de Kerbrénou',
      'du 4 mai 2026 au 31 mai 2026',
      'santé et sécurité au travail',
      'Atelier municipal, 5 rue du Port',
      '14 h',
    ]) {
      expect(text, value).toContain(value);
    }
  });

  it('the convocation says where, when, whom to ask for and what to bring, on the CCAS letterhead', async () => {
    const setup = await participation();
    const { file, text } = await generated(setup, 'convocation', 'convocation');
    expectCleanPdf(file, text);
    for (const value of [
      'CCAS de Kerbrénou',
      'lundi 4 mai 2026',
      'à 8 h 30',
      'Atelier municipal, 5 rue du Port',
      'Yann Kervella',
      'chaussures de sécurité',
      'Madame,',
    ]) {
      expect(text, value).toContain(value);
    }
  });

  it('a CDDI states its own legal ground', async () => {
    const setup = await participation();
    const { call, services } = setup;
    const aci = valueOf(
      await call('worksites/save', {
        worksite: mesp({
          name: 'Ressourcerie',
          kind: 'aci',
          weeks: 26,
          slots: [0, 1, 2, 3].flatMap((weekday) => [
            { weekday, halfDay: 'morning' as const },
            { weekday, halfDay: 'afternoon' as const },
          ]),
        }),
      }),
    );
    const other = valueOf(
      await call('people/create', {
        person: person({ firstNames: 'Awa', lastName: "N'Diaye" }),
        situation: situation(),
      }),
    ).id;
    const journeyId = valueOf(await call('people/openJourney', { personId: other, openedOn: '2026-02-02' }))
      .journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    const joined = valueOf(
      await call('worksites/addParticipant', {
        id: aci.id,
        personId: other,
        contract: mespContract({ type: 'cddi', endDate: '2026-10-31' }),
      }),
    );
    const row = valueOf(
      await call('documents/generate', { kind: 'contrat_travail', participationId: joined.participants[0]!.id }),
    );
    const file = keep(
      'contrat-cddi',
      Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64'),
    );
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Contrat à durée déterminée d’insertion (CDDI)');
    expect(text).toContain('L5132-15-1');
    expect(text).toContain('28 h');
    expect(text).toContain('période d’essai de 14 jours');
    expect(row.fileName).toBe("Contrat_N'DIAYE_Awa_2026-05-04.pdf");
    void services;
  });
});

describe('the preview', () => {
  it('is the PDF as it would be generated, marked as a preview, and records nothing', async () => {
    const setup = await participation();
    const { call, services, participationId } = setup;
    const preview = valueOf(await call('documents/preview', { kind: 'contrat_travail', participationId }));
    expect(preview.fileName).toBe('Contrat_LEFÈVRE_Élodie_2026-05-04.pdf');
    const file = keep('apercu', Buffer.from(preview.pdfBase64, 'base64'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Aperçu — document non enregistré');
    expect(text).toContain('période d’essai de 4 jours');
    expect((await sql<{ n: number }>`select count(*) as n from documents`.execute(services.db)).rows[0]!.n).toBe(0);
    expect(readdirSync(services.paths.documentsDir)).toEqual([]);
  });

  it.each([
    ['an unknown document', { kind: 'attestation_inventee', participationId: 1 }, 'INVALID_INPUT'],
    ['no participation', { kind: 'contrat_travail' }, 'INVALID_INPUT'],
    ['an unknown participation', { kind: 'contrat_travail', participationId: 999 }, 'NOT_FOUND'],
  ])('refuses %s in French', async (_case, input, code) => {
    const { call } = await configured({ printer });
    const result = await call('documents/generate', input as never);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(/[éèàa-z]{4}/);
  });
});

describe('missing data', () => {
  it('refuses naming each missing piece with where to fill it, and writes nothing', async () => {
    const setup = await participation({ address: '', postcode: '', town: '' });
    const { call, services, personId, participationId } = setup;
    const result = await call('documents/generate', { kind: 'contrat_travail', participationId });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Pour établir le document « contrat de travail » d’Élodie Lefèvre, complétez : l’adresse de la personne, le code postal de la personne, la commune de la personne.',
        missing: [
          { label: 'l’adresse de la personne', link: { kind: 'person', id: personId } },
          { label: 'le code postal de la personne', link: { kind: 'person', id: personId } },
          { label: 'la commune de la personne', link: { kind: 'person', id: personId } },
        ],
      },
    });
    expect((await sql<{ n: number }>`select count(*) as n from documents`.execute(services.db)).rows[0]!.n).toBe(0);
    expect(readdirSync(services.paths.documentsDir)).toEqual([]);
    expect(await call('documents/preview', { kind: 'contrat_travail', participationId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses a mise à disposition when the CCAS itself employs the person', async () => {
    const setup = await participation();
    const ccas = valueOf(
      await setup.call('settings/saveEmployer', { employer: employer({ name: 'CCAS de Kerbrénou', kind: 'ccas' }) }),
    );
    await sql`update participations set employer_id = ${ccas.id}`.execute(setup.services.db);
    expect(
      await setup.call('documents/preview', { kind: 'mise_a_disposition', participationId: setup.participationId }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Pas de mise à disposition : le CCAS est lui-même l’employeur de cette personne.',
      },
    });
  });
});

describe('the registry', () => {
  it('numbers and versions, reprints the stored bytes exactly, and notices a damaged file', async () => {
    const setup = await participation();
    const { call, services, participationId, personId, worksiteId } = setup;
    const first = valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    const second = valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    expect([first.number, first.version, second.number, second.version]).toEqual([
      'CT-2026-0001',
      1,
      'CT-2026-0001',
      2,
    ]);
    // Kept under its number, its version and a random part of its own (document-record.ts).
    const storedFile = (
      await sql<{ storedFile: string }>`select stored_file from documents where id = ${first.id}`.execute(services.db)
    ).rows[0]!.storedFile;
    expect(storedFile).toMatch(/^CT-2026-0001-v1-[0-9a-f]{8}\.pdf$/);
    const stored = readFileSync(path.join(services.paths.documentsDir, storedFile));
    const reprint = valueOf(await call('documents/content', { documentId: first.id }));
    expect(Buffer.from(reprint.pdfBase64, 'base64').equals(stored)).toBe(true);
    expect(reprint.sha256).toBe(first.sha256);
    const listed = valueOf(await call('documents/list', { personId }));
    expect(listed.documents.map((d) => [d.number, d.version])).toEqual([
      ['CT-2026-0001', 2],
      ['CT-2026-0001', 1],
    ]);
    expect(valueOf(await call('documents/list', { worksiteId })).documents).toHaveLength(2);
    // The snapshot keeps the values the document was made from.
    const snapshot = (
      await sql<{ snapshot: string }>`select snapshot from documents where id = ${first.id}`.execute(services.db)
    ).rows[0]!.snapshot;
    expect(JSON.parse(snapshot)).toMatchObject({
      contract: { hourlyCents: 1202, trialDays: 4 },
      person: { lastName: 'Lefèvre' },
    });
    // A file changed behind the app's back is refused, not printed.
    writeFileSync(path.join(services.paths.documentsDir, storedFile), Buffer.concat([stored, Buffer.from('x')]));
    expect(await call('documents/content', { documentId: first.id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_ERROR' },
    });
  });

  it('saves copies under a safe name, never overwriting, and remembers the folder', async () => {
    const setup = await participation();
    const { call, participationId, personId } = setup;
    const row = valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    const folder = tempDir('passerelle-usb-');
    expect(valueOf(await call('documents/saveCopy', { documentId: row.id, folder })).path).toBe(
      path.join(folder, 'Contrat_LEFÈVRE_Élodie_2026-05-04.pdf'),
    );
    expect(valueOf(await call('documents/saveCopy', { documentId: row.id, folder })).path).toBe(
      path.join(folder, 'Contrat_LEFÈVRE_Élodie_2026-05-04 (2).pdf'),
    );
    expect(valueOf(await call('documents/list', { personId })).lastFolder).toBe(folder);
    expect(await call('documents/saveCopy', { documentId: row.id, folder: path.join(folder, 'absent') })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    );
  });
});

describe('attachments', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201c5a7b1a30000000049454e44ae426082',
    'hex',
  );

  it('keeps a scan with the contract and gives it back byte for byte', async () => {
    const setup = await participation();
    const { call, services, participationId, personId, worksiteId } = setup;
    const scan = path.join(tempDir('passerelle-scans-'), 'contrat signé.png');
    writeFileSync(scan, PNG);
    const attached = valueOf(
      await call('documents/attach', { target: { participationId }, path: scan, label: 'Contrat signé' }),
    );
    expect(attached).toMatchObject({
      label: 'Contrat signé',
      mediaType: 'image/png',
      personId,
      worksiteId,
      originalName: 'contrat signé.png',
    });
    const back = valueOf(await call('documents/attachmentContent', { attachmentId: attached.id }));
    expect(Buffer.from(back.base64, 'base64').equals(PNG)).toBe(true);
    expect(valueOf(await call('documents/list', { personId })).attachments.map((a) => a.id)).toEqual([attached.id]);
    expect(valueOf(await call('documents/list', { worksiteId })).attachments.map((a) => a.id)).toEqual([attached.id]);
    expect(readdirSync(services.paths.attachmentsDir)).toHaveLength(1);
  });

  it('refuses a file of the wrong type or too large, in French, and keeps nothing', async () => {
    const setup = await participation();
    const { call, services, worksiteId } = setup;
    const dir = tempDir('passerelle-scans-');
    const fake = path.join(dir, 'contrat.pdf');
    writeFileSync(fake, 'Ceci est un texte, pas un PDF.');
    expect(
      await call('documents/attach', {
        target: { worksiteId, weekOf: '2026-05-04' },
        path: fake,
        label: 'Feuille signée',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Joignez un document numérisé au format PDF, JPEG ou PNG.' },
    });
    const big = path.join(dir, 'scan.pdf');
    writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]));
    expect(await call('documents/attach', { target: { worksiteId }, path: big, label: 'Scan' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/trop lourd : 10 Mo au plus/) },
    });
    expect(await call('documents/attach', { target: {}, path: big, label: 'Scan' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('documents/attach', { target: { personId: 999 }, path: fake, label: 'Scan' })).toMatchObject({
      ok: false,
    });
    expect(readdirSync(services.paths.attachmentsDir)).toEqual([]);
    expect(existsSync(fake)).toBe(true);
  });
});
