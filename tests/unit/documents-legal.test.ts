import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import { ppeList } from '../../src-main/domain/ppe';
import type { ContractUpdateInput } from '../../src-main/shared/contract/contracts';
import { configured, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';
import { employer } from './support/factories';
import { keep, pdfText } from './support/pdf';
import { mesp, mespContract } from './support/worksites';

// The legal mentions of items 3–5 of issue 21, read back from the PDFs with pdftotext.
const printer = nodePdfPrinter();
afterAll(() => printer.close());

const PEOPLE = {
  femme: { civility: 'madame' as const, sex: 'F' as const, firstNames: 'Inès', lastName: 'Le Goff' },
  homme: { civility: 'monsieur' as const, sex: 'M' as const, firstNames: 'Éric', lastName: 'Ollivier' },
};
type Who = keyof typeof PEOPLE;
type Setup = Awaited<ReturnType<typeof configured>>;

async function join(setup: Setup, worksiteId: number, who: Who, contract: ReturnType<typeof mespContract>) {
  const { call } = setup;
  const personId = valueOf(
    await call('people/create', { person: person(PEOPLE[who]), situation: situation(), confirmedNotDuplicate: true }),
  ).id;
  const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).journeys[0]!.id;
  for (const status of ['candidature', 'entretien', 'admise'] as const)
    valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-02-10', reason: '' }));
  const joined = valueOf(
    await call('worksites/addParticipant', { id: worksiteId, personId, contract, confirmWarnings: true }),
  );
  return joined.participants.find((p) => p.personId === personId)!.id;
}

async function text(
  setup: Setup,
  kind: 'contrat_travail' | 'mise_a_disposition' | 'convocation',
  participationId: number,
  name: string,
) {
  const row = valueOf(await setup.call('documents/generate', { kind, participationId }));
  const file = keep(
    name,
    Buffer.from(valueOf(await setup.call('documents/content', { documentId: row.id })).pdfBase64, 'base64'),
  );
  return pdfText(file).replace(/\s+/g, ' ');
}

function content(overrides: Partial<ContractUpdateInput> = {}): ContractUpdateInput {
  return {
    position: 'Agent de menuiserie',
    handedOn: '2026-05-04',
    signedOn: '2026-05-04',
    derogationUntil: null,
    classification: '',
    tasks: '',
    particularRisk: false,
    passIae: '',
    ...overrides,
  };
}

/** A MESP carried by the association intermédiaire: the woman's post is on the list of posts with particular risks, the man's is not. */
async function mespOfTheAssociation() {
  const setup = await configured({ printer });
  const supervisor = await sessionAs(setup.services, 'encadrant', 'Yann Kervella');
  const { id } = valueOf(await setup.call('worksites/save', { worksite: mesp({ supervisorId: supervisor.user!.id }) }));
  valueOf(await setup.call('worksites/generateSessions', { id, makeUps: [] }));
  const femme = await join(setup, id, 'femme', mespContract());
  const homme = await join(setup, id, 'homme', mespContract());
  valueOf(
    await setup.call('contracts/update', {
      participationId: femme,
      contract: content({
        classification: 'Niveau 1, coefficient 200',
        tasks: 'Débit de planches, ponçage et montage de bancs',
        particularRisk: true,
      }),
    }),
  );
  return { ...setup, worksiteId: id, participations: { femme, homme } };
}

describe('the CDD d’usage of the association intermédiaire', () => {
  it.each([
    ['femme', 'La salariée', 'formation renforcée à la sécurité'],
    ['homme', 'Le salarié', 'ne figure pas sur la liste des postes présentant des risques particuliers'],
  ] as const)('states every mention of L1242-12 and L3123-6, for a %s', async (who, theEmployee, risk) => {
    const setup = await mespOfTheAssociation();
    const contract = await text(setup, 'contrat_travail', setup.participations[who], `legal-cdd-usage-${who}`);
    for (const mention of [
      // The precise ground (L1242-12) with its exact reference.
      'article L1242-2, 3°',
      'article D1242-1, 12°',
      'associations intermédiaires',
      // The post, and the list of posts with particular risks (L1242-12, 4°; L4154-2).
      'article L4154-2',
      risk,
      // The agreement chosen in the settings (L1242-12, 5°).
      'Aucune convention collective n’est applicable à l’employeur.',
      // Names and addresses of the pension fund and provident body (L1242-12, 8°).
      'Caisse de retraite complémentaire : AG2R La Mondiale, 14-16 boulevard Malesherbes, 75008 Paris.',
      'Organisme de prévoyance : Humanis Prévoyance, 21 rue Laffitte, 75009 Paris.',
      // 14 h a week: the derogation to the 24-hour minimum, stated.
      'durée minimale de 24 heures par semaine prévue à l’article L3123-7',
      'en application de l’article L5132-7',
      // Limits of heures complémentaires.
      'soit 1 h 24 par semaine (article L3123-28)',
      'majorée de 10 % (article L3123-29)',
      'article L3123-9',
      theEmployee,
      `(${ppeList('menuiserie')})`,
    ]) {
      expect(contract, mention).toContain(mention);
    }
    if (who === 'femme') expect(contract).toContain('Qualification et classification : Niveau 1, coefficient 200.');
    else expect(contract).not.toContain('Qualification et classification :');
    expect(contract, 'no CDDI clause in a CDD d’usage').not.toMatch(/PMSMP|vingt-quatre mois/);
  });

  it('the convention and the convocation say the same about protective equipment as the contract', async () => {
    const setup = await mespOfTheAssociation();
    const id = setup.participations.femme;
    const [contract, convention, convocation] = [
      await text(setup, 'contrat_travail', id, 'legal-epi-contrat'),
      await text(setup, 'mise_a_disposition', id, 'legal-epi-convention'),
      await text(setup, 'convocation', id, 'legal-epi-convocation'),
    ];
    const list = ppeList('menuiserie');
    for (const document of [contract, convention, convocation]) {
      expect(document).toContain(list);
      expect(document).toMatch(/fournis gratuitement par (le CCAS de Kerbrénou|l’utilisateur)/);
    }
    expect(convocation).not.toMatch(/si vous en avez|prêtées/);
    expect(convocation).toContain('vous n’avez pas à les acheter ni à les apporter');
  });
});

describe('the mise à disposition (L5132-9, R5132-20)', () => {
  it.each([
    ['femme', 'Salariée mise à disposition', 'Débit de planches, ponçage et montage de bancs.'],
    ['homme', 'Salarié mis à disposition', 'Débit et assemblage de pièces de bois'], // tasks typed as a list print as a sentence of their own
  ] as const)('names the tasks, place, term, equipment, price and duties, for a %s', async (who, heading, tasks) => {
    const setup = await mespOfTheAssociation();
    const convention = await text(setup, 'mise_a_disposition', setup.participations[who], `legal-mad-${who}`);
    for (const mention of [
      'articles L5132-7, L5132-9 et R5132-20',
      heading,
      'Tâches à remplir',
      tasks,
      'Atelier municipal, 5 rue du Port',
      'du 4 mai 2026 au 31 mai 2026',
      'Elle prend fin de plein droit si le contrat de travail prend fin avant son terme',
      'article L1243-1',
      'article R5132-20, 6°',
      'l’association intermédiaire n’en fournit pas',
      'à titre onéreux (article L5132-7 du Code du travail)',
      '19,50 € par heure de travail effectuée',
      'Elle assure le suivi et l’accompagnement',
      'insertion professionnelle durable (article L5132-7)',
    ]) {
      expect(convention, mention).toContain(mention);
    }
  });

  it('is refused while the price, the agreement or the tasks are missing, naming each with where to fill it', async () => {
    const setup = await mespOfTheAssociation();
    const { services, call, participations } = setup;
    await services.db.updateTable('employers').set({ hourlyPriceCents: null, collectiveAgreement: null }).execute();
    await services.db.updateTable('participations').set({ tasks: '' }).execute();
    const refused = await call('documents/generate', {
      kind: 'mise_a_disposition',
      participationId: participations.homme,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain(
      'la convention collective de l’employeur (Paramètres › Employeurs), le prix horaire de la mise à disposition (Paramètres › Employeurs), les tâches confiées',
    );
    const contract = await call('documents/generate', {
      kind: 'contrat_travail',
      participationId: participations.homme,
    });
    expect(contract).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('la convention collective de l’employeur') },
    });
  });
});

describe('the CDDI of the ACI', () => {
  it.each([
    ['femme', 'La salariée'],
    ['homme', 'Le salarié'],
  ] as const)(
    'states its ground, the 24-month cap, the accompaniment and the PMSMP, for a %s',
    async (who, theEmployee) => {
      const setup = await configured({ printer });
      const { call } = setup;
      const aci = valueOf(
        await call('settings/saveEmployer', {
          employer: employer({
            name: 'CCAS de Kerbrénou — atelier',
            kind: 'ccas',
            collectiveAgreement: '3016',
            pensionFund: 'IRCANTEC',
            pensionFundAddress: '24 rue Louis Gain, 49939 Angers Cedex 9',
            providentBody: '',
            providentBodyAddress: '',
            hourlyPriceCents: null,
          }),
        }),
      );
      const slots = [0, 1, 2, 3].flatMap((weekday) => [
        { weekday, halfDay: 'morning' as const },
        { weekday, halfDay: 'afternoon' as const },
      ]);
      const { id } = valueOf(
        await call('worksites/save', {
          worksite: mesp({
            name: 'Ressourcerie',
            kind: 'aci',
            activity: 'ressourcerie',
            employerId: aci.id,
            weeks: 26,
            slots,
          }),
        }),
      );
      valueOf(await call('worksites/generateSessions', { id, makeUps: [] }));
      const participationId = await join(
        setup,
        id,
        who,
        mespContract({ type: 'cddi', endDate: '2026-10-31', position: 'Agent de ressourcerie' }),
      );
      valueOf(
        await call('contracts/update', {
          participationId,
          contract: content({ position: 'Agent de ressourcerie', passIae: '999992612345' }),
        }),
      );
      const contract = await text(setup, 'contrat_travail', participationId, `legal-cddi-${who}`);
      for (const mention of [
        'articles L1242-3 et L5132-15-1',
        'en application de l’article L1242-3',
        'Référence du PASS IAE : 999992612345.',
        'inférieure à quatre mois',
        'durée totale de vingt-quatre mois (article L5132-15-1)',
        'achever une action de formation professionnelle',
        'accompagnement social et professionnel',
        'mise en situation en milieu professionnel (PMSMP)',
        'articles L5132-15-1 et L5135-4',
        'période d’essai chez un autre employeur',
        'articles L1243-2 et L5132-15-1',
        'Convention collective applicable : Convention collective nationale des ateliers et chantiers d’insertion du 31 mars 2011 (IDCC 3016).',
        'Caisse de retraite complémentaire : IRCANTEC, 24 rue Louis Gain, 49939 Angers Cedex 9.',
        'L’employeur n’adhère à aucun organisme de prévoyance.',
        theEmployee,
        ppeList('ressourcerie'),
      ]) {
        expect(contract, mention).toContain(mention);
      }
      // 28 h a week: above the 24-hour minimum, no derogation to state; not an association intermédiaire.
      expect(contract).not.toMatch(/L3123-7|D1242-1/);
    },
  );
});
