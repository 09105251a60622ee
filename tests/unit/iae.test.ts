import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caller, configured, fakeClock, sessionAs, tempDir, valueOf } from './support/services';
import { person, situation } from './support/people';
import { tinyPng } from '../fixtures/images';

/** A social worker following Élodie (born 12/05/1985), Yannick followed by nobody; today is 2 March 2026. */
async function world() {
  const home = tempDir('passerelle-home-');
  const scan = path.join(home, 'attestation-rsa.png');
  writeFileSync(scan, tinyPng());
  const setup = await configured({ clock: fakeClock('2026-03-02T09:00:00.000Z'), homeDir: home });
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
  const create = async (firstNames: string, lastName: string, referentId: number | null) =>
    valueOf(
      await call('people/create', {
        person: person({ firstNames, lastName, referentId }),
        situation: situation(),
        confirmedNotDuplicate: true,
      }),
    ).id;
  const personId = await create('Élodie', 'Le Bihan', card.id);
  const otherId = await create('Yannick', 'Quéré', null);
  return { ...setup, scan, personId, otherId, cip: caller(services, socialWorker) };
}

const rsa = { code: 'RSA', proofType: 'attestation_rsa', proofDate: '2026-02-20', validUntil: null } as const;

describe('IAE eligibility through the RPC methods', () => {
  it('a CIP checks RSA with its scan: eligible on one level-1 criterion, the scan kept with the person', async () => {
    const w = await world();
    expect(valueOf(await w.cip('iae/get', { personId: w.personId })).result).toEqual({
      eligible: false,
      reason: 'Non éligible : il manque un critère de niveau 1, ou 3 critères de niveau 2 (3 sont nécessaires en ACI)',
      on: '2026-03-02',
      required: 3,
      structureKind: 'ACI',
    });
    const saved = valueOf(await w.cip('iae/saveCriterion', { personId: w.personId, criterion: rsa, path: w.scan }));
    expect(saved.result).toMatchObject({ eligible: true, reason: 'Éligible : 1 critère de niveau 1 (RSA)' });
    expect(saved.criteria).toEqual([
      expect.objectContaining({
        code: 'RSA',
        lastDay: '2026-05-19',
        notCounted: null,
        attachmentName: 'attestation-rsa.png',
        authorName: 'Soizic Le Roux',
      }),
    ]);
    const listing = valueOf(await w.call('documents/list', { personId: w.personId }));
    expect(listing.attachments.map((a) => [a.id, a.label])).toEqual([
      [saved.criteria[0]!.attachmentId, 'Justificatif IAE : Attestation RSA'],
    ]);
    // The CIP looks at the scan she joined.
    expect(valueOf(await w.cip('iae/proofContent', { personId: w.personId, code: 'RSA' }))).toEqual({
      base64: readFileSync(w.scan).toString('base64'),
      mediaType: 'image/png',
      fileName: 'attestation-rsa.png',
    });
    // Saved again without a file: the scan stays.
    const again = valueOf(
      await w.cip('iae/saveCriterion', {
        personId: w.personId,
        criterion: { ...rsa, proofDate: '2026-03-01' },
        path: null,
      }),
    );
    expect(again.criteria[0]).toMatchObject({ proofDate: '2026-03-01', attachmentId: saved.criteria[0]!.attachmentId });
    const removed = valueOf(await w.cip('iae/removeCriterion', { personId: w.personId, code: 'RSA' }));
    expect(removed.criteria).toEqual([]);
    expect(removed.result.eligible).toBe(false);
    expect(await w.cip('iae/proofContent', { personId: w.personId, code: 'RSA' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Aucun justificatif numérisé n’est joint à ce critère.' },
    });
  });

  it('refuses, in French and on the field, what the platform would not take', async () => {
    const w = await world();
    const save = (criterion: object, personId = w.personId) =>
      w.cip('iae/saveCriterion', { personId, criterion: criterion as never, path: null });
    expect(await save({ ...rsa, proofType: 'attestation_caf' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'criterion.proofType',
        message: 'Pour ce critère, le justificatif attendu est « Attestation RSA ».',
      },
    });
    expect(await save({ ...rsa, proofDate: '2026-03-03' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'criterion.proofDate' },
    });
    expect(
      await save({ code: 'TH', proofType: 'decision_rqth', proofDate: '2025-01-10', validUntil: null }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'criterion.validUntil',
        message:
          'Indiquez jusqu’à quand « Décision de reconnaissance de la qualité de TH » est valable : la date est écrite sur le document.',
      },
    });
    valueOf(await save({ code: 'SENIOR', proofType: 'piece_identite', proofDate: '2020-01-01', validUntil: null }));
    expect(
      await save({ code: 'JEUNE', proofType: 'piece_identite', proofDate: '2020-01-01', validUntil: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Une personne ne peut pas être à la fois « senior » et « jeune ».' },
    });
    expect(await w.cip('iae/removeCriterion', { personId: w.personId, code: 'QPV' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Ce critère n’est pas coché pour cette personne.' },
    });
    // The senior criterion is checked, but Élodie is 40: it does not count, and the card says why.
    const shown = valueOf(await w.cip('iae/get', { personId: w.personId }));
    expect(shown.criteria[0]!.notCounted).toBe('40 ans le 02/03/2026, moins de 50 ans');
  });

  it('records the PASS IAE (two years by default) and its prolongations within the legal maximum', async () => {
    const w = await world();
    const savePass = (pass: object) => w.cip('iae/savePass', { personId: w.personId, pass: pass as never });
    expect(await savePass({ number: '99999 26 1234', startDate: '2026-03-02', endDate: null })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'pass.number',
        message:
          'Le numéro de PASS IAE ou d’agrément compte 12 chiffres ou lettres (par exemple 99999 26 12345) : vérifiez-le.',
      },
    });
    expect(await savePass({ number: '99999 26 12345', startDate: '2026-03-02', endDate: '2026-03-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'pass.endDate',
        message: 'La date de fin du PASS IAE ne peut pas précéder sa date de début.',
      },
    });
    const prolong = (prolongation: object) =>
      w.cip('iae/addProlongation', { personId: w.personId, prolongation: prolongation as never });
    expect(
      await prolong({ reason: 'RQTH', endDate: '2028-06-01', decidedOn: '2026-03-01', decidedBy: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Enregistrez d’abord le PASS IAE de la personne, puis sa prolongation.' },
    });
    const saved = valueOf(await savePass({ number: '99999 26 12345', startDate: '2026-03-02', endDate: null }));
    expect(saved.pass).toEqual({
      number: '999992612345',
      startDate: '2026-03-02',
      endDate: '2028-02-29',
      currentEnd: '2028-02-29',
      prolongations: [],
      endsSoon: false,
    });
    expect(
      await prolong({ reason: 'RQTH', endDate: '2029-03-01', decidedOn: '2026-03-01', decidedBy: 'Cap emploi' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'prolongation.endDate',
        message:
          'Cette prolongation dépasse le maximum légal pour le motif « RQTH : reconnaissance de la qualité de travailleur handicapé » : date de fin au plus tard le 28/02/2029 (article R5132-1-8 du Code du travail).',
      },
    });
    const prolonged = valueOf(
      await prolong({ reason: 'RQTH', endDate: '2029-02-28', decidedOn: '2026-03-01', decidedBy: 'Cap emploi' }),
    );
    expect(prolonged.pass).toMatchObject({
      endDate: '2028-02-29',
      currentEnd: '2029-02-28',
      prolongations: [
        {
          reason: 'RQTH',
          startDate: '2028-02-29',
          endDate: '2029-02-28',
          decidedOn: '2026-03-01',
          decidedBy: 'Cap emploi',
        },
      ],
    });
    // Its number and end cannot change once prolonged.
    expect(await savePass({ number: '999992699999', startDate: '2026-03-02', endDate: null })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'pass.number' },
    });
    expect(await savePass({ number: '999992612345', startDate: '2026-03-02', endDate: '2028-03-31' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'pass.endDate',
        message: 'Ce PASS IAE a déjà des prolongations : son numéro et sa date de fin ne se changent plus.',
      },
    });
  });

  it('judges the proofs on the PASS IAE’s start once there is one', async () => {
    const w = await world();
    valueOf(await w.cip('iae/saveCriterion', { personId: w.personId, criterion: rsa, path: null }));
    // Delivered before the attestation was dated: it did not exist then.
    const early = valueOf(
      await w.cip('iae/savePass', {
        personId: w.personId,
        pass: { number: '999992612345', startDate: '2026-02-01', endDate: null },
      }),
    );
    expect(early.result).toMatchObject({ eligible: false, on: '2026-02-01' });
    expect(early.criteria[0]!.notCounted).toBe('justificatif daté du 20/02/2026, après le 01/02/2026');
    const onTime = valueOf(
      await w.cip('iae/savePass', {
        personId: w.personId,
        pass: { number: '999992612345', startDate: '2026-03-02', endDate: null },
      }),
    );
    expect(onTime.result).toMatchObject({ eligible: true, on: '2026-03-02' });
  });

  it('keeps the supervisor and read-only roles out, and the social worker to her caseload', async () => {
    const w = await world();
    for (const role of ['encadrant', 'lecture_seule', 'psychologue'] as const) {
      const as = caller(w.services, await sessionAs(w.services, role));
      expect(await as('iae/get', { personId: w.personId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await as('iae/saveCriterion', { personId: w.personId, criterion: rsa, path: null })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    for (const [method, input] of [
      ['iae/get', { personId: w.otherId }],
      ['iae/saveCriterion', { personId: w.otherId, criterion: rsa, path: w.scan }],
      ['iae/removeCriterion', { personId: w.otherId, code: 'RSA' }],
      ['iae/proofContent', { personId: w.otherId, code: 'RSA' }],
      [
        'iae/savePass',
        { personId: w.otherId, pass: { number: '999992612345', startDate: '2026-03-02', endDate: null } },
      ],
      [
        'iae/addProlongation',
        {
          personId: w.otherId,
          prolongation: { reason: 'RQTH', endDate: '2029-01-01', decidedOn: '2026-03-01', decidedBy: '' },
        },
      ],
    ] as const) {
      expect(await w.cip(method, input as never)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    // Nothing was written for Yannick, and no scan was copied for him.
    expect(valueOf(await w.call('iae/get', { personId: w.otherId })).criteria).toEqual([]);
    expect(valueOf(await w.call('documents/list', { personId: w.otherId })).attachments).toEqual([]);
    expect(existsSync(w.scan)).toBe(true);
    expect(existsSync(w.services.paths.attachmentsDir) ? readdirSync(w.services.paths.attachmentsDir) : []).toEqual([]);
  });

  it('warns on the dashboard of a PASS IAE ending within 90 days, to whom follows the person', async () => {
    const w = await world();
    // 02/03/2026 + 90 days = 31/05/2026: the last day warned.
    const pass = (personId: number, endDate: string) =>
      w.call('iae/savePass', { personId, pass: { number: '999992612345', startDate: '2024-06-01', endDate } });
    valueOf(await pass(w.personId, '2026-05-31'));
    valueOf(await pass(w.otherId, '2026-06-01'));
    const admin = valueOf(await w.call('dashboard/summary'));
    expect(admin.passIaeEnding).toEqual([{ personId: w.personId, name: 'Élodie Le Bihan', endDate: '2026-05-31' }]);
    valueOf(await pass(w.otherId, '2026-04-01'));
    expect(valueOf(await w.call('dashboard/summary')).passIaeEnding!.map((p) => p.personId)).toEqual([
      w.otherId,
      w.personId,
    ]);
    // The social worker sees only hers; the supervisor nothing.
    expect(valueOf(await w.cip('dashboard/summary')).passIaeEnding!.map((p) => p.personId)).toEqual([w.personId]);
    const supervisor = caller(w.services, await sessionAs(w.services, 'encadrant'));
    expect(valueOf(await supervisor('dashboard/summary')).passIaeEnding).toBeNull();
    // Prolonged past the delay: no longer warned.
    valueOf(
      await w.call('iae/addProlongation', {
        personId: w.personId,
        prolongation: { reason: 'COMPLETE_TRAINING', endDate: '2026-12-31', decidedOn: '2026-03-01', decidedBy: '' },
      }),
    );
    expect(valueOf(await w.cip('dashboard/summary')).passIaeEnding).toEqual([]);
  });
});
