/**
 * Every document kind of the registry, printed for a woman and for a man with
 * long names and a long address, read back as a reader would (pdftotext) and
 * as the printer was given it (the HTML, where no-break spaces are still told
 * apart). A kind added to the registry is covered here without a line more.
 */
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import type { PdfPrinter } from '../../src-main/documents/printer';
import {
  DOCUMENT_KIND_INFO,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentKindInfo,
} from '../../src-main/shared/contract/document-kinds';
import type { DocumentRequest } from '../../src-main/shared/contract/documents';
import { formatFrenchDate } from '../../src-main/shared/dates';
import { fixTypography } from '../../src-main/shared/french';
import { configured, fakeClock, sessionAs, shared, valueOf } from './support/services';
import { person, situation } from './support/people';
import { keep, LEAKS, pdfText } from './support/pdf';
import { mesp, mespContract } from './support/worksites';

/** One Chromium for the whole file, keeping the HTML it was last given. */
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
    phone: '0612345678',
    email: 'ines@exemple.fr',
  },
  homme: {
    civility: 'monsieur' as const,
    sex: 'M' as const,
    firstNames: 'Éric Jean-Baptiste',
    lastName: 'Ollivier-Quéméneur',
    phone: '0298000001',
    email: '',
  },
};
type Who = keyof typeof PEOPLE;
const WEEK = '2026-06-15';

/**
 * A June 2026 MESP (Monday–Thursday mornings), a woman and a man on it for
 * the 4 weeks, every half-day attended, evaluated, their bilans written;
 * today is 1 July, after the worksite, so every document may be issued.
 */
async function juneWorksite() {
  const setup = await configured({ printer, clock: fakeClock('2026-07-01T09:00:00.000Z') });
  const { services, call } = setup;
  const supervisor = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const worksite = valueOf(
    await call('worksites/save', { worksite: mesp({ startDate: '2026-06-01', supervisorId: supervisor.user!.id }) }),
  );
  const { sessions } = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const people = {} as Record<Who, { personId: number; participationId: number }>;
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
    people[who] = { personId, participationId };
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
  return { ...setup, worksiteId: worksite.id, worksiteName: worksite.name, people };
}
type Setup = Awaited<ReturnType<typeof juneWorksite>>;

/** The request for a kind, from what its description says it belongs to: nothing here names a kind. */
function requestFor(kind: DocumentKind, setup: Setup, who: Who): DocumentRequest {
  const info: { owner: string; weekly?: true } = DOCUMENT_KIND_INFO[kind];
  if (info.owner === 'participation')
    return { kind, participationId: setup.people[who].participationId } as DocumentRequest;
  if (info.owner === 'person') return { kind, personId: setup.people[who].personId } as DocumentRequest;
  return { kind, worksiteId: setup.worksiteId, ...(info.weekly ? { weekOf: WEEK } : {}) } as DocumentRequest;
}

/** What the PDF's Title says: the kind, whom or what it is about, its number. */
function expectedTitle(kind: DocumentKind, setup: Setup, who: Who, number: string): string {
  const info: { label: string; owner: string; weekly?: true } = DOCUMENT_KIND_INFO[kind];
  const subject =
    info.owner === 'worksite'
      ? `${setup.worksiteName}${info.weekly ? ` — semaine du ${formatFrenchDate(WEEK)}` : ''}`
      : `${PEOPLE[who].firstNames} ${PEOPLE[who].lastName}`;
  return fixTypography(`${info.label} — ${subject} — ${number}`);
}

/** The body's text as it reaches the printer, tags dropped and entities read. */
function htmlText(html: string): string {
  return html
    .slice(html.indexOf('<body>'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

/** An immersion in June 2026 (the conventions' and bilans' kinds are made from one), its bilan written; long names everywhere. */
async function immersionOf(setup: Setup, personId: number): Promise<number> {
  const existing = valueOf(await setup.call('pmsmp/list', { personId }))[0];
  if (existing) return existing.id;
  const org = (name: string, kind: 'partenaire' | 'prescripteur') =>
    setup.call('contacts/saveOrganisation', {
      organisation: { name, kind, address: LONG_ADDRESS, phone: '0298000010', email: '' },
    });
  const host = valueOf(
    await org('Société coopérative ouvrière de production des Boulangers réunis d’Iroise', 'partenaire'),
  );
  const ft = valueOf(await org('France Travail Brest Europe', 'prescripteur'));
  const day = { start: '08:30', end: '16:30', pause: 60 };
  const immersion = valueOf(
    await setup.call('pmsmp/save', {
      personId,
      immersion: {
        hostOrganisationId: host.id,
        hostSiret: '73282932000074',
        hostActivity: 'Boulangerie',
        tutorName: 'Maël Kerjean-Le Floc’h',
        tutorFunction: 'Cheffe de fabrication',
        objective: 'recruter',
        trade: 'Boulanger',
        goals: "Vérifier l'aisance au façonnage",
        startDate: '2026-06-08',
        endDate: '2026-06-19',
        schedule: { lundi: day, mardi: day, mercredi: day, jeudi: day, vendredi: day },
        tasks: 'Peser, façonner, cuire',
        risks: 'Brûlures',
        equipment: 'Gants anti-chaleur',
        prescriberKind: 'france_travail',
        prescriberOrganisationId: ft.id,
        referentName: 'Soizic Le Roux',
        referentFunction: 'Conseillère en insertion',
      },
    }),
  );
  valueOf(
    await setup.call('pmsmp/saveBilan', {
      id: immersion.id,
      bilan: {
        outcome: 'realisee',
        missedMinutes: 90,
        skillsObserved: 'Régularité ; soin',
        followUp: 'Embauche envisagée',
        writtenOn: '2026-06-19',
      },
    }),
  );
  return immersion.id;
}

/** Made as the user makes it: through `documents/generate`, or through the method the kind names (the data export, which journals the NIR). */
async function made(setup: Setup, kind: DocumentKind, who: Who) {
  const { madeBy }: DocumentKindInfo = DOCUMENT_KIND_INFO[kind];
  if (!madeBy) return valueOf(await setup.call('documents/generate', requestFor(kind, setup, who)));
  const { personId } = setup.people[who];
  if (madeBy === 'rgpd/exportPerson') valueOf(await setup.call(madeBy, { personId, keep: true }));
  else valueOf(await setup.call(madeBy, { id: await immersionOf(setup, personId) }));
  return valueOf(await setup.call('documents/list', { personId })).documents.find((d) => d.kind === kind)!;
}

async function printed(setup: Setup, kind: DocumentKind, who: Who) {
  const row = await made(setup, kind, who);
  const html = lastHtml;
  const bytes = Buffer.from(valueOf(await setup.call('documents/content', { documentId: row.id })).pdfBase64, 'base64');
  const file = keep(`kind-${kind}-${who}`, bytes);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    row,
    html,
    file,
    text: pdfText(file).replace(/\s+/g, ' '),
    title: doc.getTitle(),
    pages: doc.getPageCount(),
  };
}

describe('every document kind, for a woman and for a man, long names and address', () => {
  let setup: Setup;
  const pageCounts = new Map<string, number>();
  beforeAll(async () => {
    setup = await shared(juneWorksite);
  }, 120_000);

  const cases = DOCUMENT_KINDS.flatMap((kind) => (['femme', 'homme'] as const).map((who) => [kind, who] as const));
  it.each(cases)('%s, %s', async (kind, who) => {
    const { row, html, file, text, title, pages } = await printed(setup, kind, who);
    pageCounts.set(`${kind}-${who}`, pages);
    expect(text).not.toMatch(LEAKS);
    expect(text, 'no inclusive form: both civilities are known').not.toMatch(/\((e|s|es)\)|·e/);
    expect(text, 'no doubled structure name').not.toMatch(/CCAS de CCAS|du CCAS du CCAS|de CCAS de/);
    expect(text, 'no date as stored').not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text, 'dates written out, never in figures').not.toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
    expect(text, 'no amount in cents').not.toMatch(/centimes/i);
    expect(text, 'typographic apostrophes').not.toContain("'");
    expect(html, 'no signature box left empty: a name, or a line to write it').not.toMatch(
      /<div class="who">[^<]*<\/div><div><\/div>/,
    );
    expect(html, 'no lone dash standing for an empty field').not.toMatch(/<p class="small">—<\/p>/);
    expect(text, 'no space before a full stop or comma').not.toMatch(/\p{L}\)? [.,](?!\d)/u);
    expect(text, 'a sentence starts with a capital (the page footer aside)').not.toMatch(/\. (?!page \d)\p{Ll}/u);
    const body = htmlText(html);
    expect(body, 'no ASCII space before « : ; ! ? »').not.toMatch(/ [:;!?»]/);
    expect(body, 'no ASCII space inside « »').not.toMatch(/« /);
    expect(body, 'an amount or duration keeps its unit').not.toMatch(/\d (h|%|€)(?![\p{L}])/u);
    expect(body, 'a day keeps its month, a month its year').not.toMatch(
      new RegExp(`(\\d|1er) (${MONTHS})|(${MONTHS}) \\d{4}`),
    );
    expect(title).toBe(expectedTitle(kind, setup, who, row.number));
    // Every page says where it stands, so a page that falls out of the pile finds its place.
    for (let page = 1; page <= pages; page++)
      expect(pdfText(file, page).replace(/\s+/g, ' '), `page ${page}`).toContain(`page ${page} / ${pages}`);
    // A signature never turns the page alone, nor with a one-line closing formula: some of the text it signs goes with it.
    for (let page = 2; page <= pages; page++) {
      const lines = pdfText(file, page)
        .split('\n')
        .filter((line) => line.trim() !== '');
      const signedAt = lines.findIndex((line) => line.trim().startsWith('Fait à'));
      if (signedAt >= 0)
        expect(signedAt - 1, `lines of text above the signature on page ${page}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('includes documents of three pages or more, numbered throughout', () => {
    const long = [...pageCounts.entries()].filter(([, pages]) => pages >= 3);
    expect(long.length, JSON.stringify([...pageCounts])).toBeGreaterThan(0);
  });

  it('gives the civility its agreement in each person-addressed document', async () => {
    // Letters to the person (a convention or a bilan of immersion is signed by several parties, not written to one).
    for (const kind of DOCUMENT_KINDS.filter(
      (k) => DOCUMENT_KIND_INFO[k].owner === 'person' && !['convention_pmsmp', 'bilan_pmsmp'].includes(k),
    )) {
      const her = (await printed(setup, kind, 'femme')).text;
      const him = (await printed(setup, kind, 'homme')).text;
      expect(her, kind).toContain('Madame,');
      expect(him, kind).toContain('Monsieur,');
      expect(
        execFileSync('pdfinfo', [`${process.cwd()}/tests/documents/output/kind-${kind}-femme.pdf`], {
          encoding: 'utf8',
        }),
      ).toMatch(/Creator:\s+Passerelle/);
    }
  });
});
