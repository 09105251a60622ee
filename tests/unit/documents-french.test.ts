import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import type { PdfPrinter } from '../../src-main/documents/printer';
import { DOCUMENT_KIND_LABELS, type ParticipationDocumentKind } from '../../src-main/shared/contract/documents';
import { configured, fakeClock, sessionAs, shared, valueOf } from './support/services';
import { person, situation } from './support/people';
import { keep, LEAKS, pdfText } from './support/pdf';
import { mesp, mespContract } from './support/worksites';

/** The printer the app uses, keeping the HTML it was given: the text layer is checked there, where its no-break spaces are still told apart. */
const chromium = nodePdfPrinter();
let lastHtml = '';
const printer: PdfPrinter = {
  print: (html) => {
    lastHtml = html;
    return chromium.print(html);
  },
  close: () => chromium.close(),
};
afterAll(() => printer.close());

const LONG_ADDRESS =
  'Résidence des Tilleuls, bâtiment C, escalier 2, appartement 114, 14 rue du Général de Gaulle prolongée';
const PEOPLE = {
  femme: {
    civility: 'madame' as const,
    sex: 'F' as const,
    firstNames: 'Inès Marie-Annick',
    lastName: 'Le Goff-Kerhervé de Kerguélen',
  },
  homme: {
    civility: 'monsieur' as const,
    sex: 'M' as const,
    firstNames: 'Éric Jean-Baptiste',
    lastName: 'Ollivier-Quéméneur',
  },
};
type Who = keyof typeof PEOPLE;

/**
 * A June 2026 MESP (Monday–Thursday mornings), a woman and a man on it for
 * the 4 weeks, every half-day attended, evaluated and with their bilans
 * written; today is 1 July, after the worksite.
 */
async function juneWorksite() {
  const setup = await configured({ printer, clock: fakeClock('2026-07-01T09:00:00.000Z') });
  const { services, call } = setup;
  const supervisor = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const worksite = valueOf(
    await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01', supervisorId: supervisor.user!.id }) }),
  );
  const { sessions } = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const participations = {} as Record<Who, number>;
  for (const who of Object.keys(PEOPLE) as Who[]) {
    const personId = valueOf(
      await call('people/create', {
        person: person({ ...PEOPLE[who], address: LONG_ADDRESS }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    ).id;
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    const joined = valueOf(
      await call('worksites/addParticipant', {
        id: worksite.id,
        personId,
        contract: mespContract({ startDate: '2026-06-01', endDate: '2026-06-28' }),
        confirmWarnings: true,
      }),
    );
    const participationId = joined.participants.find((p) => p.personId === personId)!.id;
    participations[who] = participationId;
    valueOf(
      await call('attendance/save', {
        worksiteId: worksite.id,
        entries: sessions.map((s) => ({ sessionId: s.id, participationId, mark: { mark: 'present' as const } })),
      }),
    );
    valueOf(
      await call('bilans/save', {
        participationId,
        bilan: {
          participantWords: "J'ai aimé le bois : c'est précis ! Et la suite ? On verra...",
          teamAssessment: 'Progrès nets ; ponctualité « exemplaire ».',
          orientation: 'aci_siae',
          nextSteps: '',
          referentToInform: '',
          activitiesDone: 'Fabrication de douze bancs',
        },
      }),
    );
  }
  valueOf(
    await call('bilans/saveWorksite', {
      worksiteId: worksite.id,
      bilan: { production: 'Douze bancs : livrés le 26 juin.', incidents: '', comments: '' },
    }),
  );
  return { ...setup, worksiteId: worksite.id, participations };
}

/** The body's text as it reaches the printer, tags dropped and entities read. */
function htmlText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

/** What no French document may print, whoever it is for. */
function expectFrenchTypography(pdf: string, html: string) {
  expect(pdf).not.toMatch(LEAKS);
  expect(pdf, 'typographic apostrophes').not.toContain("'");
  expect(pdf, 'no doubled structure name').not.toMatch(/CCAS de CCAS|du CCAS du CCAS|de CCAS de/);
  expect(pdf, '"de le" contracts to "du"').not.toMatch(/\b[dD]e (le|les) |\b[àÀ] (le|les) /);
  expect(pdf, '"de" elides before a vowel').not.toMatch(/\b[dD]e [aeiouéèêàâîôûAEIOUÉÈÊÀÂÎÔÛ]/);
  const text = htmlText(html);
  expect(text, 'no ASCII space before « : ; ! ? »').not.toMatch(/ [:;!?»]/);
  expect(text, 'no ASCII space inside « »').not.toMatch(/« /);
  expect(text, 'a number keeps its unit').not.toMatch(/\d (h|%|€)(?![\p{L}])/u);
  expect(text, 'a day keeps its month and year').not.toMatch(new RegExp(`(\\d|1er) (${MONTHS})|(${MONTHS}) \\d{4}`));
  expect(text, 'French phone numbers in pairs').not.toMatch(/\d{10}/);
}

async function pdfInfoDict(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { title: doc.getTitle(), author: doc.getAuthor(), creator: doc.getCreator(), producer: doc.getProducer() };
}

async function generated(
  call: Awaited<ReturnType<typeof juneWorksite>>['call'],
  request: Parameters<typeof call<'documents/generate'>>[1],
  name: string,
) {
  const row = valueOf(await call('documents/generate', request));
  const html = lastHtml;
  const bytes = Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64');
  const file = keep(name, bytes);
  return { row, html, text: pdfText(file).replace(/\s+/g, ' '), info: await pdfInfoDict(bytes) };
}

/** Words each kind must agree with the person's civility: [for her, for him]. */
const AGREED: Record<ParticipationDocumentKind, [string[], string[]]> = {
  contrat_travail: [
    [
      'La salariée',
      'née le',
      'La salariée est engagée',
      'pour être mise à la disposition',
      'la salariée en est informée',
    ],
    ['Le salarié', 'né le', 'Le salarié est engagé', 'pour être mis à la disposition', 'le salarié en est informé'],
  ],
  mise_a_disposition: [
    ['née le', 'salariée de l’association', 'est mise à la disposition', 'Salariée mise à disposition'],
    ['né le', 'salarié de l’association', 'est mis à la disposition', 'Salarié mis à disposition'],
  ],
  convocation: [
    ['Madame,', 'Vous êtes attendue'],
    ['Monsieur,', 'Vous êtes attendu le'],
  ],
  attestation_presence: [
    ['née le', 'elle a été présente', 'à l’intéressée'],
    ['né le', 'il a été présent', 'à l’intéressé pour'],
  ],
  certificat_travail: [
    ['a été employée du', 'La salariée bénéficie, si elle y a droit'],
    ['a été employé du', 'Le salarié bénéficie, s’il y a droit'],
  ],
  planning_personne: [['Agenda de Madame Inès'], ['Agenda de Monsieur Éric']],
  bilan_individuel: [
    ['Madame Inès Marie-Annick LE GOFF-KERHERVÉ DE KERGUÉLEN'],
    ['Monsieur Éric Jean-Baptiste OLLIVIER-QUÉMÉNEUR'],
  ],
  attestation_competences: [
    ['née le', 'à l’intéressée', 'poste d’agent de menuiserie'],
    ['né le', 'à l’intéressé pour', 'poste d’agent de menuiserie'],
  ],
};

describe('the text of every document, for a woman and for a man', () => {
  let setup: Awaited<ReturnType<typeof juneWorksite>>;
  beforeAll(async () => {
    setup = await shared(juneWorksite);
  });

  for (const kind of Object.keys(AGREED) as (keyof typeof AGREED)[]) {
    it.each(['femme', 'homme'] as const)(`${kind}, %s`, async (who) => {
      const { row, html, text, info } = await generated(
        setup.call,
        { kind, participationId: setup.participations[who] },
        `fr-${kind}-${who}`,
      );
      expectFrenchTypography(text, html);
      expect(text, 'no inclusive form where the civility is known').not.toMatch(/\((e|s|es)\)|·e/);
      for (const agreed of AGREED[kind][who === 'femme' ? 0 : 1]) expect(text, agreed).toContain(agreed);
      const { firstNames, lastName } = PEOPLE[who];
      expect(info).toEqual({
        title: `${DOCUMENT_KIND_LABELS[kind]} — ${firstNames} ${lastName} — ${row.number}`,
        author: 'CCAS de Kerbrénou',
        creator: 'Passerelle',
        producer: 'Passerelle',
      });
    });
  }

  it.each([
    [
      'feuille_emargement',
      { weekOf: '2026-06-15' },
      'Feuille d’émargement — Menuiserie du port — semaine du 15/06/2026',
    ],
    ['planning_chantier', {}, 'Planning du chantier — Menuiserie du port'],
    ['bilan_chantier', {}, 'Bilan du chantier — Menuiserie du port'],
  ] as const)('%s', async (kind, extra, title) => {
    const { row, html, text, info } = await generated(
      setup.call,
      { kind, worksiteId: setup.worksiteId, ...extra } as Parameters<typeof generated>[1],
      `fr-${kind}`,
    );
    expectFrenchTypography(text, html);
    expect(text).not.toMatch(/\((e|s|es)\)/);
    expect(info).toEqual({
      title: `${title} — ${row.number}`,
      author: 'CCAS de Kerbrénou',
      creator: 'Passerelle',
      producer: 'Passerelle',
    });
  });

  it('signs as "Présidente du CCAS de Kerbrénou" from the title "La Présidente du CCAS", never "du CCAS de CCAS de"', async () => {
    const { text } = await generated(
      setup.call,
      { kind: 'attestation_presence', participationId: setup.participations.femme },
      'fr-signataire',
    );
    expect(text).toContain('Je soussignée Élodie Le Gall, Présidente du CCAS de Kerbrénou, atteste que Madame Inès');
    expect(text).toContain('organisé par le CCAS de Kerbrénou');
    expect(text).toContain('Tél. 02 98 00 00 00');
  });

  it('the registry names the documents with elision, and a batch carries a title too', async () => {
    const row = valueOf(
      await setup.call('documents/generate', {
        kind: 'certificat_travail',
        participationId: setup.participations.homme,
      }),
    );
    expect(row.title).toBe('Certificat de travail d’Éric Jean-Baptiste Ollivier-Quéméneur');
    const merged = valueOf(await setup.call('documents/merge', { documentIds: [row.id] }));
    expect(await pdfInfoDict(Buffer.from(merged.pdfBase64, 'base64'))).toMatchObject({
      title: row.title,
      creator: 'Passerelle',
      producer: 'Passerelle',
    });
  });
});

describe('a person with no civility recorded', () => {
  it('reads "la personne salariée… elle" in the contract, and the inclusive form only where a word must agree with the person', async () => {
    const setup = await juneWorksite();
    const { call, services } = setup;
    await services.db.updateTable('persons').set({ civility: null }).execute();
    const contract = await generated(
      call,
      { kind: 'contrat_travail', participationId: setup.participations.femme },
      'fr-contrat-sans-civilite',
    );
    expectFrenchTypography(contract.text, contract.html);
    for (const phrase of [
      'La personne salariée',
      'né(e) le',
      'La personne salariée est engagée',
      'pour être mise à la disposition',
    ])
      expect(contract.text, phrase).toContain(phrase);
    const attestation = await generated(
      call,
      { kind: 'attestation_presence', participationId: setup.participations.homme },
      'fr-attestation-sans-civilite',
    );
    for (const phrase of ['QUÉMÉNEUR, né(e) le', 'la personne a été présente', 'à la personne intéressée'])
      expect(attestation.text, phrase).toContain(phrase);
  });
});
