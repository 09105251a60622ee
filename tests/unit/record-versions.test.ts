import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-main/shared/errors';
import { caller, configured, fakeClock, sessionAs, valueOf } from './support/services';
import { employer, structure } from './support/factories';
import { person } from './support/people';
import { admitted, mesp, mespContract } from './support/worksites';

/** Two people on the same data: the administrator and Marie Durand (coordination). */
async function twoPeople() {
  // 2 December 2026, 09:31 UTC: 10 h 31 in Paris.
  const setup = await configured({ clock: fakeClock('2026-12-02T09:31:00.000Z') });
  const marie = caller(setup.services, await sessionAs(setup.services, 'coordination', 'Marie Durand'));
  return { ...setup, marie };
}

function staleOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('versioned records: a stale save is refused, never written over', () => {
  it('person: the second save on the same version is refused with who and when, the first one kept; a fresh save is accepted', async () => {
    const { call, marie } = await twoPeople();
    const id = await admitted(call, 'Yannick');
    const opened = valueOf(await call('people/get', { id }));
    const v = opened.version;

    const theirs = valueOf(
      await marie('people/update', {
        id,
        expectedVersion: v,
        person: person({ firstNames: 'Yannick', town: 'Brest' }),
      }),
    );
    expect(theirs.version).toBe(v + 1);

    const refused = staleOf(
      await call('people/update', {
        id,
        expectedVersion: v,
        person: person({ firstNames: 'Yannick', town: 'Quimper' }),
      }),
    );
    expect(refused.code).toBe('STALE');
    expect(refused.message).toBe(
      'Cette fiche a été modifiée par Marie Durand le 02/12/2026 à 10\u00a0h\u00a031 pendant que vous la modifiiez. Rechargez-la : vos saisies restent à côté, à reporter.',
    );
    expect(refused.stale).toEqual({ version: v + 1, changedBy: 'Marie Durand', changedAt: '2026-12-02T09:31:00.000Z' });
    // Nothing of the refused save was written.
    expect(valueOf(await call('people/get', { id })).town).toBe('Brest');

    const fresh = valueOf(
      await call('people/update', {
        id,
        expectedVersion: refused.stale!.version,
        person: person({ firstNames: 'Yannick', town: 'Quimper' }),
      }),
    );
    expect(fresh.town).toBe('Quimper');
    expect(fresh.version).toBe(v + 2);
  });

  it('person: archiving moves the version too, so a form opened before it is refused', async () => {
    const { call, marie } = await twoPeople();
    const id = await admitted(call, 'Soizic');
    const v = valueOf(await call('people/get', { id })).version;
    valueOf(await marie('people/setArchived', { id, archived: true }));
    const refused = staleOf(
      await call('people/update', { id, expectedVersion: v, person: person({ firstNames: 'Soizic' }) }),
    );
    expect(refused.code).toBe('STALE');
    expect(refused.message).toContain('par Marie Durand');
  });

  it('worksite, contract, structure and employer refuse a stale save the same way, in their own words', async () => {
    const { call, marie, services, view } = await twoPeople();
    const site = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2027-01-04' }) }));
    valueOf(
      await marie('worksites/save', {
        id: site.id,
        expectedVersion: site.version,
        worksite: mesp({ startDate: '2027-01-04', capacity: 6 }),
      }),
    );
    const siteRefused = staleOf(
      await call('worksites/save', {
        id: site.id,
        expectedVersion: site.version,
        worksite: mesp({ startDate: '2027-01-04', capacity: 4 }),
      }),
    );
    expect(siteRefused.message).toMatch(
      /^Ce chantier a été modifié par Marie Durand le 02\/12\/2026 à 10\u00a0h\u00a031 pendant que vous le modifiiez\./,
    );
    expect(valueOf(await call('worksites/get', { id: site.id })).capacity).toBe(6);

    const personId = await admitted(call, 'Gaël');
    const joined = valueOf(
      await call('worksites/addParticipant', {
        id: site.id,
        personId,
        contract: mespContract({ startDate: '2027-01-04', endDate: '2027-01-29' }),
      }),
    );
    const participant = joined.participants[0]!;
    const update = (position: string) => ({
      participationId: participant.id,
      expectedVersion: participant.version,
      contract: {
        position,
        handedOn: null,
        signedOn: null,
        derogationUntil: null,
        classification: participant.contract.classification,
        tasks: participant.contract.tasks,
        particularRisk: participant.contract.particularRisk,
        passIae: participant.contract.passIae,
      },
    });
    valueOf(await marie('contracts/update', update('Agent d’entretien')));
    const contractRefused = staleOf(await call('contracts/update', update('Menuisier')));
    expect(contractRefused.message).toMatch(/^Ce contrat a été modifié par Marie Durand/);

    // The settings are the administrators': Marie Durand is one too here.
    const marieAdmin = caller(services, await sessionAs(services, 'administrateur', 'Marie Le Bihan'));
    const settings = valueOf(await call('settings/get'));
    const v = settings.structure.version;
    // Another settings card (security) writes the same row but not the identity: no refusal for it.
    valueOf(await marieAdmin('settings/updateSecurity', { idleLockMinutes: 20 }));
    valueOf(
      await call('settings/updateStructure', {
        structure: structure({ phone: '02 98 00 00 01' }),
        logoFile: null,
        expectedVersion: v,
      }),
    );
    const structureRefused = staleOf(
      await marieAdmin('settings/updateStructure', {
        structure: structure({ phone: '02 98 00 00 02' }),
        logoFile: null,
        expectedVersion: v,
      }),
    );
    expect(structureRefused.message).toMatch(
      new RegExp(`^La fiche de la structure a été modifiée par ${view.user.displayName} le 02/12/2026`),
    );

    const employerNow = settings.employers[0]!;
    valueOf(
      await marieAdmin('settings/saveEmployer', {
        id: employerNow.id,
        expectedVersion: employerNow.version,
        employer: employer({ town: 'Brest' }),
      }),
    );
    const employerRefused = staleOf(
      await call('settings/saveEmployer', {
        id: employerNow.id,
        expectedVersion: employerNow.version,
        employer: employer({ town: 'Quimper' }),
      }),
    );
    expect(employerRefused.message).toMatch(/^Cette fiche d’employeur a été modifiée par Marie Le Bihan/);
  });
});

describe('attendance grid: cells merged, the same cell asked', () => {
  async function week() {
    const setup = await twoPeople();
    const { call } = setup;
    // The worksite of the week of 23 November 2026, before today (2 December).
    const site = valueOf(await call('worksites/save', { worksite: mesp({ startDate: '2026-11-23', weeks: 1 }) }));
    const generated = valueOf(await call('worksites/generateSessions', { id: site.id, makeUps: [] }));
    const personId = await admitted(call, 'Élodie');
    const joined = valueOf(
      await call('worksites/addParticipant', {
        id: site.id,
        personId,
        contract: mespContract({ startDate: '2026-11-23', endDate: '2026-11-27' }),
      }),
    );
    const [monday, tuesday] = generated.sessions;
    return {
      ...setup,
      worksiteId: site.id,
      participationId: joined.participants[0]!.id,
      monday: monday!.id,
      tuesday: tuesday!.id,
    };
  }
  const present = { mark: 'present' as const };
  const marks = async (call: Awaited<ReturnType<typeof week>>['call'], worksiteId: number) =>
    valueOf(await call('attendance/week', { worksiteId, weekOf: '2026-11-23' })).marks.map((m) => [
      m.sessionId,
      m.mark,
    ]);

  it('two people marking different cells of the week: both kept', async () => {
    const { call, marie, worksiteId, participationId, monday, tuesday } = await week();
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: [{ sessionId: monday, participationId, mark: present, base: null }],
      }),
    );
    valueOf(
      await marie('attendance/save', {
        worksiteId,
        entries: [{ sessionId: tuesday, participationId, mark: { mark: 'maladie' }, base: null }],
      }),
    );
    expect(await marks(call, worksiteId)).toEqual(
      expect.arrayContaining([
        [monday, 'present'],
        [tuesday, 'maladie'],
      ]),
    );
  });

  it('the same cell changed by both to different values: refused with who and when, nothing written; choosing mine writes it', async () => {
    const { call, marie, worksiteId, participationId, monday, tuesday } = await week();
    valueOf(
      await marie('attendance/save', {
        worksiteId,
        entries: [{ sessionId: monday, participationId, mark: { mark: 'maladie' }, base: null }],
      }),
    );
    const refused = staleOf(
      await call('attendance/save', {
        worksiteId,
        entries: [
          { sessionId: tuesday, participationId, mark: present, base: null },
          { sessionId: monday, participationId, mark: present, base: null },
        ],
      }),
    );
    expect(refused.code).toBe('STALE');
    expect(refused.message).toBe(
      'Une présence que vous avez changée a été modifiée par Marie Durand le 02/12/2026 à 10\u00a0h\u00a031 depuis l’affichage de la semaine. Choisissez la valeur à garder ; rien n’est enregistré d’ici là.',
    );
    expect(refused.conflicts).toEqual([
      { sessionId: monday, participationId, changedBy: 'Marie Durand', changedAt: '2026-12-02T09:31:00.000Z' },
    ]);
    // All or nothing: the other cell waits for the choice too.
    expect(await marks(call, worksiteId)).toEqual([[monday, 'maladie']]);

    // « Garder la mienne »: saved again over the value now shown.
    const shown = valueOf(await call('attendance/week', { worksiteId, weekOf: '2026-11-23' })).marks[0]!;
    const { sessionId: _s, participationId: _p, ...base } = shown;
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: [
          { sessionId: tuesday, participationId, mark: present, base: null },
          { sessionId: monday, participationId, mark: present, base },
        ],
      }),
    );
    expect(await marks(call, worksiteId)).toEqual(
      expect.arrayContaining([
        [monday, 'present'],
        [tuesday, 'present'],
      ]),
    );
  });

  it('the same cell set to the same value by both: no question asked', async () => {
    const { call, marie, worksiteId, participationId, monday } = await week();
    valueOf(
      await marie('attendance/save', {
        worksiteId,
        entries: [{ sessionId: monday, participationId, mark: present, base: null }],
      }),
    );
    valueOf(
      await call('attendance/save', {
        worksiteId,
        entries: [{ sessionId: monday, participationId, mark: present, base: null }],
      }),
    );
    expect(await marks(call, worksiteId)).toEqual([[monday, 'present']]);
  });
});
