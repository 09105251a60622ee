import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cssString } from '../../src-main/documents/running-header';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { configured, sessionAs, valueOf } from './support/services';
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
  address: 'Résidence des Tilleuls, bâtiment C, escalier 2, appartement 114, 14 rue du Général de Gaulle prolongée, lieu-dit Kerangoff Izella',
  town: 'Saint-Martin-des-Champs-sur-Penzé',
};

/** A minor on a full-time ACI-like week (ten half-days): the longest contract Passerelle writes, over three pages. */
async function longContract() {
  const setup = await configured({ printer });
  const { services, call } = setup;
  const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const everyHalfDay = [0, 1, 2, 3, 4].flatMap((weekday) => [{ weekday, halfDay: 'morning' as const }, { weekday, halfDay: 'afternoon' as const }]);
  const { id } = valueOf(await call('worksites/save', { worksite: mesp({ supervisorId: encadrant.user!.id, slots: everyHalfDay, workAddress: LONG.address }) }));
  valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
  const personId = valueOf(await call('people/create', { person: person({ ...LONG, birthDate: '2009-09-01' }), situation: situation() })).id;
  const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
  for (const status of ['candidature', 'entretien', 'admise'] as const) valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
  const joined = valueOf(await call('worksites/addParticipant', { id, personId, contract: mespContract({ position: 'Agent polyvalent de menuiserie, de manutention et d’entretien des espaces verts et des bâtiments communaux' }), confirmWarnings: true }));
  return { ...setup, participationId: joined.participants[0]!.id };
}

describe('continuation pages and signatures', () => {
  it('a three-page contract: a running header on pages 2 to N, initials on every page, the signature with the paragraph before it', async () => {
    const { call, participationId } = await longContract();
    const row = valueOf(await call('documents/generate', { kind: 'contrat_travail', participationId }));
    const file = keep('layout-contrat-long', Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64'));
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = (page: number) => pdfText(file, page).replace(/\s+/g, ' ');
    // The first page has the letterhead and its number at the bottom, no running header.
    expect(text(1)).not.toContain('CT-2026-0001 v1 — Contrat de travail');
    expect(text(1)).toContain(`page 1 / ${pages}`);
    for (let page = 2; page <= pages; page++) {
      expect(text(page), `page ${page}`).toMatch(new RegExp(`^ ?CT-2026-0001 v1 — Contrat de travail — Marie-Clémentine Anne-Sophie Éléonore DE LA VILLEMARQUÉ- ?KERGUELEN DE TRÉMEUR page ${page} / ${pages}`));
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
    for (const word of ['Saint-Martin-des-Champs-sur-Penzé', 'Kerangoff Izella', 'Le Goff-Quéméneur de Kerangoff', 'appartement 114']) expect(all).toContain(word);
  });
});

describe('the running header’s text in the style sheet', () => {
  it('keeps a French name as it is written', () => {
    expect(cssString('CT-2026-0001 v1 — Élodie N’Diaye (née Le Gall)')).toBe('"CT-2026-0001 v1 — Élodie N’Diaye (née Le Gall)"');
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
