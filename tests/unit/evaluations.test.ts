import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import type { EvaluationInput } from '../../src-main/shared/contract/evaluations';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';
import { keep, LEAKS, pdfInfo, pdfText } from './support/pdf';
import { mesp, mespContract } from './support/worksites';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

/**
 * A June 2026 MESP in menuiserie (Monday–Thursday mornings 08:30–12:00, 16
 * half-days), supervised by Yann; Élodie on it, followed by Soizic. Today is
 * 1 July, after the worksite. Attendance, hand-counted: 8 June cancelled by
 * the structure (15 half-days held); 2 June late (09:00), 3 June ill, 4 June
 * unjustified absence, all others present: 13 half-days of presence,
 * 12 × 3 h 30 + 3 h = 45 h worked.
 */
async function juneMesp() {
  const setup = await configured({ clock: fakeClock('2026-07-01T09:00:00.000Z'), printer });
  const { services, call } = setup;
  const supervisor = await sessionAs(services, 'encadrant', 'Yann Kervella');
  const socialWorker = await sessionAs(services, 'travailleur_social', 'Soizic Le Roux');
  const org = valueOf(
    await call('contacts/saveOrganisation', {
      organisation: { name: 'CCAS — service social', kind: 'prescripteur', address: '', phone: '', email: '' },
    }),
  );
  const card = valueOf(
    await call('contacts/saveContact', {
      contact: {
        organisationId: org.id,
        firstName: 'Soizic',
        lastName: 'Le Roux',
        service: '',
        phone: '',
        email: '',
        userId: socialWorker.user!.id,
        leftOn: null,
      },
    }),
  );
  const worksite = valueOf(
    await call('worksites/save', {
      worksite: mesp({ startDate: '2026-06-01', supervisorId: supervisor.user!.id, workAddress: 'Atelier municipal' }),
    }),
  );
  const generated = valueOf(await call('worksites/generateSessions', { id: worksite.id, makeUps: [] }));
  const personId = valueOf(
    await call('people/create', {
      person: person({ firstNames: 'Élodie', referentId: card.id }),
      situation: situation(),
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
    }),
  );
  const participationId = joined.participants[0]!.id;
  const sessionOn = (date: string) => generated.sessions.find((s) => s.date === date)!.id;
  valueOf(
    await call('worksites/cancelSession', {
      sessionId: sessionOn('2026-06-08'),
      reason: 'Atelier fermé (panne électrique)',
      kind: 'structure',
    }),
  );
  const special: Record<string, object> = {
    '2026-06-02': { mark: 'retard', actualStart: '09:00' },
    '2026-06-03': { mark: 'maladie' },
    '2026-06-04': { mark: 'non_justifiee' },
  };
  const entries = generated.sessions
    .filter((s) => s.date !== '2026-06-08')
    .map((s) => ({
      sessionId: s.id,
      participationId,
      mark: (special[s.date] ?? { mark: 'present' }) as { mark: 'present' },
    }));
  valueOf(await call('attendance/save', { worksiteId: worksite.id, entries }));
  return {
    ...setup,
    worksiteId: worksite.id,
    personId,
    participationId,
    supervisor,
    socialWorker,
    asSupervisor: caller(services, supervisor),
    asSocialWorker: caller(services, socialWorker),
  };
}

type Setup = Awaited<ReturnType<typeof juneMesp>>;

async function criteriaIds(setup: Setup) {
  const sheet = valueOf(await setup.call('evaluations/get', { participationId: setup.participationId }));
  const byLabel = (label: string) => sheet.criteria.find((c) => c.label === label)!.id;
  return {
    sheet,
    ponctualite: byLabel('Ponctualité'),
    assiduite: byLabel('Assiduité'),
    outils: byLabel('Utiliser les outils en sécurité'),
    mesurer: byLabel('Mesurer, tracer et couper'),
  };
}

/** Start and end by the supervisor, and Élodie's own view at the end. */
async function evaluated(setup: Setup) {
  const ids = await criteriaIds(setup);
  const save = (evaluation: EvaluationInput) =>
    setup.asSupervisor('evaluations/save', { participationId: setup.participationId, evaluation });
  valueOf(
    await save({
      moment: 'debut',
      evaluator: 'encadrant',
      evaluatedOn: '2026-06-02',
      items: [
        { criterionId: ids.ponctualite, level: 'en_cours', comment: 'Un retard le 2 juin' },
        { criterionId: ids.assiduite, level: 'acquis' },
        { criterionId: ids.outils, level: 'non_acquis' },
        { criterionId: ids.mesurer, level: 'non_evalue' },
      ],
    }),
  );
  valueOf(
    await save({
      moment: 'fin',
      evaluator: 'encadrant',
      evaluatedOn: '2026-06-25',
      items: [
        { criterionId: ids.ponctualite, level: 'acquis' },
        { criterionId: ids.assiduite, level: 'acquis' },
        { criterionId: ids.outils, level: 'maitrise', comment: 'Porte ses EPI sans rappel' },
        { criterionId: ids.mesurer, level: 'en_cours' },
      ],
    }),
  );
  const sheet = valueOf(
    await save({
      moment: 'fin',
      evaluator: 'participant',
      evaluatedOn: '2026-06-25',
      items: [
        { criterionId: ids.ponctualite, level: 'maitrise' },
        { criterionId: ids.outils, level: 'en_cours', comment: "J'ai encore peur de la scie" },
      ],
    }),
  );
  return { ...ids, sheet };
}

describe('evaluations', () => {
  it("gives the worksite's grid: the eight savoir-être lines, then the activity's savoir-faire", async () => {
    const setup = await juneMesp();
    const { sheet } = await criteriaIds(setup);
    expect(sheet.participation).toMatchObject({
      name: 'Élodie PARTICIPANT'.replace('PARTICIPANT', sheet.participation.name.split(' ').at(-1)!),
      activity: 'menuiserie',
      startDate: '2026-06-01',
      end: '2026-06-28',
    });
    expect(sheet.criteria.map((c) => c.section)).toEqual([
      ...Array(8).fill('savoir_etre'),
      ...Array(4).fill('menuiserie'),
    ]);
    expect(sheet.criteria.slice(0, 3).map((c) => c.label)).toEqual([
      'Ponctualité',
      'Assiduité',
      'Respect des consignes et de la sécurité (EPI)',
    ]);
  });

  it('records start, end and self-evaluation on the same grid; a second save of one moment replaces it', async () => {
    const setup = await juneMesp();
    const { sheet, outils } = await evaluated(setup);
    expect(sheet.evaluations.map((e) => [e.moment, e.evaluator, e.authorName])).toEqual([
      ['debut', 'encadrant', 'Yann Kervella'],
      ['fin', 'encadrant', 'Yann Kervella'],
      ['fin', 'participant', 'Yann Kervella'],
    ]);
    const again = valueOf(
      await setup.asSupervisor('evaluations/save', {
        participationId: setup.participationId,
        evaluation: {
          moment: 'fin',
          evaluator: 'participant',
          evaluatedOn: '2026-06-26',
          items: [{ criterionId: outils, level: 'acquis' }],
        },
      }),
    );
    const self = again.evaluations.find((e) => e.evaluator === 'participant')!;
    expect(self).toMatchObject({
      evaluatedOn: '2026-06-26',
      items: [{ criterionId: outils, level: 'acquis', comment: '' }],
    });
  });

  it('refuses an unknown level, a line of another grid, a line twice, a date in the future or before the contract, in French', async () => {
    const setup = await juneMesp();
    const { ponctualite } = await criteriaIds(setup);
    const grid = valueOf(await setup.call('evaluations/grid'));
    const nettoyage = grid.find((c) => c.section === 'nettoyage')!.id;
    const attempt = (evaluation: object) =>
      setup.asSupervisor('evaluations/save', {
        participationId: setup.participationId,
        evaluation: evaluation as EvaluationInput,
      });
    const base = { moment: 'debut', evaluator: 'encadrant', evaluatedOn: '2026-06-02' };
    expect(await attempt({ ...base, items: [{ criterionId: ponctualite, level: 'excellent' }] })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Choisissez un niveau : non évalué, non acquis, en cours d’acquisition, acquis ou maîtrisé.',
      },
    });
    expect(await attempt({ ...base, items: [{ criterionId: nettoyage, level: 'acquis' }] })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Cette ligne n’appartient pas à la grille de ce chantier.',
        field: 'evaluation.items.0.criterionId',
      },
    });
    expect(
      await attempt({
        ...base,
        items: [
          { criterionId: ponctualite, level: 'acquis' },
          { criterionId: ponctualite, level: 'acquis' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await attempt({ ...base, evaluatedOn: '2026-07-02', items: [{ criterionId: ponctualite, level: 'acquis' }] }),
    ).toMatchObject({
      ok: false,
      error: { field: 'evaluation.evaluatedOn', message: expect.stringContaining('futur') },
    });
    expect(
      await attempt({ ...base, evaluatedOn: '2026-05-29', items: [{ criterionId: ponctualite, level: 'acquis' }] }),
    ).toMatchObject({ ok: false, error: { message: 'La date de l’évaluation est avant le début du contrat.' } });
    expect(
      await attempt({ ...base, moment: 'milieu', items: [{ criterionId: ponctualite, level: 'acquis' }] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'evaluation.moment' } });
    const count = await sql<{ n: number }>`select count(*) as n from evaluations`.execute(setup.services.db);
    expect(count.rows[0]!.n).toBe(0);
  });

  it('answers NOT_FOUND for a person the supervisor does not supervise or the social worker does not follow', async () => {
    const setup = await juneMesp();
    const { services, call, participationId } = setup;
    const otherSupervisor = caller(services, await sessionAs(services, 'encadrant', 'Autre encadrant'));
    const otherWorker = caller(services, await sessionAs(services, 'travailleur_social', 'Autre TS'));
    expect(await otherSupervisor('evaluations/get', { participationId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Cette personne ne figure pas sur un chantier que vous suivez.' },
    });
    expect(await otherWorker('evaluations/get', { participationId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await otherSupervisor('observations/add', {
        participationId,
        observation: { observedOn: '2026-06-10', kind: 'incident', text: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('evaluations/get', { participationId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(valueOf(await setup.asSocialWorker('evaluations/get', { participationId })).criteria).toHaveLength(12);
  });

  it('lets the administrator add, rename and archive grid lines; an archived line stays where it was evaluated', async () => {
    const setup = await juneMesp();
    const { mesurer } = await evaluated(setup);
    const added = valueOf(
      await setup.call('evaluations/saveCriterion', {
        criterion: { section: 'menuiserie', label: 'Lire un plan simple' },
      }),
    );
    expect(added.filter((c) => c.section === 'menuiserie').map((c) => c.label)).toContain('Lire un plan simple');
    valueOf(
      await setup.call('evaluations/saveCriterion', {
        id: mesurer,
        criterion: { section: 'menuiserie', label: 'Mesurer, tracer et couper', archived: true },
      }),
    );
    const sheet = valueOf(await setup.call('evaluations/get', { participationId: setup.participationId }));
    expect(sheet.criteria.find((c) => c.id === mesurer)).toMatchObject({ archived: true });
    expect(sheet.criteria.map((c) => c.label)).toContain('Lire un plan simple');
    expect(
      await setup.call('evaluations/saveCriterion', { id: mesurer, criterion: { section: 'nettoyage', label: 'x' } }),
    ).toMatchObject({ ok: false, error: { field: 'criterion.section' } });
    expect(
      await setup.asSupervisor('evaluations/saveCriterion', { criterion: { section: 'menuiserie', label: 'x' } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('observations and health checks', () => {
  it('the supervisor writes observations and reads back his own; the social worker reads all and qualifies one into a frein', async () => {
    const setup = await juneMesp();
    const { participationId, asSupervisor, asSocialWorker, call, personId } = setup;
    valueOf(
      await asSupervisor('observations/add', {
        participationId,
        observation: { observedOn: '2026-06-04', kind: 'frein_possible', text: 'Arrive à pied de loin, fatiguée' },
      }),
    );
    valueOf(
      await call('observations/add', {
        participationId,
        observation: { observedOn: '2026-06-05', kind: 'autre', text: 'Appel de la coordinatrice' },
      }),
    );
    expect(valueOf(await asSupervisor('observations/list', { participationId })).map((o) => o.text)).toEqual([
      'Arrive à pied de loin, fatiguée',
    ]);
    const all = valueOf(await asSocialWorker('observations/list', { participationId }));
    expect(all.map((o) => o.kind)).toEqual(['autre', 'frein_possible']);
    const fromSupervisor = all.find((o) => o.kind === 'frein_possible')!;
    expect(
      await asSupervisor('observations/qualify', {
        observationId: fromSupervisor.id,
        obstacle: { kind: 'mobilite', identifiedOn: '2026-06-04', actions: '', resolvedOn: null },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const qualified = valueOf(
      await asSocialWorker('observations/qualify', {
        observationId: fromSupervisor.id,
        obstacle: {
          kind: 'mobilite',
          identifiedOn: '2026-06-04',
          actions: 'Demande de vélo à la plateforme mobilité',
          resolvedOn: null,
        },
      }),
    );
    expect(qualified.find((o) => o.id === fromSupervisor.id)!.obstacleId).not.toBeNull();
    expect(valueOf(await asSocialWorker('people/get', { id: personId })).obstacles!.map((o) => o.kind)).toEqual([
      'mobilite',
    ]);
    // The supervisor never reads freins.
    expect(valueOf(await asSupervisor('people/get', { id: personId })).obstacles).toBeNull();
    expect(
      await asSocialWorker('observations/qualify', {
        observationId: fromSupervisor.id,
        obstacle: { kind: 'mobilite', identifiedOn: '2026-06-04', actions: '', resolvedOn: null },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await asSupervisor('observations/add', {
        participationId,
        observation: { observedOn: '2026-06-04', kind: 'rumeur' as never, text: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { field: 'observation.kind' } });
    expect(
      await asSupervisor('observations/add', {
        participationId,
        observation: { observedOn: '2026-06-04', kind: 'incident', text: '   ' },
      }),
    ).toMatchObject({ ok: false, error: { message: 'L’observation est obligatoire.' } });
  });

  it('records a VIP with its attestation de suivi and restrictions in plain words; no inaptitude after a health-insurance check; the supervisor reads, never writes', async () => {
    const setup = await juneMesp();
    const { participationId, asSupervisor, asSocialWorker } = setup;
    const checks = valueOf(
      await asSocialWorker('healthChecks/save', {
        participationId,
        check: {
          kind: 'vip',
          date: '2026-06-01',
          paperReceived: true,
          restrictions: 'Pas de port de charges de plus de 10 kg',
        },
      }),
    );
    expect(checks).toEqual([
      {
        id: checks[0]!.id,
        kind: 'vip',
        date: '2026-06-01',
        paperReceived: true,
        restrictions: 'Pas de port de charges de plus de 10 kg',
        inaptitude: false,
      },
    ]);
    expect(
      await asSocialWorker('healthChecks/save', {
        participationId,
        check: { kind: 'bilan_sante', date: '2026-06-15', paperReceived: false, inaptitude: true },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'check.inaptitude',
        message:
          'Un bilan de santé de l’Assurance Maladie ne déclare pas d’inaptitude : seul le médecin du travail le peut.',
      },
    });
    expect(valueOf(await asSupervisor('healthChecks/list', { participationId }))[0]!.restrictions).toBe(
      'Pas de port de charges de plus de 10 kg',
    );
    expect(
      await asSupervisor('healthChecks/save', {
        participationId,
        check: { kind: 'vip', date: '2026-06-01', paperReceived: true },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const updated = valueOf(
      await asSocialWorker('healthChecks/save', {
        participationId,
        id: checks[0]!.id,
        check: { kind: 'vip', date: '2026-06-01', paperReceived: true, restrictions: '' },
      }),
    );
    expect(updated).toHaveLength(1);
    expect(updated[0]!.restrictions).toBe('');
  });
});

describe('bilans', () => {
  it('gives the hand-counted attendance, every skill from start to end beside the self-evaluation, and keeps the words typed', async () => {
    const setup = await juneMesp();
    const { participationId, asSocialWorker } = setup;
    const { ponctualite, outils, mesurer, assiduite } = await evaluated(setup);
    const bilan = valueOf(await asSocialWorker('bilans/get', { participationId }));
    expect(bilan.attendance).toEqual({
      held: 15,
      attended: 13,
      plannedMinutes: 56 * 60,
      workedMinutes: 45 * 60,
      paidMinutes: 48 * 60 + 30,
    });
    const line = (id: number) => bilan.skills.find((s) => s.criterionId === id)!;
    expect(line(ponctualite)).toMatchObject({ start: 'en_cours', end: 'acquis', self: 'maitrise' });
    expect(line(assiduite)).toMatchObject({ start: 'acquis', end: 'acquis', self: null });
    expect(line(outils)).toMatchObject({
      start: 'non_acquis',
      end: 'maitrise',
      self: 'en_cours',
      comment: 'Porte ses EPI sans rappel',
    });
    expect(line(mesurer)).toMatchObject({ start: null, end: 'en_cours', self: null });
    const saved = valueOf(
      await asSocialWorker('bilans/save', {
        participationId,
        bilan: {
          participantWords: "J'ai aimé travailler le bois.",
          teamAssessment: 'Progrès nets en sécurité.',
          orientation: 'aci_siae',
          nextSteps: 'Candidature à l’ACI Recyclerie',
          referentToInform: 'Soizic Le Roux',
          activitiesDone: 'Fabrication de bancs',
        },
      }),
    );
    expect(saved.form).toMatchObject({ orientation: 'aci_siae', participantWords: "J'ai aimé travailler le bois." });
    expect(saved.updatedAt).toBe('2026-07-01T09:00:00.000Z');
    expect(
      await asSocialWorker('bilans/save', { participationId, bilan: { orientation: 'voyage' as never } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'bilan.orientation', message: 'Choisissez l’orientation proposée.' },
    });
    expect(await setup.asSupervisor('bilans/get', { participationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const collective = valueOf(
      await setup.asSupervisor('bilans/saveWorksite', {
        worksiteId: setup.worksiteId,
        bilan: { production: '12 bancs pour le square', incidents: '', comments: '' },
      }),
    );
    expect(collective.participants).toEqual([
      expect.objectContaining({
        participationId,
        attendance: bilan.attendance,
        orientation: 'aci_siae',
        outcome: null,
      }),
    ]);
    expect(collective.form.production).toBe('12 bancs pour le square');
  });

  it('prints the bilan, the attestation de compétences and the worksite bilan with those figures', async () => {
    const setup = await juneMesp();
    const { call, participationId, worksiteId } = setup;
    await evaluated(setup);
    valueOf(
      await setup.asSocialWorker('bilans/save', {
        participationId,
        bilan: {
          participantWords: "J'ai aimé travailler le bois.",
          teamAssessment: 'Progrès nets en sécurité.',
          orientation: 'aci_siae',
          nextSteps: '',
          referentToInform: 'Soizic Le Roux',
          activitiesDone: 'Fabrication de douze bancs pour le square',
        },
      }),
    );
    valueOf(
      await setup.asSupervisor('observations/add', {
        participationId,
        observation: { observedOn: '2026-06-10', kind: 'incident', text: 'Coupure légère au doigt' },
      }),
    );
    valueOf(
      await call('bilans/saveWorksite', {
        worksiteId,
        bilan: {
          production: 'Douze bancs pour le square Jean-Moulin',
          incidents: 'Une coupure légère, soignée sur place.',
          comments: '',
        },
      }),
    );
    const text = async (request: Parameters<typeof call<'documents/generate'>>[1], name: string) => {
      const row = valueOf(await call('documents/generate', request));
      const file = keep(
        name,
        Buffer.from(valueOf(await call('documents/content', { documentId: row.id })).pdfBase64, 'base64'),
      );
      const t = pdfText(file).replace(/\s+/g, ' ');
      expect(t).not.toMatch(LEAKS);
      return t;
    };
    const bilan = await text({ kind: 'bilan_individuel', participationId }, 'bilan-individuel');
    expect(bilan).toContain('Bilan de fin de chantier');
    expect(bilan).toContain('15 13 87 % 56 h 45 h 48 h 30');
    // Row by row (a long level wraps inside its cell): start, end, self, comment.
    expect(bilan).toMatch(/Ponctualité En cours Acquis Maîtrisé Un retard le 2 juin d’acquisition/);
    expect(bilan).toMatch(/Assiduité Acquis Acquis —/);
    expect(bilan).toMatch(
      /Utiliser les outils en sécurité Non acquis Maîtrisé En cours Porte ses EPI sans d’acquisition rappel/,
    );
    expect(bilan).toMatch(/Mesurer, tracer et couper — En cours — d’acquisition/);
    expect(bilan).toContain('ACI ou autre structure d’insertion (SIAE)');
    expect(bilan).toContain('J’ai aimé travailler le bois.');
    // Signed by its authors: the référent and the supervisor, not the structure's signatory.
    expect(bilan).toMatch(/Le référent social .*L[’']encadrant technique/);
    expect(bilan).not.toContain('Présidente');
    const attestation = await text({ kind: 'attestation_competences', participationId }, 'attestation-competences');
    expect(attestation).toContain('Attestation de compétences');
    expect(attestation).toContain('Fabrication de douze bancs pour le square');
    expect(attestation).toContain('45 h de travail effectif');
    expect(attestation).toContain('Utiliser les outils en sécurité Maîtrisé');
    // Certified: only what was reached; a skill on the way is named as progress, apart, never graded.
    expect(attestation).toContain('Compétences en cours de développement');
    expect(attestation).toMatch(/a progressé dans : Mesurer, tracer et couper/);
    expect(attestation).not.toMatch(/En cours d[’']acquisition/);
    // Not evaluated at the end: not claimed.
    expect(attestation).not.toContain('Assembler et fixer');
    const collective = await text({ kind: 'bilan_chantier', worksiteId }, 'bilan-chantier');
    expect(collective).toContain('Bilan du chantier « Menuiserie du port »');
    // For funders and the client: counts only, no one's name.
    expect(collective).toContain('13 / 15 87 % 56 h 45 h');
    expect(collective).toMatch(/ACI ou autre structure d’insertion \(SIAE\) 1/);
    expect(collective).not.toMatch(/Élodie|LEFÈVRE|Lefèvre/i);
    expect(collective).not.toContain('Document interne');
    expect(collective).not.toContain('Une coupure légère');
    const namedRow = valueOf(await call('documents/generate', { kind: 'bilan_chantier', worksiteId, named: true }));
    expect(namedRow.title).toBe('Bilan du chantier — Menuiserie du port (version nominative, interne)');
    const namedFile = keep(
      'bilan-chantier-interne',
      Buffer.from(valueOf(await call('documents/content', { documentId: namedRow.id })).pdfBase64, 'base64'),
    );
    const named = pdfText(namedFile).replace(/\s+/g, ' ');
    expect(named).toContain('Élodie');
    expect(named).toContain('13 / 15 87 % 45 h');
    // The internal version says so at the top of every page.
    for (let page = 1; page <= pdfInfo(namedFile).pages; page++)
      expect(pdfText(namedFile, page)).toContain('Document interne — contient des données personnelles');
    expect(collective).toContain('1 incident noté par l’encadrant.');
    expect(collective).toContain('Douze bancs pour le square Jean-Moulin');
    // The incident's words stay in the records.
    expect(collective).not.toContain('Coupure légère au doigt');
  });
});

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe("the psychologist's notes", () => {
  const CANARY = 'CANARI-PSY-7391';

  it('are read by their author alone and appear in no document', async () => {
    const setup = await juneMesp();
    const { services, call, participationId, worksiteId } = setup;
    await evaluated(setup);
    valueOf(
      await call('worksites/addAnnexTime', {
        participationId,
        annexTime: { kind: 'psychologue', date: '2026-06-18', start: '14:00', end: '15:00', paid: true },
      }),
    );
    const psychologist = caller(services, await sessionAs(services, 'psychologue', 'Dr Morvan'));
    const colleague = caller(services, await sessionAs(services, 'psychologue', 'Autre psychologue'));
    const [debrief] = valueOf(await psychologist('debriefs/list'));
    expect(debrief).toMatchObject({
      date: '2026-06-18',
      start: '14:00',
      end: '15:00',
      worksiteName: 'Menuiserie du port',
      note: '',
    });
    valueOf(
      await psychologist('debriefs/saveNote', {
        annexTimeId: debrief!.annexTimeId,
        note: `Entretien calme. ${CANARY}`,
      }),
    );
    expect(valueOf(await psychologist('debriefs/list'))[0]!.note).toBe(`Entretien calme. ${CANARY}`);
    expect(valueOf(await colleague('debriefs/list'))[0]!.note).toBe('');
    expect(await call('debriefs/list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await psychologist('debriefs/saveNote', { annexTimeId: debrief!.annexTimeId, note: 'x'.repeat(601) }),
    ).toMatchObject({ ok: false, error: { field: 'note' } });

    // Every document of the participation and of the worksite, then every stored byte and snapshot: no canary.
    for (const kind of [
      'contrat_travail',
      'mise_a_disposition',
      'convocation',
      'attestation_presence',
      'certificat_travail',
      'planning_personne',
      'bilan_individuel',
      'attestation_competences',
    ] as const) {
      valueOf(await call('documents/generate', { kind, participationId }));
    }
    valueOf(await call('documents/generate', { kind: 'planning_chantier', worksiteId }));
    valueOf(await call('documents/generate', { kind: 'bilan_chantier', worksiteId }));
    valueOf(await call('documents/generate', { kind: 'feuille_emargement', worksiteId, weekOf: '2026-06-15' }));
    const rows = await services.db.selectFrom('documents').select(['snapshot', 'storedFile']).execute();
    expect(rows).toHaveLength(11);
    for (const row of rows) expect(row.snapshot).not.toContain(CANARY);
    for (const file of filesUnder(services.paths.filesDir)) {
      expect(readFileSync(file).includes(CANARY)).toBe(false);
      if (file.endsWith('.pdf')) expect(pdfText(file)).not.toContain(CANARY);
    }
    expect(JSON.stringify(valueOf(await call('bilans/get', { participationId })))).not.toContain(CANARY);
    expect(JSON.stringify(valueOf(await call('worksites/get', { id: worksiteId })))).not.toContain(CANARY);
  });
});
