import { afterAll, describe, expect, it } from 'vitest';
import { nodePdfPrinter } from '../../src-main/documents/node-printer';
import type { PmsmpInput } from '../../src-main/shared/contract/pmsmp';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';
import { keep, LEAKS, pdfFlowText, pdfInfo, pdfText } from './support/pdf';
import { mesp } from './support/worksites';

const printer = nodePdfPrinter();
afterAll(() => printer.close());

const day = (start: string, end: string, pause = 0) => ({ start, end, pause });

/** A host, a prescriber with its adviser, a social worker following Élodie; today is 2 March 2026. */
async function world() {
  const setup = await configured({ clock: fakeClock('2026-03-02T09:00:00.000Z'), printer });
  const { services, call } = setup;
  const socialWorker = await sessionAs(services, 'travailleur_social', 'Soizic Le Roux');
  const service = valueOf(
    await call('contacts/saveOrganisation', {
      organisation: { name: 'CCAS — service social', kind: 'prescripteur', address: '', phone: '', email: '' },
    }),
  );
  const card = valueOf(
    await call('contacts/saveContact', {
      contact: {
        organisationId: service.id,
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
  const host = valueOf(
    await call('contacts/saveOrganisation', {
      organisation: {
        name: 'Boulangerie Le Fournil d’Iroise',
        kind: 'partenaire',
        address: '3 place de l’Église, 29280 Plouzané',
        phone: '0298000010',
        email: 'fournil@exemple.fr',
      },
    }),
  );
  const otherHost = valueOf(
    await call('contacts/saveOrganisation', {
      organisation: { name: 'Jardinerie du Conquet', kind: 'partenaire', address: '', phone: '', email: '' },
    }),
  );
  const ft = valueOf(
    await call('contacts/saveOrganisation', {
      organisation: {
        name: 'France Travail Brest Europe',
        kind: 'prescripteur',
        address: '12 rue de Siam, 29200 Brest',
        phone: '',
        email: '',
      },
    }),
  );
  const adviser = valueOf(
    await call('contacts/saveContact', {
      contact: {
        organisationId: ft.id,
        firstName: 'Gaëlle',
        lastName: 'Morvan',
        service: 'Conseil',
        phone: '0298000020',
        email: 'g.morvan@exemple.fr',
        userId: null,
        leftOn: null,
      },
    }),
  );
  const personId = valueOf(
    await call('people/create', {
      person: person({ firstNames: 'Élodie', lastName: 'Le Bihan', referentId: card.id }),
      situation: situation(),
      confirmedNotDuplicate: true,
    }),
  ).id;
  const otherId = valueOf(
    await call('people/create', {
      person: person({ firstNames: 'Yannick', lastName: 'Quéré' }),
      situation: situation(),
      confirmedNotDuplicate: true,
    }),
  ).id;
  const immersion = (overrides: Partial<PmsmpInput> = {}): PmsmpInput => ({
    hostOrganisationId: host.id,
    hostSiret: '73282932000074',
    hostActivity: 'Boulangerie-pâtisserie',
    place: 'Fournil, 3 place de l’Église, Plouzané',
    tutorName: 'Maël Kerjean',
    tutorFunction: 'Chef boulanger',
    tutorPhone: '0612345678',
    tutorEmail: '',
    objective: 'confirmer',
    trade: 'Boulanger',
    goals: 'Vérifier le goût du travail de nuit ; apprendre le façonnage',
    startDate: '2026-03-09',
    endDate: '2026-03-20',
    schedule: {
      lundi: day('05:00', '12:00'),
      mardi: day('05:00', '12:00'),
      mercredi: day('05:00', '12:00'),
      jeudi: day('05:00', '12:00'),
      vendredi: day('05:00', '12:00'),
    },
    tasks: 'Peser les ingrédients, façonner les baguettes, cuire et ranger le fournil',
    skills: 'Ponctualité, gestes d’hygiène, respect des recettes',
    risks: 'Brûlures (four), port de sacs de farine de 25 kg',
    equipment: 'Chaussures de sécurité, gants anti-chaleur',
    prescriberKind: 'france_travail',
    prescriberOrganisationId: ft.id,
    prescriberContactId: adviser.id,
    referentName: 'Soizic Le Roux',
    referentFunction: 'Conseillère en insertion professionnelle',
    ...overrides,
  });
  return {
    ...setup,
    personId,
    otherId,
    immersion,
    socialWorker,
    asSocialWorker: caller(services, socialWorker),
    hostId: host.id,
    otherHostId: otherHost.id,
  };
}

describe('immersions (PMSMP) through RPC', () => {
  it('saves an immersion with its weekly hours totalled and lists it on the person', async () => {
    const w = await world();
    const saved = valueOf(await w.call('pmsmp/save', { personId: w.personId, immersion: w.immersion() }));
    expect(saved).toMatchObject({
      personId: w.personId,
      hostName: 'Boulangerie Le Fournil d’Iroise',
      prescriberName: 'France Travail Brest Europe',
      prescriberContactName: 'Gaëlle Morvan',
      weekMinutes: 35 * 60,
      renewalOf: null,
      renewedBy: null,
      bilan: null,
    });
    // 9 to 20 March 2026: two weeks of five days, 7 hours each.
    expect(saved.plannedMinutes).toBe(10 * 7 * 60);
    const list = valueOf(await w.call('pmsmp/list', { personId: w.personId }));
    expect(list.map((i) => i.id)).toEqual([saved.id]);
    expect(list[0]!.fields.schedule.samedi).toBeNull();
  });

  it('refuses more than one month with the French reason on the end date, and a day over 10 hours', async () => {
    const w = await world();
    expect(
      await w.call('pmsmp/save', {
        personId: w.personId,
        immersion: w.immersion({ startDate: '2026-03-01', endDate: '2026-03-31' }),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await w.call('pmsmp/save', {
        personId: w.personId,
        immersion: w.immersion({ startDate: '2026-03-01', endDate: '2026-04-01' }),
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'immersion.endDate',
        message:
          'Une immersion dure au plus un mois de date à date : commencée ce jour-là, elle se termine au plus tard le 31/03/2026 (article D5135-3 du Code du travail). Au-delà, renouvelez-la.',
      },
    });
    const long = w.immersion({ schedule: { lundi: day('06:00', '17:30', 30) } });
    expect(await w.call('pmsmp/save', { personId: w.personId, immersion: long })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'immersion.schedule.lundi',
        message: expect.stringContaining('au plus 10 h par jour'),
      },
    });
    const tooMuch = w.immersion({
      schedule: {
        lundi: day('08:00', '16:00'),
        mardi: day('08:00', '16:00'),
        mercredi: day('08:00', '16:00'),
        jeudi: day('08:00', '16:00'),
        vendredi: day('08:00', '11:01'),
      },
    });
    expect(await w.call('pmsmp/save', { personId: w.personId, immersion: tooMuch })).toMatchObject({
      ok: false,
      error: { field: 'immersion.schedule', message: expect.stringContaining('au plus 35 h par semaine') },
    });
    expect(
      await w.call('pmsmp/save', { personId: w.personId, immersion: w.immersion({ tutorName: ' ' }) }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Le nom du tuteur est obligatoire.' } });
  });

  it('renews once, for the same objective, after the end; never twice', async () => {
    const w = await world();
    const first = valueOf(await w.call('pmsmp/save', { personId: w.personId, immersion: w.immersion() }));
    expect(await w.call('pmsmp/renew', { id: first.id, startDate: '2026-03-20', endDate: '2026-04-10' })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT', message: 'Le renouvellement commence après la fin de l’immersion.' } },
    );
    expect(await w.call('pmsmp/renew', { id: first.id, startDate: '2026-03-23', endDate: '2026-04-23' })).toMatchObject(
      { ok: false, error: { field: 'endDate', message: expect.stringContaining('22/04/2026') } },
    );
    const renewal = valueOf(
      await w.call('pmsmp/renew', { id: first.id, startDate: '2026-03-23', endDate: '2026-04-22' }),
    );
    expect(renewal).toMatchObject({
      renewalOf: first.id,
      fields: { objective: 'confirmer', startDate: '2026-03-23', endDate: '2026-04-22', tutorName: 'Maël Kerjean' },
    });
    expect(await w.call('pmsmp/renew', { id: first.id, startDate: '2026-04-23', endDate: '2026-05-01' })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('déjà été renouvelée une fois') } },
    );
    expect(
      await w.call('pmsmp/renew', { id: renewal.id, startDate: '2026-04-23', endDate: '2026-05-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('déjà un renouvellement') },
    });
    // The renewal keeps the object of the convention it renews.
    const changed = { ...w.immersion({ objective: 'decouvrir', startDate: '2026-03-23', endDate: '2026-04-22' }) };
    expect(await w.call('pmsmp/save', { personId: w.personId, id: renewal.id, immersion: changed })).toMatchObject({
      ok: false,
      error: { field: 'immersion.objective', message: expect.stringContaining('D5135-3') },
    });
    const list = valueOf(await w.call('pmsmp/list', { personId: w.personId }));
    expect(list.find((i) => i.id === first.id)!.renewedBy).toBe(renewal.id);
  });

  it('refuses at save time a third convention, the same objectives, or more than 60 days with one host in 12 months (D5135-3)', async () => {
    const w = await world();
    // 9 to 20 March: 12 days, object « confirmer ».
    const first = valueOf(await w.call('pmsmp/save', { personId: w.personId, immersion: w.immersion() }));
    const same = w.immersion({ startDate: '2026-06-01', endDate: '2026-06-12' });
    expect(await w.call('pmsmp/save', { personId: w.personId, immersion: same })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'immersion.startDate',
        message:
          'Une deuxième immersion dans la même structure d’accueil sur douze mois a un autre objet ou d’autres objectifs précis que la première, celle du 09/03/2026 (article D5135-3 du Code du travail) : changez l’objet ou les objectifs, ou renouvelez la première.',
      },
    });
    // Another object: allowed; 12 + 30 = 42 days.
    const second = valueOf(
      await w.call('pmsmp/save', {
        personId: w.personId,
        immersion: { ...same, objective: 'recruter', endDate: '2026-06-30' },
      }),
    );
    const third = w.immersion({ objective: 'decouvrir', startDate: '2026-10-05', endDate: '2026-10-06' });
    expect(await w.call('pmsmp/save', { personId: w.personId, immersion: third })).toMatchObject({
      ok: false,
      error: { field: 'immersion.startDate', message: expect.stringContaining('au plus deux conventions') },
    });
    // With another host the third is fine.
    expect(
      await w.call('pmsmp/save', { personId: w.personId, immersion: { ...third, hostOrganisationId: w.otherHostId } }),
    ).toMatchObject({ ok: true });
    // Renewing the second: 42 + 18 = 60 days allowed, 61 refused.
    expect(
      await w.call('pmsmp/renew', { id: second.id, startDate: '2026-07-01', endDate: '2026-07-19' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'endDate', message: expect.stringContaining('elles en compteraient 61') },
    });
    expect(
      await w.call('pmsmp/renew', { id: second.id, startDate: '2026-07-01', endDate: '2026-07-18' }),
    ).toMatchObject({ ok: true });
    // Editing the first one longer now breaks the 60 days: refused too.
    expect(
      await w.call('pmsmp/save', {
        personId: w.personId,
        id: first.id,
        immersion: w.immersion({ endDate: '2026-03-21' }),
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('compteraient 61') } });
  });

  it('asks a minor’s legal representative, who signs the convention too (under 18 on the first day)', async () => {
    const w = await world();
    // 18 on 10 March 2026: a minor on 9 March, an adult on the 10th.
    const minorId = valueOf(
      await w.call('people/create', {
        person: person({ firstNames: 'Lou', lastName: 'Kerbrat', birthDate: '2008-03-10' }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    ).id;
    expect(await w.call('pmsmp/save', { personId: minorId, immersion: w.immersion() })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'immersion.representativeName',
        message:
          'La personne aura moins de 18 ans au début de l’immersion : indiquez le nom de son représentant légal, qui signe aussi la convention.',
      },
    });
    // The day of the 18th birthday: an adult, the name typed is not kept.
    const adult = valueOf(
      await w.call('pmsmp/save', {
        personId: minorId,
        immersion: w.immersion({ startDate: '2026-03-10', representativeName: 'Anne Kerbrat' }),
      }),
    );
    expect(adult.fields.representativeName).toBe('');
    const minor = valueOf(
      await w.call('pmsmp/save', {
        personId: minorId,
        immersion: w.immersion({
          hostOrganisationId: w.otherHostId,
          startDate: '2026-03-02',
          endDate: '2026-03-06',
          representativeName: 'Anne Kerbrat',
        }),
      }),
    );
    expect(minor.fields.representativeName).toBe('Anne Kerbrat');
    const text = pdfText(
      keep(
        'pmsmp-convention-mineur',
        Buffer.from(valueOf(await w.call('pmsmp/printConvention', { id: minor.id })).pdfBase64, 'base64'),
      ),
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Représentant légal (mineur) : Anne Kerbrat');
    // The signature boxes, two by two: the beneficiary and the representative side by side.
    expect(text).toMatch(
      /Le bénéficiaire Son représentant légal Lou Kerbrat Anne Kerbrat Lu et approuvé Lu et approuvé/,
    );
    const adultText = pdfText(
      keep(
        'pmsmp-convention-majeur',
        Buffer.from(valueOf(await w.call('pmsmp/printConvention', { id: adult.id })).pdfBase64, 'base64'),
      ),
    );
    expect(adultText).not.toContain('représentant légal');
  });

  it('lets the social worker record immersions for her caseload only: others are NOT_FOUND', async () => {
    const w = await world();
    const mine = valueOf(await w.asSocialWorker('pmsmp/save', { personId: w.personId, immersion: w.immersion() }));
    expect(valueOf(await w.asSocialWorker('pmsmp/list', { personId: w.personId })).map((i) => i.id)).toEqual([mine.id]);
    expect(await w.asSocialWorker('pmsmp/save', { personId: w.otherId, immersion: w.immersion() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Cette personne est introuvable.' },
    });
    const theirs = valueOf(await w.call('pmsmp/save', { personId: w.otherId, immersion: w.immersion() }));
    expect(await w.asSocialWorker('pmsmp/list', { personId: w.otherId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const [method, input] of [
      ['pmsmp/renew', { id: theirs.id, startDate: '2026-03-23', endDate: '2026-04-10' }],
      ['pmsmp/saveBilan', { id: theirs.id, bilan: { outcome: 'realisee', missedMinutes: 0, writtenOn: '2026-03-20' } }],
      ['pmsmp/printConvention', { id: theirs.id }],
    ] as const) {
      expect(await w.asSocialWorker(method, input as never)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const supervisor = caller(w.services, await sessionAs(w.services, 'encadrant', 'Yann Kervella'));
    expect(await supervisor('pmsmp/list', { personId: w.personId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('prints the convention with every section of the Cerfa 13912 and four signature blocks, then the bilan', async () => {
    const w = await world();
    const saved = valueOf(
      await w.call('pmsmp/save', {
        personId: w.personId,
        immersion: w.immersion({ startDate: '2026-02-16', endDate: '2026-02-27' }),
      }),
    );
    const convention = valueOf(await w.call('pmsmp/printConvention', { id: saved.id }));
    expect(convention.number).toBe('IM-2026-0001');
    const file = keep('pmsmp-convention', Buffer.from(convention.pdfBase64, 'base64'));
    expect(pdfInfo(file).a4).toBe(true);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).not.toMatch(LEAKS);
    for (const expected of [
      'Convention de mise en situation en milieu professionnel',
      'Cerfa n° 13912',
      'Le bénéficiaire',
      'Élodie LE BIHAN',
      'La structure d’accueil',
      'Boulangerie Le Fournil d’Iroise',
      '732 829 320 00074',
      'Le prescripteur',
      'France Travail Brest Europe',
      'Gaëlle Morvan',
      'La structure d’accompagnement',
      'Conseiller référent : Soizic Le Roux',
      'Tuteur dans la structure d’accueil',
      'Maël Kerjean, Chef boulanger',
      'Confirmer un projet professionnel',
      'Boulanger',
      'Du 16 février 2026 au 27 février 2026 inclus',
      'Total de la semaine 35 h',
      'façonner les baguettes',
      'Brûlures (four)',
      'Chaussures de sécurité',
      'L5135-3',
      'Pour la structure d’accueil',
      'Pour le prescripteur',
      'Pour la structure d’accompagnement',
      'Lu et approuvé',
    ]) {
      expect(text, expected).toContain(expected.replace(/\s+/g, ' '));
    }
    // A reprint is a new version of the same number; documents/generate refuses the kind.
    expect(valueOf(await w.call('pmsmp/printConvention', { id: saved.id })).number).toBe('IM-2026-0001');
    const rows = valueOf(await w.call('documents/list', { personId: w.personId })).documents.filter(
      (d) => d.kind === 'convention_pmsmp',
    );
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
    expect(await w.call('documents/generate', { kind: 'convention_pmsmp', personId: w.personId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Immersions (PMSMP)') },
    });

    expect(await w.call('pmsmp/printBilan', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Enregistrez d’abord le bilan de l’immersion.' },
    });
    valueOf(
      await w.call('pmsmp/saveBilan', {
        id: saved.id,
        bilan: {
          outcome: 'partielle',
          missedMinutes: 7 * 60,
          skillsObserved: 'Façonnage régulier ; hygiène irréprochable',
          followUp: 'Candidature au CAP boulanger',
          comment: '',
          writtenOn: '2026-02-27',
        },
      }),
    );
    const bilan = valueOf(await w.call('pmsmp/printBilan', { id: saved.id }));
    const bilanText = pdfText(keep('pmsmp-bilan', Buffer.from(bilan.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
    expect(bilanText).not.toMatch(LEAKS);
    for (const expected of [
      'Bilan de la mise en situation en milieu professionnel',
      'partiellement réalisée',
      'Façonnage régulier',
      'Candidature au CAP boulanger',
    ]) {
      expect(bilanText, expected).toContain(expected);
    }
    // 70 h planned, 7 missed, 63 done (the no-break space before « h » may come back narrow from pdftotext).
    expect(bilanText).toMatch(/Heures de présence prévues 70 ?h Heures manquées 7 ?h Heures effectuées 63 ?h/);
  });

  it('never records « réalisée » before the last day: on it, yes', async () => {
    const w = await world();
    // 23 February to 6 March 2026; today is 2 March.
    const saved = valueOf(
      await w.call('pmsmp/save', {
        personId: w.personId,
        immersion: w.immersion({ startDate: '2026-02-23', endDate: '2026-03-06' }),
      }),
    );
    expect(
      await w.call('pmsmp/saveBilan', {
        id: saved.id,
        bilan: { outcome: 'realisee', missedMinutes: 0, writtenOn: '2026-03-06' },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'bilan.outcome',
        message:
          'Une immersion est « réalisée » au plus tôt le jour de sa fin, le 06/03/2026 : avant, choisissez « partiellement réalisée » si elle s’est arrêtée plus tôt.',
      },
    });
    expect(
      await w.call('pmsmp/saveBilan', {
        id: saved.id,
        bilan: { outcome: 'partielle', missedMinutes: 0, writtenOn: '2026-03-02' },
      }),
    ).toMatchObject({ ok: true });
    // One that ended on 27 February: « réalisée » dated its last day is fine, the day before is not.
    const ended = valueOf(
      await w.call('pmsmp/save', {
        personId: w.otherId,
        immersion: w.immersion({ startDate: '2026-02-16', endDate: '2026-02-27' }),
      }),
    );
    expect(
      await w.call('pmsmp/saveBilan', {
        id: ended.id,
        bilan: { outcome: 'realisee', missedMinutes: 0, writtenOn: '2026-02-26' },
      }),
    ).toMatchObject({ ok: false, error: { field: 'bilan.outcome' } });
    expect(
      await w.call('pmsmp/saveBilan', {
        id: ended.id,
        bilan: { outcome: 'realisee', missedMinutes: 0, writtenOn: '2026-02-27' },
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a bilan before the immersion has begun', async () => {
    const w = await world();
    const saved = valueOf(await w.call('pmsmp/save', { personId: w.personId, immersion: w.immersion() }));
    expect(
      await w.call('pmsmp/saveBilan', {
        id: saved.id,
        bilan: { outcome: 'realisee', missedMinutes: 0, writtenOn: '2026-03-20' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('shows a CDDI covering the immersion as suspended during it, on the convention and on the contract (L5132-15-1, L5135-3)', async () => {
    const w = await world();
    const aci = valueOf(
      await w.call('worksites/save', {
        worksite: mesp({
          name: 'Espaces verts ACI',
          kind: 'aci',
          activity: 'espaces_verts',
          startDate: '2026-01-05',
          weeks: 52,
          slots: [0, 1, 2, 3].flatMap((weekday) => [
            { weekday, halfDay: 'morning' as const },
            { weekday, halfDay: 'afternoon' as const },
          ]),
        }),
      }),
    );
    const journeyId = valueOf(await w.call('people/openJourney', { personId: w.personId, openedOn: '2026-01-02' }))
      .journeys[0]!.id;
    for (const status of ['candidature', 'entretien', 'admise'] as const)
      valueOf(await w.call('people/moveJourney', { journeyId, status, happenedOn: '2026-01-02', reason: '' }));
    const joined = await w.call('worksites/addParticipant', {
      id: aci.id,
      personId: w.personId,
      contract: {
        type: 'cddi',
        startDate: '2026-03-02',
        endDate: '2026-07-01',
        position: 'Agent d’espaces verts',
        hourlyCents: 1250,
        handedOn: '2026-03-02',
        signedOn: '2026-03-02',
        derogationUntil: null,
      },
      confirmWarnings: true,
    });
    expect(joined).toMatchObject({ ok: true });
    const saved = valueOf(await w.call('pmsmp/save', { personId: w.personId, immersion: w.immersion() }));
    expect(saved.suspensions).toEqual([
      { participationId: expect.any(Number), worksiteName: 'Espaces verts ACI', from: '2026-03-09', to: '2026-03-20' },
    ]);
    const text = pdfFlowText(
      keep(
        'pmsmp-convention-cddi',
        Buffer.from(valueOf(await w.call('pmsmp/printConvention', { id: saved.id })).pdfBase64, 'base64'),
      ),
    );
    expect(text).toContain(
      'la période a lieu pendant son contrat, auprès d’un autre employeur (article L5132-15-1 du Code du travail) ; son contrat est suspendu du 9 mars 2026 au 20 mars 2026 et il retrouve son poste à l’issue (article L5135-3).',
    );
    expect(text).not.toContain('à sa demande et avec l’accord de son employeur');
    // D5135-2 2°: the beneficiary's situation, RSA and employer; D5135-1: the employer signs too (a fifth original).
    // Every field of the Cerfa 13912, in the order its boxes come (two columns read left then right by pdftotext).
    for (const expected of [
      'Le bénéficiaire',
      'Élodie LE BIHAN',
      'Née le 12 mai 1985',
      'Situation professionnelle : salariée en CDDI (chantier « Espaces verts ACI »)',
      'Employeur : ',
      'Bénéficiaire du RSA : oui',
      'La structure d’accueil',
      'Forme juridique : ____',
      'SIRET : 732 829 320 00074',
      'Activité principale : Boulangerie-pâtisserie',
      'Convention collective : ____',
      'Le prescripteur',
      'Conseiller : Gaëlle Morvan',
      'La structure d’accompagnement',
      'Conseiller référent : Soizic Le Roux',
      'Maël Kerjean, Chef boulanger, accueille et suit le bénéficiaire',
      'Objet de la période (article L5135-1) : Confirmer un projet professionnel.',
      'Du 9 mars 2026 au 20 mars 2026 inclus',
      /Nombre d’heures de présence prévues sur la période : 70 ?h/,
      /Lundi 5 ?h 12 ?h — 7 ?h Mardi/,
      /Total de la semaine (Présence )?35 ?h/,
      'Peser les ingrédients',
      'Risques du poste : Brûlures (four)',
      'Chaussures de sécurité',
      'en 5 exemplaires originaux',
      'Pour l’employeur du bénéficiaire',
      'Pour la structure d’accueil',
      'Pour le prescripteur',
      'Pour la structure d’accompagnement',
    ]) {
      if (typeof expected === 'string') expect(text, expected).toContain(expected);
      else expect(text).toMatch(expected);
    }
    // The contract on the worksite page shows the days, not the immersion itself.
    const worksite = valueOf(await w.call('worksites/get', { id: aci.id }));
    expect(worksite.participants.find((p) => p.personId === w.personId)!.suspensions).toEqual([
      { from: '2026-03-09', to: '2026-03-20' },
    ]);
  });
});
