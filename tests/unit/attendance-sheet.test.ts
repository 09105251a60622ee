import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { tinyPng } from '../fixtures/images';
import { configured, fakeClock, sessionAs, tempDir, valueOf } from './support/services';
import { person, situation } from './support/people';
import { mesp, mespContract } from './support/worksites';
import { keep, LEAKS, pdfInfo, pdfText } from './support/pdf';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

const FSE_MENTION =
  'Ce projet est cofinancé par le Fonds social européen plus (FSE+) dans le cadre du programme national « Emploi et inclusion » 2021-2027.';

/** A MESP co-funded by the FSE+ and the Département, with its operation reference, three people under contract and a supervisor. */
async function fundedWorksite(
  options: { slots?: { weekday: number; halfDay: 'morning' | 'afternoon' }[]; today?: string; names?: string[] } = {},
) {
  const homeDir = tempDir('passerelle-home-');
  const setup = await configured({ printer, homeDir, clock: fakeClock(options.today ?? '2026-07-01T09:00:00.000Z') });
  const { call, services } = setup;
  writeFileSync(path.join(homeDir, 'fse.png'), tinyPng(160, 60, [0, 51, 153]));
  const logo = valueOf(await call('settings/importLogo', { path: path.join(homeDir, 'fse.png') }));
  const fse = valueOf(
    await call('funders/save', {
      funder: { name: 'Union européenne — FSE+', logoFile: logo.file, fundingMention: FSE_MENTION },
    }),
  );
  const department = valueOf(
    await call('funders/save', {
      funder: {
        name: 'Département du Finistère',
        logoFile: null,
        fundingMention:
          'Action soutenue par le Département du Finistère au titre du programme départemental d’insertion.',
      },
    }),
  );
  const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const worksite = mesp({
    supervisorId: encadrant.user!.id,
    fundersIds: [fse.id, department.id],
    operationReference: 'FSE-202301234',
    ...(options.slots ? { slots: options.slots } : {}),
  });
  const { id } = valueOf(await call('worksites/save', { worksite }));
  valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
  const participations: number[] = [];
  for (const firstNames of options.names ?? ['Élodie', 'Awa', 'Soazig']) {
    const personId = valueOf(
      await call('people/create', {
        person: person({ firstNames }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    ).id;
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    const w = valueOf(
      await call('worksites/addParticipant', { id, personId, contract: mespContract(), confirmWarnings: true }),
    );
    participations.push(w.participants.find((p) => p.personId === personId)!.id);
  }
  return { ...setup, worksiteId: id, participations };
}

async function sheet(
  call: Awaited<ReturnType<typeof configured>>['call'],
  worksiteId: number,
  weekOf: string,
  name: string,
) {
  const row = valueOf(await call('documents/generate', { kind: 'feuille_emargement', worksiteId, weekOf }));
  const file = keep(
    name,
    Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64'),
  );
  // In the order the page draws it (cell by cell), not side by side as -layout places the columns.
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).not.toMatch(LEAKS);
  return { row, file, text };
}

/** How many times `needle` appears in `text`. */
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('the feuille d’émargement for an FSE+ or Département audit', () => {
  it('a blank week: per half-day arrival, departure, signature and absence reason, a visa per half-day, planned totals, the funders and the operation', async () => {
    const { call, worksiteId } = await fundedWorksite({ today: '2026-05-01T09:00:00.000Z' });
    const { file, text } = await sheet(call, worksiteId, '2026-05-11', 'emargement-audit-vierge');
    expect(pdfInfo(file).pages).toBe(1);
    const lines = pdfText(file);
    // Four half-days held or holiday, each with its four columns and its planned times, never broken inside a time.
    expect(count(text, 'Arrivée Départ Signature')).toBe(4);
    expect(count(text, 'Signature Motif d’absence')).toBe(4);
    for (const day of [
      'Lundi 11 mai — matin',
      'Mardi 12 mai — matin',
      'Mercredi 13 mai — matin',
      'Jeudi 14 mai — matin',
    ])
      expect(text, day).toContain(day);
    expect(count(lines, 'prévu de 8 h 30 à 12 h')).toBe(4);
    expect(text).toContain('Jour férié (Ascension)');
    // The supervisor's visa under each half-day held (three: Thursday is a holiday), not one for the week.
    expect(text).toContain('Visa de l’encadrant nom et signature, à chaque demi-journée');
    expect(count(text, 'Nom :')).toBe(3);
    // Totals per person and for the week: planned, the realised left blank until the week is recorded.
    for (const name of [
      'LEFÈVRE Élodie 3 10 h 30',
      'LEFÈVRE Awa 3 10 h 30',
      'LEFÈVRE Soazig 3 10 h 30',
      'Total de la semaine 9 31 h 30',
    ])
      expect(text, name).toContain(name);
    expect(text).toContain('se remplissent d’après les signatures');
    // The absence codes are the grid's.
    expect(text).toContain(
      'M maladie · T accident du travail · V rendez-vous médical ou social autorisé · E démarche d’emploi ou de formation · J autre absence justifiée · N absence non justifiée',
    );
    // Funders, operation reference and mentions de financement.
    expect(text).toContain('financeurs : Département du Finistère, Union européenne — FSE+');
    expect(text).toContain('Référence de l’opération : FSE-202301234');
    expect(text).toContain(FSE_MENTION);
    expect(text).toContain(
      'Action soutenue par le Département du Finistère au titre du programme départemental d’insertion.',
    );
  });

  it('a recorded week: present half-days, hours worked (real times of a late arrival) and absences, per person and for the week', async () => {
    const { call, worksiteId, participations } = await fundedWorksite();
    const [elodie, awa, soazig] = participations as [number, number, number];
    const sessions = valueOf(await call('worksites/get', { id: worksiteId })).sessions.filter(
      (s) => s.date >= '2026-05-04' && s.date <= '2026-05-07',
    );
    expect(sessions).toHaveLength(4);
    const marks: Record<number, Record<string, object>> = {
      [awa]: { '2026-05-04': { mark: 'retard', actualStart: '09:00' }, '2026-05-05': { mark: 'non_justifiee' } },
      [soazig]: { '2026-05-06': { mark: 'maladie' } },
    };
    const entries = [elodie, awa, soazig].flatMap((participationId) =>
      sessions.map((s) => ({
        sessionId: s.id,
        participationId,
        mark: (marks[participationId]?.[s.date] ?? { mark: 'present' }) as { mark: 'present' },
      })),
    );
    valueOf(await call('attendance/save', { worksiteId, entries }));
    const { text } = await sheet(call, worksiteId, '2026-05-04', 'emargement-audit-saisie');
    // Élodie 4 × 3 h 30; Awa 3 h + 3 h 30 + 3 h 30, absent on Tuesday; Soazig 3 × 3 h 30, sick on Wednesday.
    for (const line of [
      'LEFÈVRE Élodie 4 14 h 4 14 h 0',
      'LEFÈVRE Awa 4 14 h 3 10 h 1',
      'LEFÈVRE Soazig 4 14 h 3 10 h 30 1',
      'Total de la semaine 12 42 h 10 34 h 30 2',
    ])
      expect(text, line).toContain(line);
    expect(text).not.toContain('se remplissent d’après les signatures');
  });

  it('a full-time week of ten half-days: every half-day has its columns and its visa, a running header on the next page', async () => {
    const everyHalfDay = [0, 1, 2, 3, 4].flatMap((weekday) => [
      { weekday, halfDay: 'morning' as const },
      { weekday, halfDay: 'afternoon' as const },
    ]);
    const { call, worksiteId } = await fundedWorksite({ slots: everyHalfDay, today: '2026-05-01T09:00:00.000Z' });
    const { file, text } = await sheet(call, worksiteId, '2026-05-18', 'emargement-audit-temps-plein');
    expect(count(text, 'Arrivée Départ Signature')).toBe(10);
    expect(count(text, 'Nom :')).toBe(10);
    expect(count(pdfText(file), 'prévu de 13 h 30 à 17 h')).toBe(5);
    expect(text).toContain('Total de la semaine 30 105 h');
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThan(1);
    for (let page = 2; page <= pages; page++) {
      expect(pdfText(file, page).replace(/\s+/g, ' ')).toContain(
        `FE-2026-0001 v1 — Feuille d’émargement — Menuiserie du port — semaine du 18/05/2026 page ${page} / ${pages}`,
      );
    }
  });

  it('a full MESP of five people, funders and mentions included, fits on one page', async () => {
    const { call, worksiteId } = await fundedWorksite({
      names: ['Élodie', 'Awa', 'Soazig', 'Moussa', 'Gaëlle-Marie-Françoise'],
      today: '2026-05-01T09:00:00.000Z',
    });
    const { file, text } = await sheet(call, worksiteId, '2026-05-04', 'emargement-audit-cinq');
    expect(pdfInfo(file).pages).toBe(1);
    expect(text).toContain('Total de la semaine 20 70 h');
  });

  it('without funders or reference: no empty mention, no stray label', async () => {
    const setup = await configured({ printer, clock: fakeClock('2026-05-01T09:00:00.000Z') });
    const { id } = valueOf(await setup.call('worksites/save', { worksite: mesp() }));
    valueOf(await setup.call('worksites/generateSessions', { id, makeUps: [] }));
    const { text } = await sheet(setup.call, id, '2026-05-04', 'emargement-sans-financeur');
    expect(text).not.toMatch(/financeurs :|Référence de l’opération/);
    expect(text).toMatch(/Total de la semaine 0 0\s?h/);
  });
});
