import { describe, expect, it } from 'vitest';
import { fseParticipants } from '../../src-main/app/read-models/fse-participants';
import type { FseEntryInput } from '../../src-main/shared/contract/fse-plus';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';
import { mesp } from './support/worksites';

/** A funder, an operation on one worksite, a social worker (CIP) following Élodie; today is 20 January 2027. */
async function world() {
  const setup = await configured({ clock: fakeClock('2027-01-20T09:00:00.000Z') });
  const { services, call } = setup;
  const cip = await sessionAs(services, 'travailleur_social', 'Soizic Le Roux');
  const coordination = await sessionAs(services, 'coordination', 'Katell Guivarc’h');
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
        userId: cip.user!.id,
        leftOn: null,
      },
    }),
  );
  const funder = valueOf(
    await call('funders/save', { funder: { name: 'Union européenne — FSE+', logoFile: null, fundingMention: '' } }),
  );
  const worksite = valueOf(await call('worksites/save', { worksite: mesp() }));
  const elodie = valueOf(
    await call('people/create', {
      person: person({ firstNames: 'Élodie', lastName: 'Le Bihan', birthDate: '2003-09-01', referentId: card.id }),
      situation: situation({ franceTravailSince: '2025-10-01', educationLevel: '4' }),
      confirmedNotDuplicate: true,
    }),
  ).id;
  const yannick = valueOf(
    await call('people/create', {
      person: person({ firstNames: 'Yannick', lastName: 'Quéré', civility: 'monsieur', sex: 'M' }),
      situation: situation(),
      confirmedNotDuplicate: true,
    }),
  ).id;
  const operation = valueOf(
    await call('fse/saveOperation', {
      operation: {
        name: 'Chantiers d’insertion 2026',
        funderId: funder.id,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        worksiteIds: [worksite.id],
      },
    }),
  );
  const entry = (overrides: Partial<FseEntryInput> = {}): FseEntryInput => ({
    enteredOn: '2026-05-04',
    labourStatus: 'chomeur',
    educationLevel: '4',
    disability: 'non',
    thirdCountryNational: 'non',
    foreignBackground: 'refus',
    minority: 'refus',
    homelessOrHousingExclusion: false,
    ruralArea: true,
    ...overrides,
  });
  return {
    ...setup,
    elodie,
    yannick,
    operation,
    funder,
    worksite,
    entry,
    asCip: caller(services, cip),
    asCoordination: caller(services, coordination),
    asSupervisor: caller(services, await sessionAs(services, 'encadrant')),
  };
}

const exit = {
  leftOn: '2026-07-15',
  seekingWork: true,
  inEducationOrTraining: false,
  gainedQualification: true,
  inEmployment: false,
};

describe('FSE+ operations', () => {
  it('creates an operation with its funder, period and worksites, and lists it', async () => {
    const w = await world();
    expect(w.operation).toMatchObject({
      name: 'Chantiers d’insertion 2026',
      funderName: 'Union européenne — FSE+',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      worksites: [{ id: w.worksite.id, name: 'Menuiserie du port' }],
      participantCount: 0,
    });
    expect(valueOf(await w.asCip('fse/operations'))).toEqual([w.operation]);
  });

  it('refuses an end before the start, an unknown funder or worksite, and the social worker', async () => {
    const w = await world();
    const input = { name: 'Op', funderId: w.funder.id, startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(await w.call('fse/saveOperation', { operation: { ...input, endDate: '2025-12-31' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'La date de fin de l’opération ne peut pas précéder sa date de début.' },
    });
    expect(await w.call('fse/saveOperation', { operation: { ...input, funderId: 999 } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Ce financeur n’existe pas dans le répertoire des financeurs.' },
    });
    expect(await w.call('fse/saveOperation', { operation: { ...input, worksiteIds: [999] } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Un des chantiers choisis n’existe pas.' },
    });
    expect(await w.asCip('fse/saveOperation', { operation: input })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Nothing half-written.
    expect(valueOf(await w.call('fse/operations'))).toHaveLength(1);
  });
});

describe('a participant’s answers', () => {
  it('the CIP records entry, exit and six months; the age is computed and the follow-up is due', async () => {
    const w = await world();
    const key = { personId: w.elodie, operationId: w.operation.id };
    const suggested = valueOf(await w.asCip('fse/suggest', { personId: w.elodie, enteredOn: '2026-05-04' }));
    // Under 25 and registered more than 6 months: long-term (ESF guidance, Annex D).
    expect(suggested).toMatchObject({
      ageAtEntry: 22,
      ageBand: '18_29',
      educationLevel: '4',
      iscedGroup: '3-4',
      labourStatus: 'chomeur_longue_duree',
      // No nationality recorded: nothing to suggest.
      thirdCountryNational: null,
    });
    const saved = valueOf(await w.asCip('fse/saveEntry', { ...key, entry: w.entry() }));
    expect(saved.entry).toMatchObject({
      ageAtEntry: 22,
      iscedGroup: '3-4',
      foreignBackground: 'refus',
      ruralArea: true,
      recorded: { at: '2027-01-20T09:00:00.000Z', by: 'Soizic Le Roux' },
    });
    expect(saved.exit).toBeNull();

    const left = valueOf(await w.asCip('fse/saveExit', { ...key, exit }));
    expect(left.exit).toMatchObject({ leftOn: '2026-07-15', gainedQualification: true });
    expect(left.sixMonthsDueOn).toBe('2027-01-15');
    expect(valueOf(await w.asCip('fse/followUps'))).toEqual([
      {
        personId: w.elodie,
        personName: 'Élodie Le Bihan',
        operationId: w.operation.id,
        operationName: 'Chantiers d’insertion 2026',
        leftOn: '2026-07-15',
        dueOn: '2027-01-15',
        state: 'a_faire',
      },
    ]);

    const six = valueOf(
      await w.asCip('fse/saveSixMonths', {
        ...key,
        sixMonths: { observedOn: '2027-01-15', inEmployment: true, improvedSituation: true },
      }),
    );
    expect(six.sixMonths).toMatchObject({ observedOn: '2027-01-15', inEmployment: true });
    expect(valueOf(await w.asCip('fse/followUps'))).toEqual([]);
    expect(valueOf(await w.call('fse/operations'))[0]!.participantCount).toBe(1);
  });

  it('refuses an exit before the entry, a six-month situation before exit + 6 months, each without writing', async () => {
    const w = await world();
    const key = { personId: w.elodie, operationId: w.operation.id };
    expect(await w.asCip('fse/saveExit', { ...key, exit })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Enregistrez d’abord les données d’entrée de la personne dans cette opération.',
      },
    });
    valueOf(await w.asCip('fse/saveEntry', { ...key, entry: w.entry() }));
    expect(
      await w.asCip('fse/saveSixMonths', {
        ...key,
        sixMonths: { observedOn: '2027-01-15', inEmployment: true, improvedSituation: true },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await w.asCip('fse/saveExit', { ...key, exit: { ...exit, leftOn: '2026-05-03' } })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'La date de sortie ne peut pas précéder la date d’entrée dans l’opération.',
        field: 'exit.leftOn',
      },
    });
    valueOf(await w.asCip('fse/saveExit', { ...key, exit: { ...exit, leftOn: '2026-08-31' } }));
    expect(
      await w.asCip('fse/saveSixMonths', {
        ...key,
        sixMonths: { observedOn: '2027-02-27', inEmployment: true, improvedSituation: false },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'La situation à 6 mois s’observe six mois après la sortie : à partir du 28/02/2027.',
        field: 'sixMonths.observedOn',
      },
    });
    const record = valueOf(await w.asCip('fse/person', { personId: w.elodie })).records[0]!;
    expect(record.exit?.leftOn).toBe('2026-08-31');
    expect(record.sixMonths).toBeNull();
    // Left 31 August: due the last day of February; in the list from two weeks before.
    expect(record.sixMonthsDueOn).toBe('2027-02-28');
    expect(valueOf(await w.asCip('fse/followUps'))).toEqual([]);
  });

  it('asks each sensitive item of the CIP, « Ne souhaite pas répondre » being an answer', async () => {
    const w = await world();
    const key = { personId: w.elodie, operationId: w.operation.id };
    const { minority: _omitted, ...withoutMinority } = w.entry();
    expect(await w.asCip('fse/saveEntry', { ...key, entry: withoutMinority })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'entry.minority',
        message: expect.stringMatching(/^Répondez à la question « Appartenance à une minorité/),
      },
    });
    expect(
      await w.asCip('fse/saveEntry', { ...key, entry: { ...w.entry(), labourStatus: undefined as never } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Choisissez la situation sur le marché du travail à l’entrée.' },
    });
    expect(valueOf(await w.asCip('fse/person', { personId: w.elodie })).records).toEqual([]);
  });
});

describe('the sensitive items reach only the CIP and the administrator', () => {
  it('the coordination reads and exports them neither, cannot write them, and keeps them when saving the rest', async () => {
    const w = await world();
    const key = { personId: w.elodie, operationId: w.operation.id };
    valueOf(
      await w.asCip('fse/saveEntry', { ...key, entry: w.entry({ disability: 'oui', thirdCountryNational: 'oui' }) }),
    );

    const seen = valueOf(await w.asCoordination('fse/person', { personId: w.elodie }));
    expect(seen.seesSensitive).toBe(false);
    expect(seen.records[0]!.entry).toMatchObject({
      disability: null,
      thirdCountryNational: null,
      foreignBackground: null,
      minority: null,
      ruralArea: true,
    });
    const suggested = valueOf(await w.asCoordination('fse/suggest', { personId: w.elodie, enteredOn: '2026-05-04' }));
    expect(suggested.disability).toBeNull();
    expect(suggested.thirdCountryNational).toBeNull();

    expect(await w.asCoordination('fse/saveEntry', { ...key, entry: w.entry() })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'entry.disability' },
    });
    const { disability, thirdCountryNational, foreignBackground, minority, ...rest } = w.entry({ ruralArea: false });
    void [disability, thirdCountryNational, foreignBackground, minority];
    valueOf(await w.asCoordination('fse/saveEntry', { ...key, entry: rest }));
    const cipView = valueOf(await w.asCip('fse/person', { personId: w.elodie })).records[0]!.entry;
    expect(cipView).toMatchObject({ disability: 'oui', thirdCountryNational: 'oui', ruralArea: false });

    // The person's export: with the items for the administrator, without for the coordination.
    const sectionOf = (json: string) =>
      (JSON.parse(json) as { sections: { title: string; rows: Record<string, unknown>[] }[] }).sections.find((s) =>
        s.title.startsWith('Données FSE+'),
      )!.rows[0]!;
    const byAdmin = sectionOf(valueOf(await w.call('rgpd/exportPerson', { personId: w.elodie, folder: null })).json);
    expect(byAdmin).toMatchObject({
      'Personne handicapée': 'Oui',
      'Personne d’origine étrangère': 'Ne souhaite pas répondre',
    });
    const byCoordination = sectionOf(
      valueOf(await w.asCoordination('rgpd/exportPerson', { personId: w.elodie, folder: null })).json,
    );
    expect(Object.keys(byCoordination)).not.toContain('Personne handicapée');
    expect(JSON.stringify(byCoordination)).not.toMatch(/Ne souhaite pas répondre|handicap/i);
    expect(byCoordination['Questions sensibles']).toMatch(/non reprises dans cet export/);
  });

  it('a supervisor and a social worker outside her caseload reach nothing', async () => {
    const w = await world();
    expect(await w.asSupervisor('fse/person', { personId: w.elodie })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await w.asCip('fse/person', { personId: w.yannick })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await w.asCip('fse/saveEntry', { personId: w.yannick, operationId: w.operation.id, entry: w.entry() }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Cette personne est introuvable.' } });
    // Her follow-ups list holds only her caseload.
    valueOf(await w.call('fse/saveEntry', { personId: w.yannick, operationId: w.operation.id, entry: w.entry() }));
    valueOf(await w.call('fse/saveExit', { personId: w.yannick, operationId: w.operation.id, exit }));
    expect(valueOf(await w.call('fse/followUps')).map((f) => f.personName)).toEqual(['Yannick Quéré']);
    expect(valueOf(await w.asCip('fse/followUps'))).toEqual([]);
  });

  it('anonymisation empties the sensitive items and keeps the rest for the figures', async () => {
    const w = await world();
    const key = { personId: w.elodie, operationId: w.operation.id };
    valueOf(await w.asCip('fse/saveEntry', { ...key, entry: w.entry({ disability: 'oui' }) }));
    valueOf(await w.call('rgpd/anonymise', { personIds: [w.elodie], confirm: true }));
    const row = await w.services.db.selectFrom('fseParticipants').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      disability: null,
      thirdCountryNational: null,
      foreignBackground: null,
      minority: null,
      labourStatus: 'chomeur',
      ageAtEntry: 22,
    });
  });
});

describe('the read model the indicators table reads', () => {
  it('gives the participants present in the period, without what happened after it', async () => {
    const w = await world();
    const op = w.operation.id;
    valueOf(await w.asCip('fse/saveEntry', { personId: w.elodie, operationId: op, entry: w.entry() }));
    valueOf(await w.asCip('fse/saveExit', { personId: w.elodie, operationId: op, exit }));
    valueOf(
      await w.asCip('fse/saveSixMonths', {
        personId: w.elodie,
        operationId: op,
        sixMonths: { observedOn: '2027-01-15', inEmployment: true, improvedSituation: true },
      }),
    );
    // Entered by the coordination: the sensitive items were never asked, counted as not given.
    const { disability, thirdCountryNational, foreignBackground, minority, ...rest } = w.entry({
      enteredOn: '2026-09-01',
    });
    void [disability, thirdCountryNational, foreignBackground, minority];
    valueOf(await w.asCoordination('fse/saveEntry', { personId: w.yannick, operationId: op, entry: rest }));

    const year = await fseParticipants(w.services.db, op, { from: '2026-01-01', to: '2026-12-31' });
    expect(year).toEqual([
      {
        personId: w.elodie,
        sex: 'F',
        entry: {
          enteredOn: '2026-05-04',
          labourStatus: 'chomeur',
          ageAtEntry: 22,
          educationLevel: '4',
          disability: 'non',
          thirdCountryNational: 'non',
          foreignBackground: 'refus',
          minority: 'refus',
          homelessOrHousingExclusion: false,
          ruralArea: true,
        },
        exit: {
          leftOn: '2026-07-15',
          seekingWork: true,
          inEducationOrTraining: false,
          gainedQualification: true,
          inEmployment: false,
        },
        // Observed in 2027: not in a 2026 table.
        sixMonths: null,
      },
      expect.objectContaining({
        personId: w.yannick,
        sex: 'M',
        exit: null,
        entry: expect.objectContaining({ disability: 'refus', minority: 'refus' }),
      }),
    ]);
    // Élodie left on 15 July: not in the second half; in the first half, her exit had not happened yet.
    expect(
      (await fseParticipants(w.services.db, op, { from: '2026-08-01', to: '2026-12-31' })).map((p) => p.personId),
    ).toEqual([w.yannick]);
    const firstHalf = await fseParticipants(w.services.db, op, { from: '2026-01-01', to: '2026-06-30' });
    expect(firstHalf.map((p) => [p.personId, p.exit])).toEqual([[w.elodie, null]]);
    const twoYears = await fseParticipants(w.services.db, op, { from: '2026-01-01', to: '2027-12-31' });
    expect(twoYears[0]!.sixMonths).toEqual({ observedOn: '2027-01-15', inEmployment: true, improvedSituation: true });
  });
});
