import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cssString } from '../../src-main/documents/running-header';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { configured, sessionAs, tempDir, valueOf } from './support/services';
import { employer, structure } from './support/factories';
import { tinyPng } from '../fixtures/images';
import { person, situation } from './support/people';
import { mesp, mespContract } from './support/worksites';
import { keep, pdfInfo, pdfText } from './support/pdf';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/** The longest a person's identity gets: composite first names, a double-barrelled name, a birth name, a four-line address. */
const LONG = {
  firstNames: 'Marie-Clémentine Anne-Sophie Éléonore',
  lastName: 'de La Villemarqué-Kerguelen de Trémeur',
  birthName: 'Le Goff-Quéméneur de Kerangoff',
  address:
    'Résidence des Tilleuls, bâtiment C, escalier 2, appartement 114, 14 rue du Général de Gaulle prolongée, lieu-dit Kerangoff Izella',
  town: 'Saint-Martin-des-Champs-sur-Penzé',
};

/** A minor on a full-time ACI-like week (ten half-days): the longest contract Passerelle writes, over three pages. */
async function longContract() {
  const homeDir = tempDir('passerelle-home-');
  const setup = await configured({ printer, homeDir });
  const { services, call } = setup;
  const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const everyHalfDay = [0, 1, 2, 3, 4].flatMap((weekday) => [
    { weekday, halfDay: 'morning' as const },
    { weekday, halfDay: 'afternoon' as const },
  ]);
  const { id } = valueOf(
    await call('worksites/save', {
      worksite: mesp({ supervisorId: encadrant.user!.id, slots: everyHalfDay, workAddress: LONG.address }),
    }),
  );
  valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
  const personId = valueOf(
    await call('people/create', { person: person({ ...LONG, birthDate: '2009-09-01' }), situation: situation() }),
  ).id;
  const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
  for (const status of ['candidature', 'entretien', 'admise'] as const)
    valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
  const joined = valueOf(
    await call('worksites/addParticipant', {
      id,
      personId,
      contract: mespContract({
        position:
          'Agent polyvalent de menuiserie, de manutention et d’entretien des espaces verts et des bâtiments communaux',
      }),
      confirmWarnings: true,
    }),
  );
  return { ...setup, homeDir, worksiteId: id, participationId: joined.participants[0]!.id };
}

/** The images a PDF page draws, with their pixel size, as `pdfimages -list` reports them. */
function images(file: string): { page: number; width: number; height: number }[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) }));
}

describe('continuation pages and signatures', () => {
  it('a three-page contract: a running header on pages 2 to N, initials on every page, the signature with the paragraph before it', async () => {
    const { call, participationId } = await longContract();
    const row = valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    const file = keep(
      'layout-contrat-long',
      Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64'),
    );
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = (page: number) => pdfText(file, page).replace(/\s+/g, ' ');
    // The first page has the letterhead and its number at the bottom, no running header.
    expect(text(1)).not.toContain('CT-2026-0001 v1 — Contrat de travail');
    expect(text(1)).toContain(`page 1 / ${pages}`);
    for (let page = 2; page <= pages; page++) {
      expect(text(page), `page ${page}`).toMatch(
        new RegExp(
          `^ ?CT-2026-0001 v1 — Contrat de travail — Marie-Clémentine Anne-Sophie Éléonore DE LA VILLEMARQUÉ- ?KERGUELEN DE TRÉMEUR page ${page} / ${pages}`,
        ),
      );
    }
    for (let page = 1; page <= pages; page++) expect(text(page), `initials on page ${page}`).toContain('Paraphes');
    // The signature page opens with the paragraph that precedes the signatures, never with them alone.
    const last = text(pages);
    const before = last.indexOf('Son représentant légal signe le présent contrat avec elle.');
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(last.indexOf('Fait à Kerbrénou, le 4 mai 2026'));
    expect(last).toContain('La salariée est mineure au premier jour du contrat');
    // Long names and addresses wrap between words: every word arrives whole.
    const all = pdfText(file).replace(/\s+/g, ' ');
    for (const word of [
      'Saint-Martin-des-Champs-sur-Penzé',
      'Kerangoff Izella',
      'Le Goff-Quéméneur de Kerangoff',
      'appartement 114',
    ])
      expect(all).toContain(word);
  });
});

describe('letterheads', () => {
  it('the employer’s own logo heads the contract and the mise à disposition it signs; the CCAS’s heads its convocation and attendance sheet', async () => {
    const { call, services, homeDir, participationId, worksiteId } = await longContract();
    writeFileSync(path.join(homeDir, 'relais.png'), tinyPng(200, 80, [200, 30, 30]));
    writeFileSync(path.join(homeDir, 'ccas.png'), tinyPng(150, 150, [10, 90, 160]));
    const employerLogo = valueOf(await call('settings/importLogo', { path: path.join(homeDir, 'relais.png') }));
    const ccasLogo = valueOf(await call('settings/importLogo', { path: path.join(homeDir, 'ccas.png') }));
    valueOf(await call('settings/saveEmployer', { id: 1, employer: employer({ logoFile: employerLogo.file }) }));
    valueOf(await call('settings/updateStructure', { structure: structure(), logoFile: ccasLogo.file }));
    const print = async (request: Parameters<typeof call<'documents/generate'>>[1], name: string) => {
      const row = valueOf(await call('documents/generate', request));
      // The snapshot keeps the data, never the logos' bytes.
      const { snapshot } = await services.db
        .selectFrom('documents')
        .select('snapshot')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(snapshot).not.toContain('base64');
      return keep(
        name,
        Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64'),
      );
    };
    // The contract: the employer's logo alone (200 × 80), on its first page, not the CCAS's.
    expect(images(await print({ kind: 'contrat_travail', participationId }, 'layout-contrat-logo-employeur'))).toEqual([
      { page: 1, width: 200, height: 80 },
    ]);
    expect(images(await print({ kind: 'mise_a_disposition', participationId }, 'layout-mad-logo-employeur'))).toEqual([
      { page: 1, width: 200, height: 80 },
    ]);
    // The CCAS's own documents keep its logo (150 × 150).
    expect(images(await print({ kind: 'convocation', participationId }, 'layout-convocation-logo'))).toEqual([
      { page: 1, width: 150, height: 150 },
    ]);
    expect(
      images(await print({ kind: 'feuille_emargement', worksiteId, weekOf: '2026-05-04' }, 'layout-emargement-logo')),
    ).toEqual([{ page: 1, width: 150, height: 150 }]);
  });
});

describe('the running header’s text in the style sheet', () => {
  it('keeps a French name as it is written', () => {
    expect(cssString('CT-2026-0001 v1 — Élodie N’Diaye (née Le Gall)')).toBe(
      '"CT-2026-0001 v1 — Élodie N’Diaye (née Le Gall)"',
    );
  });

  it('cannot end the string, the rule or the style element, whatever a name holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const css = cssString(name);
        const inner = css.slice(1, -1);
        expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
        expect(inner).not.toMatch(/["<>{};\n\r\f]|\\(?![0-9a-f]+ )/);
      }),
      { numRuns: 300 },
    );
  });
});
