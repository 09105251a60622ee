import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { configured, fakeClock, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';
import { mesp, mespContract } from './support/worksites';
import { keep, LEAKS, pdfFonts, pdfInfo, pdfText } from './support/pdf';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/** A MESP with its encadrant, half-days generated, and `names` admitted and under contract for its 4 weeks. */
async function worksiteWith(
  names: string[],
  start = '2026-05-04',
  end = '2026-05-31',
  today = '2026-07-01T09:00:00.000Z',
) {
  const setup = await configured({ printer, clock: fakeClock(today) });
  const { call, services } = setup;
  const encadrant = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const { id } = valueOf(
    await call('worksites/save', { worksite: mesp({ startDate: start, supervisorId: encadrant.user!.id }) }),
  );
  valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
  const ids: number[] = [];
  for (const firstNames of names) {
    const personId = valueOf(
      await call('people/create', {
        person: person({ firstNames, address: firstNames === 'Sans-Adresse' ? '' : '3 rue des Ajoncs' }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    ).id;
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
    const w = valueOf(
      await call('worksites/addParticipant', {
        id,
        personId,
        contract: mespContract({ startDate: start, endDate: end }),
        confirmWarnings: true,
      }),
    );
    ids.push(w.participants.find((p) => p.personId === personId)!.id);
  }
  return { ...setup, worksiteId: id, participationIds: ids };
}

async function generatedText(
  call: Awaited<ReturnType<typeof configured>>['call'],
  request: Parameters<typeof call<'documents/generate'>>[1],
  name: string,
) {
  const row = valueOf(await call('documents/generate', request));
  const file = keep(
    name,
    Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64'),
  );
  const text = pdfText(file).replace(/\s+/g, ' ');
  expect(text).not.toMatch(LEAKS);
  expect(pdfFonts(file).every((f) => f.type !== 'Type 3' && /SourceSans3/.test(f.name))).toBe(true);
  return { row, file, text };
}

describe('attestation de présence', () => {
  it('counts the half-days attended and the hours worked by hand: 15 half-days, 52 h', async () => {
    const { call, worksiteId, participationIds } = await worksiteWith(['Élodie'], '2026-06-01', '2026-06-28');
    const [participationId] = participationIds as [number];
    // Before any attendance is recorded: only as a draft, marked on the page and in the registry.
    const refused = await call('documents/generate', { kind: 'attestation_presence', participationId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'draft' } });
    const planned = await generatedText(
      call,
      { kind: 'attestation_presence', participationId, draft: true },
      'attestation-prevue',
    );
    expect(planned.text).toContain('Heures prévues au planning, non encore effectuées ou non encore saisies : 56 h');
    // Drawn diagonally, the watermark reads in the raw text order.
    expect(execFileSync('pdftotext', ['-raw', planned.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(
      'PROJET — non valable',
    );
    expect(planned.row.title).toBe('Projet (non valable) — Attestation de présence d’Élodie Lefèvre');

    const sessions = valueOf(await call('worksites/get', { id: worksiteId })).sessions;
    const marks: Record<string, object> = {
      '2026-06-09': { mark: 'retard', actualStart: '09:00' },
      '2026-06-10': { mark: 'non_justifiee' },
    };
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: sessions.map((s) => ({
          sessionId: s.id,
          participationId,
          mark: (marks[s.date] ?? { mark: 'present' }) as { mark: 'present' },
        })),
      }),
    );
    const { text, row } = await generatedText(call, { kind: 'attestation_presence', participationId }, 'attestation');
    expect(row.version).toBe(2);
    expect(text).not.toContain('PROJET');
    for (const value of [
      'Attestation de présence',
      'CCAS de Kerbrénou',
      'Madame Élodie LEFÈVRE',
      'née le 12 mai 1985',
      '« Menuiserie du port »',
      'du 1er juin 2026 au 28 juin 2026',
      '15 demi-journées',
      '52 h de travail effectif',
    ]) {
      expect(text, value).toContain(value);
    }
  });
});

describe('certificat de travail', () => {
  it('has the mentions the law lists and nothing else, even after an early end', async () => {
    const { call, participationIds } = await worksiteWith(['Élodie']);
    const [participationId] = participationIds as [number];
    valueOf(
      await call('contracts/endEarly', { participationId, earlyEnd: { date: '2026-05-20', reason: 'accord_commun' } }),
    );
    const { text, row } = await generatedText(call, { kind: 'certificat_travail', participationId }, 'certificat');
    expect(row.fileName).toBe('Certificat_travail_LEFÈVRE_Élodie_2026-05-20.pdf');
    for (const value of [
      'Certificat de travail',
      'Relais Emploi Iroise',
      'SIRET 443 061 841 00047',
      'Madame Élodie LEFÈVRE',
      'employée du 4 mai 2026 au 20 mai 2026',
      'Emploi occupé : Agent de menuiserie, du 4 mai 2026 au 20 mai 2026',
      'Humanis Prévoyance',
      'L911-8',
      'Fait à Brest',
    ]) {
      expect(text, value).toContain(value);
    }
    // No reason for leaving, hours, absences, assessment, wage or trial period.
    expect(text).not.toMatch(/accord|motif|absence|heure|évalu|présence|salaire|essai|rupture/i);
  });
});

describe('documents state only what has happened', () => {
  it('refuses the certificat de travail the day before the last day, makes it on the last day with the portabilité sentence', async () => {
    const before = await worksiteWith(['Élodie'], '2026-05-04', '2026-05-31', '2026-05-30T09:00:00.000Z');
    const refused = await before.call('documents/generate', {
      kind: 'certificat_travail',
      participationId: before.participationIds[0]!,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Le certificat de travail s’établit à la fin du contrat : son dernier jour est le 31\u00a0mai\u00a02026.',
      },
    });
    expect(valueOf(await before.call('documents/list', { worksiteId: before.worksiteId })).documents).toEqual([]);

    const onTheDay = await worksiteWith(['Élodie'], '2026-05-04', '2026-05-31', '2026-05-31T09:00:00.000Z');
    const { text } = await generatedText(
      onTheDay.call,
      { kind: 'certificat_travail', participationId: onTheDay.participationIds[0]! },
      'certificat-dernier-jour',
    );
    expect(text).toContain('garanties de frais de santé (mutuelle) et de prévoyance');
    expect(text).toContain('pendant 1 mois');
    expect(text).toContain('dans la limite de 12 mois');
    expect(text).toContain('ouvre droit à l’assurance chômage (article L911-8 du Code de la sécurité sociale)');
  });

  it('refuses an attestation de compétences with no hour worked', async () => {
    const { call, participationIds } = await worksiteWith(['Élodie']);
    expect(
      await call('documents/preview', { kind: 'attestation_competences', participationId: participationIds[0]! }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Aucune heure de travail n’est enregistrée pour ce contrat : il n’y a pas de compétences à attester.',
      },
    });
    // A draft does not make it possible: there is nothing to certify.
    expect(
      await call('documents/generate', {
        kind: 'attestation_competences',
        participationId: participationIds[0]!,
        draft: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('dates the contract by its signature, else its hand-over, else a blank to fill by hand, never the print date', async () => {
    const { call, participationIds } = await worksiteWith(['Élodie']);
    const participationId = participationIds[0]!;
    const line = async (name: string) =>
      (await generatedText(call, { kind: 'contrat_travail', participationId }, name)).text;
    valueOf(
      await call('contracts/update', {
        participationId,
        contract: {
          position: 'Agent de menuiserie',
          handedOn: '2026-05-04',
          signedOn: '2026-05-05',
          derogationUntil: null,
        },
      }),
    );
    const signed = await line('contrat-signe');
    expect(signed).toContain('Fait à Kerbrénou, le 5 mai 2026');
    expect(signed).toContain('Document établi le 1er juillet 2026.');
    valueOf(
      await call('contracts/update', {
        participationId,
        contract: { position: 'Agent de menuiserie', handedOn: '2026-05-04', signedOn: null, derogationUntil: null },
      }),
    );
    expect(await line('contrat-remis')).toContain('Fait à Kerbrénou, le 4 mai 2026');
    valueOf(
      await call('contracts/update', {
        participationId,
        contract: { position: 'Agent de menuiserie', handedOn: null, signedOn: null, derogationUntil: null },
      }),
    );
    const blank = await line('contrat-sans-date');
    expect(blank).toContain('Fait à Kerbrénou, le ____');
    expect(blank).not.toContain('le 1er juillet 2026, en');
  });
});

describe('feuille d’émargement', () => {
  it('the week of 11 May 2026 shows Thursday 14 May as a holiday, landscape, one row per participant', async () => {
    const { call, worksiteId } = await worksiteWith(['Élodie', 'Awa', 'Soazig']);
    const { text, file, row } = await generatedText(
      call,
      { kind: 'feuille_emargement', worksiteId, weekOf: '2026-05-13' },
      'emargement',
    );
    expect(row).toMatchObject({
      weekOf: '2026-05-11',
      title: 'Feuille d’émargement — Menuiserie du port — semaine du 11/05/2026',
      personId: null,
    });
    for (const value of [
      'semaine du 11 mai 2026',
      'Lundi 11 mai — matin',
      'Mercredi 13 mai — matin',
      'Jeudi 14 mai — matin',
      'Jour férié (Ascension)',
      'LEFÈVRE Élodie',
      'LEFÈVRE Awa',
      'LEFÈVRE Soazig',
      'Visa de l’encadrant',
      'Yann Kervella',
      'prévu de 8 h 30 à 12 h',
    ]) {
      expect(text, value).toContain(value);
    }
    expect(pdfInfo(file).pages).toBe(1);
    expect(pdfText(file)).toMatch(/page 1 \/ 1/);
  });
});

describe('planning of a worksite', () => {
  it('lists every week and hides what an individual appointment is about', async () => {
    const { call, worksiteId, participationIds } = await worksiteWith(['Élodie']);
    valueOf(
      await call('worksites/addAnnexTime', {
        participationId: participationIds[0]!,
        annexTime: { kind: 'visite_medicale', date: '2026-05-05', start: '14:00', end: '15:30', paid: true },
      }),
    );
    const { text } = await generatedText(call, { kind: 'planning_chantier', worksiteId }, 'planning-chantier');
    for (const value of [
      'Planning du chantier « Menuiserie du port »',
      'Semaine du 4 mai 2026',
      'Semaine du 25 mai 2026',
      'Rendez-vous individuel — Élodie Lefèvre',
      'Mardi 5 mai 14 h – 15 h 30',
    ]) {
      expect(text, value).toContain(value);
    }
    expect(text).not.toContain('Visite médicale');
    const agenda = await generatedText(
      call,
      { kind: 'planning_personne', participationId: participationIds[0]! },
      'agenda-personne',
    );
    expect(agenda.text).toContain('Visite médicale ou bilan de santé');
    expect(agenda.text).toContain('Agenda de Madame Élodie LEFÈVRE');
  });
});

describe('batch printing', () => {
  it('one PDF for the contracts of a 5-person worksite; a failure names the person and keeps what was generated', async () => {
    const { call, participationIds } = await worksiteWith(['Élodie', 'Awa', 'Sans-Adresse', 'Moussa', 'Yann']);
    const done: number[] = [];
    const failures: string[] = [];
    for (const participationId of participationIds) {
      const result = await call('documents/generate', { kind: 'contrat_travail', participationId });
      if (result.ok) done.push(result.value.id);
      else failures.push(result.error.message);
    }
    expect(failures).toEqual([
      'Pour établir le document « contrat de travail » de Sans-Adresse Lefèvre, complétez : l’adresse de la personne.',
    ]);
    expect(done).toHaveLength(4);
    const merged = valueOf(await call('documents/merge', { documentIds: done }));
    // Three pages each since the contract states every legal mention (L1242-12, L3123-6, L4154-2).
    expect(merged.pages).toBe(12);
    const file = keep('lot-contrats', Buffer.from(merged.pdfBase64, 'base64'));
    expect(pdfInfo(file).pages).toBe(12);
    expect(pdfText(file, 4)).toContain('Contrat de travail à durée déterminée');
    // The four stay in the registry, findable by person, type and worksite.
    expect(valueOf(await call('documents/search', { kind: 'contrat_travail' })).total).toBe(4);
    expect(valueOf(await call('documents/search', { text: 'moussa' })).documents.map((d) => d.title)).toEqual([
      'Contrat de travail de Moussa Lefèvre',
    ]);
  });
});
