import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { configured, valueOf } from './support/services';
import { admitted, mesp, mespContract } from './support/worksites';

/** A MESP with its sessions and one participant under contract. */
async function withParticipant(contract = mespContract()) {
  const setup = await configured();
  const { id } = valueOf(await setup.call('worksites/save', { worksite: mesp() }));
  valueOf(await setup.call('worksites/generateSessions', { id, makeUps: [] }));
  const personId = await admitted(setup.call, 'Élodie');
  const worksite = valueOf(await setup.call('worksites/addParticipant', { id, personId, contract }));
  return { ...setup, worksiteId: id, personId, participationId: worksite.participants[0]!.id };
}

async function renewalCount(db: Parameters<ReturnType<typeof sql>['execute']>[0]) {
  return (await sql<{ n: number }>`select count(*) as n from contract_renewals`.execute(db)).rows[0]!.n;
}

describe('contract renewals', () => {
  it('pushes the end back twice for a CDD, keeps the history, refuses a third', async () => {
    const { services, call, participationId } = await withParticipant();
    // Each new end lies more than a week past the MESP's last day (31/05): confirmed as the screen asks.
    const first = valueOf(
      await call('contracts/renew', {
        participationId,
        renewal: { newEndDate: '2026-06-14', agreedOn: '2026-05-20' },
        confirmWarnings: true,
      }),
    );
    expect(first.participants[0]).toMatchObject({
      contract: { endDate: '2026-06-14' },
      renewals: [{ previousEndDate: '2026-05-31', newEndDate: '2026-06-14', agreedOn: '2026-05-20' }],
      // The trial period belongs to the first contract: a renewal does not start a new one.
      trialDays: 4,
    });
    valueOf(
      await call('contracts/renew', {
        participationId,
        renewal: { newEndDate: '2026-06-28', agreedOn: '2026-06-10' },
        confirmWarnings: true,
      }),
    );
    const third = await call('contracts/renew', {
      participationId,
      renewal: { newEndDate: '2026-07-12', agreedOn: '2026-06-20' },
      confirmWarnings: true,
    });
    expect(third).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'renewal.newEndDate',
        message: 'Un CDD ne peut être renouvelé que deux fois (art. L1243-13) : établissez un nouveau contrat.',
      },
    });
    expect(await renewalCount(services.db)).toBe(2);
  });

  it('refuses a renewal agreed after the term or ending earlier, and writes nothing', async () => {
    const { services, call, participationId } = await withParticipant();
    expect(
      await call('contracts/renew', { participationId, renewal: { newEndDate: '2026-06-14', agreedOn: '2026-06-02' } }),
    ).toMatchObject({
      ok: false,
      error: {
        message: 'Le renouvellement doit être accepté par le salarié avant le terme du contrat (art. L1243-13).',
      },
    });
    expect(
      await call('contracts/renew', { participationId, renewal: { newEndDate: '2026-05-20', agreedOn: '2026-05-10' } }),
    ).toMatchObject({
      ok: false,
      error: { field: 'renewal.newEndDate' },
    });
    expect(
      await call('contracts/renew', { participationId, renewal: { newEndDate: '2026-02-30', agreedOn: '2026-05-10' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'renewal.newEndDate' },
    });
    expect(
      await call('contracts/renew', {
        participationId: 999,
        renewal: { newEndDate: '2026-06-14', agreedOn: '2026-05-10' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await renewalCount(services.db)).toBe(0);
  });
});

describe('early ends', () => {
  it('ends a contract during the trial period and takes the person off the later half-days', async () => {
    const { call, worksiteId, participationId, personId } = await withParticipant();
    const before = valueOf(await call('worksites/get', { id: worksiteId })).participants[0]!;
    // 14 h a week; 10 h 30 in the weeks of Ascension and Whit Monday.
    expect(before.plannedWeeks).toEqual([
      { weekOf: '2026-05-04', minutes: 840 },
      { weekOf: '2026-05-11', minutes: 630 },
      { weekOf: '2026-05-18', minutes: 840 },
      { weekOf: '2026-05-25', minutes: 630 },
    ]);
    const ended = valueOf(
      await call('contracts/endEarly', { participationId, earlyEnd: { date: '2026-05-06', reason: 'periode_essai' } }),
    );
    expect(ended.participants[0]!.earlyEnd).toEqual({ date: '2026-05-06', reason: 'periode_essai' });
    expect(ended.participants[0]!.plannedWeeks).toEqual([{ weekOf: '2026-05-04', minutes: 630 }]);
    const agenda = valueOf(await call('worksites/personAgenda', { personId }));
    expect(agenda.map((a) => a.date)).toEqual(['2026-05-04', '2026-05-05', '2026-05-06']);
    const planning = valueOf(await call('worksites/planning', { from: '2026-05-04', to: '2026-05-08' }));
    expect(planning.map((p) => [p.date, p.participants])).toEqual([
      ['2026-05-04', 1],
      ['2026-05-05', 1],
      ['2026-05-06', 1],
      ['2026-05-07', 0],
    ]);
    // Once ended, no renewal; a second early end needs the first withdrawn.
    expect(
      await call('contracts/renew', { participationId, renewal: { newEndDate: '2026-06-14', agreedOn: '2026-05-05' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await call('contracts/endEarly', { participationId, earlyEnd: { date: '2026-05-07', reason: 'accord_commun' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const withdrawn = valueOf(await call('contracts/withdrawEarlyEnd', { participationId }));
    expect(withdrawn.participants[0]!.earlyEnd).toBeNull();
    expect(valueOf(await call('worksites/get', { id: worksiteId })).participants[0]!.earlyEnd).toBeNull();
  });

  it('refuses a ground the law does not give, or one that does not apply', async () => {
    const { call, participationId } = await withParticipant();
    expect(
      await call('contracts/endEarly', { participationId, earlyEnd: { date: '2026-05-15', reason: 'periode_essai' } }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'earlyEnd.date',
        message: 'La période d’essai est terminée à cette date : choisissez un autre motif.',
      },
    });
    expect(
      await call('contracts/endEarly', {
        participationId,
        earlyEnd: { date: '2026-05-15', reason: 'emploi_ou_formation' },
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Ce motif ne vaut que pour un CDDI (art. L5132-15-1).' },
    });
    const invented = await call('contracts/endEarly', {
      participationId,
      earlyEnd: { date: '2026-05-15', reason: 'démission' as 'faute_grave' },
    });
    expect(invented).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'earlyEnd.reason' } });
    expect(await call('contracts/withdrawEarlyEnd', { participationId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('contract updates', () => {
  it('records the hand-over, which clears the late warning, and the signature', async () => {
    const { call, participationId } = await withParticipant(mespContract({ handedOn: null, signedOn: null }));
    const updated = valueOf(
      await call('contracts/update', {
        participationId,
        contract: { position: 'Aide-menuisier', handedOn: '2026-05-05', signedOn: '2026-05-05', derogationUntil: null },
      }),
    );
    expect(updated.participants[0]).toMatchObject({
      contract: { position: 'Aide-menuisier', handedOn: '2026-05-05', signedOn: '2026-05-05' },
      handOverLate: false,
    });
    expect(
      await call('contracts/update', {
        participationId,
        contract: { position: '', handedOn: null, signedOn: null, derogationUntil: null },
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'contract.position' },
    });
  });

  it('records what the contract states: classification, tasks, a post with particular risks, the PASS IAE', async () => {
    const { call, participationId, worksiteId } = await withParticipant();
    // Drafted with the work support's tasks until the coordinator writes the person's own.
    const drafted = valueOf(await call('worksites/get', { id: worksiteId }));
    expect(drafted.participants[0]!.contract).toMatchObject({
      classification: '',
      particularRisk: false,
      passIae: '',
      tasks: expect.stringContaining('ponçage'),
    });
    const contract = {
      position: 'Agent de menuiserie',
      handedOn: null,
      signedOn: null,
      derogationUntil: null,
      classification: 'Niveau 1, coefficient 200',
      tasks: 'Débit de planches, ponçage, montage de bancs',
      particularRisk: true,
      passIae: '999992612345',
    };
    const updated = valueOf(await call('contracts/update', { participationId, contract }));
    expect(updated.participants[0]!.contract).toMatchObject({
      classification: 'Niveau 1, coefficient 200',
      tasks: 'Débit de planches, ponçage, montage de bancs',
      particularRisk: true,
      passIae: '999992612345',
    });
    expect(
      await call('contracts/update', { participationId, contract: { ...contract, tasks: 'x'.repeat(601) } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'contract.tasks',
        message: 'La liste des tâches confiées ne doit pas dépasser 600 caractères.',
      },
    });
    expect(
      await call('contracts/update', { participationId, contract: { ...contract, particularRisk: 'oui' as never } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'contract.particularRisk',
        message: 'Indiquez si le poste présente des risques particuliers.',
      },
    });
  });
});
