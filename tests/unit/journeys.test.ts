import { describe, expect, it } from 'vitest';
import { canMove, isClosed, nextStatuses } from '../../src-main/domain/journeys';
import { caller, configured, sessionAs, valueOf } from './support/services';
import { person, situation } from './support/people';

async function withPerson() {
  const context = await configured();
  const { id } = valueOf(await context.call('people/create', { person: person(), situation: situation() }));
  return { ...context, personId: id };
}

describe('pipeline rules', () => {
  it.each([
    ['orientee', 'candidature', true],
    ['orientee', 'admise', false],
    ['entretien', 'admise', true],
    ['attente', 'entretien', true],
    ['admise', 'en_chantier', true],
    ['en_chantier', 'sortie', true],
    ['refusee', 'candidature', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => expect(canMove(from, to)).toBe(allowed));

  it('closes refused and exited parcours', () => {
    expect(isClosed('refusee')).toBe(true);
    expect(isClosed('sortie')).toBe(true);
    expect(nextStatuses('candidature')).toEqual(['entretien', 'attente', 'refusee']);
  });
});

describe('parcours', () => {
  it('moves a person from orientation to admission, each step dated and kept', async () => {
    const { call, personId } = await withPerson();
    let record = valueOf(await call('people/openJourney', { personId, openedOn: '2026-01-05' }));
    const journeyId = record.journeys[0]!.id;
    for (const [status, happenedOn] of [
      ['candidature', '2026-01-12'],
      ['entretien', '2026-01-20'],
      ['admise', '2026-01-21'],
    ] as const) {
      record = valueOf(await call('people/moveJourney', { journeyId, status, happenedOn, reason: '' }));
    }
    expect(record.journeys[0]!.status).toBe('admise');
    expect(record.journeys[0]!.events.map((e) => [e.status, e.happenedOn])).toEqual([
      ['orientee', '2026-01-05'],
      ['candidature', '2026-01-12'],
      ['entretien', '2026-01-20'],
      ['admise', '2026-01-21'],
    ]);
    expect(valueOf(await call('people/search', { status: 'admise' })).rows).toMatchObject([
      { id: personId, status: 'admise' },
    ]);
  });

  it('refuses a skipped step, a step dated before the previous one, a future date, and a refusal without reason', async () => {
    const { call, personId } = await withPerson();
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-01-05' })).journeys[0]!.id;
    expect(
      await call('people/moveJourney', { journeyId, status: 'admise', happenedOn: '2026-01-06', reason: '' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Depuis « Orienté·e », l’étape suivante peut être : Candidature reçue, Refusé·e.',
      },
    });
    expect(
      await call('people/moveJourney', { journeyId, status: 'candidature', happenedOn: '2026-01-01', reason: '' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'happenedOn' },
    });
    expect(
      await call('people/moveJourney', { journeyId, status: 'candidature', happenedOn: '2027-01-01', reason: '' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'happenedOn', message: 'Cette date est dans le futur : indiquez la date réelle.' },
    });
    expect(
      await call('people/moveJourney', { journeyId, status: 'refusee', happenedOn: '2026-01-06', reason: ' ' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'reason', message: 'Indiquez le motif du refus.' },
    });
    const refused = valueOf(
      await call('people/moveJourney', {
        journeyId,
        status: 'refusee',
        happenedOn: '2026-01-06',
        reason: 'Projet de formation en cours',
      }),
    );
    expect(refused.journeys[0]!.events.at(-1)).toEqual({
      status: 'refusee',
      happenedOn: '2026-01-06',
      reason: 'Projet de formation en cours',
    });
    // Closed: a new parcours may be opened, several over the years.
    valueOf(await call('people/openJourney', { personId, openedOn: '2026-02-01' }));
    expect(await call('people/openJourney', { personId, openedOn: '2026-02-02' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('records the exit with its national category, then the 3- and 6-month follow-up', async () => {
    const { call, personId } = await withPerson();
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-01-05' })).journeys[0]!.id;
    expect(
      await call('people/recordOutcome', {
        journeyId,
        outcome: {
          category: 'emploi_durable',
          detail: '',
          exitedOn: '2026-02-01',
          afterThreeMonths: '',
          afterSixMonths: '',
        },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    for (const status of ['candidature', 'entretien', 'admise', 'en_chantier'] as const) {
      valueOf(await call('people/moveJourney', { journeyId, status, happenedOn: '2026-01-20', reason: '' }));
    }
    const outcome = {
      category: 'emploi_transition',
      detail: 'CDD 3 mois, agent d’entretien',
      exitedOn: '2026-02-13',
      afterThreeMonths: '',
      afterSixMonths: '',
    } as const;
    let record = valueOf(await call('people/recordOutcome', { journeyId, outcome }));
    expect(record.journeys[0]).toMatchObject({ status: 'sortie', outcome });
    record = valueOf(
      await call('people/recordOutcome', { journeyId, outcome: { ...outcome, afterThreeMonths: 'En CDI depuis mai' } }),
    );
    expect(record.journeys[0]!.outcome?.afterThreeMonths).toBe('En CDI depuis mai');
    expect(record.journeys[0]!.events.filter((e) => e.status === 'sortie')).toHaveLength(1);
  });

  it('keeps freins with their dates and actions', async () => {
    const { call, personId } = await withPerson();
    let record = valueOf(
      await call('people/saveObstacle', {
        personId,
        obstacle: {
          kind: 'mobilite',
          identifiedOn: '2026-01-10',
          actions: 'Orientation vers l’aide au permis',
          resolvedOn: null,
        },
      }),
    );
    const obstacleId = record.obstacles![0]!.id;
    expect(
      await call('people/saveObstacle', {
        personId,
        id: obstacleId,
        obstacle: { kind: 'mobilite', identifiedOn: '2026-01-10', actions: '', resolvedOn: '2026-01-01' },
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'obstacle.resolvedOn' },
    });
    record = valueOf(
      await call('people/saveObstacle', {
        personId,
        id: obstacleId,
        obstacle: { kind: 'mobilite', identifiedOn: '2026-01-10', actions: 'Permis obtenu', resolvedOn: '2026-02-20' },
      }),
    );
    expect(record.obstacles).toEqual([
      {
        id: obstacleId,
        kind: 'mobilite',
        identifiedOn: '2026-01-10',
        actions: 'Permis obtenu',
        resolvedOn: '2026-02-20',
      },
    ]);
  });

  it('keeps parcours and freins of people outside a travailleur social’s caseload out of reach', async () => {
    const { services, call, personId } = await withPerson();
    const journeyId = valueOf(await call('people/openJourney', { personId, openedOn: '2026-01-05' })).journeys[0]!.id;
    const asTs = caller(services, await sessionAs(services, 'travailleur_social'));
    expect(
      await asTs('people/moveJourney', { journeyId, status: 'candidature', happenedOn: '2026-01-06', reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await asTs('people/saveObstacle', {
        personId,
        obstacle: { kind: 'sante', identifiedOn: '2026-01-10', actions: '', resolvedOn: null },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
