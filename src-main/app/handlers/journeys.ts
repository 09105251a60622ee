import * as repo from '../../db/repositories/journeys';
import { canMove, isClosed, nextStatuses, obstacleDatesProblem } from '../../domain/journeys';
import { JOURNEY_STATUS_LABELS } from '../../shared/contract/journey-lists';
import { formatFrenchDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { HandlerContext, HandlerMap } from '../handler';
import { loadRecord } from '../read-models/person-record';

/** The journey, after checking its person is within the caller's scope. */
async function journeyInScope(ctx: HandlerContext, journeyId: number) {
  const journey = await repo.findJourney(ctx.db, journeyId);
  if (!journey) throw new AppError('NOT_FOUND', 'Ce parcours est introuvable.');
  await loadRecord(ctx, journey.personId);
  ctx.record(`person:${journey.personId}`);
  return journey;
}

function assertNotFuture(date: string, today: string, field: string) {
  if (date > today)
    throw new AppError('INVALID_INPUT', 'Cette date est dans le futur : indiquez la date réelle.', { field });
}

/** The parcours of a person: orientation → … → exit, every step dated and kept. */
export const journeysHandlers: HandlerMap<
  'people/openJourney' | 'people/moveJourney' | 'people/recordOutcome' | 'people/saveObstacle'
> = {
  'people/openJourney': async ({ personId, openedOn }, ctx) => {
    await loadRecord(ctx, personId);
    assertNotFuture(openedOn, ctx.today, 'openedOn');
    const open = await repo.openJourneyOf(ctx.db, personId);
    if (open) {
      throw new AppError(
        'CONFLICT',
        `Un parcours est déjà en cours (${JOURNEY_STATUS_LABELS[open.status]}) : terminez-le avant d’en ouvrir un autre.`,
      );
    }
    const id = await repo.insertJourney(ctx.db, personId, openedOn, ctx.now, ctx.session.user?.id ?? null);
    ctx.record(`person:${personId}`);
    ctx.record(`journey:${id}`);
    return loadRecord(ctx, personId);
  },

  'people/moveJourney': async ({ journeyId, status, happenedOn, reason }, ctx) => {
    const journey = await journeyInScope(ctx, journeyId);
    const current = journey.status as keyof typeof JOURNEY_STATUS_LABELS;
    if (status === 'sortie') {
      throw new AppError('INVALID_INPUT', 'Pour une sortie, indiquez sa catégorie avec « Enregistrer la sortie ».', {
        field: 'status',
      });
    }
    if (!canMove(current, status)) {
      const allowed = nextStatuses(current)
        .map((s) => JOURNEY_STATUS_LABELS[s])
        .join(', ');
      throw new AppError(
        'CONFLICT',
        isClosed(current)
          ? 'Ce parcours est terminé : ouvrez-en un nouveau.'
          : `Depuis « ${JOURNEY_STATUS_LABELS[current]} », l’étape suivante peut être : ${allowed}.`,
        { field: 'status' },
      );
    }
    assertNotFuture(happenedOn, ctx.today, 'happenedOn');
    const last = (await repo.listJourneys(ctx.db, journey.personId)).find((j) => j.id === journeyId)!.events.at(-1)!;
    if (happenedOn < last.happenedOn) {
      throw new AppError(
        'INVALID_INPUT',
        `Cette étape ne peut pas précéder la précédente (${formatFrenchDate(last.happenedOn)}).`,
        { field: 'happenedOn' },
      );
    }
    if (status === 'refusee' && !reason?.trim()) {
      throw new AppError('INVALID_INPUT', 'Indiquez le motif du refus.', { field: 'reason' });
    }
    await repo.insertEvent(ctx.db, journeyId, status, happenedOn, reason ?? '', ctx.now, ctx.session.user?.id ?? null);
    ctx.record(`journey:${journeyId}`);
    return loadRecord(ctx, journey.personId);
  },

  'people/recordOutcome': async ({ journeyId, outcome }, ctx) => {
    const journey = await journeyInScope(ctx, journeyId);
    const current = journey.status as keyof typeof JOURNEY_STATUS_LABELS;
    // A first recording moves the parcours to "sorti·e"; later ones add the 3- and 6-month follow-up.
    if (current !== 'sortie') {
      if (!canMove(current, 'sortie')) {
        throw new AppError(
          'CONFLICT',
          `Une sortie s’enregistre pour une personne admise ou en chantier, pas « ${JOURNEY_STATUS_LABELS[current]} ».`,
        );
      }
      assertNotFuture(outcome.exitedOn, ctx.today, 'outcome.exitedOn');
      await repo.insertEvent(ctx.db, journeyId, 'sortie', outcome.exitedOn, '', ctx.now, ctx.session.user?.id ?? null);
    }
    await repo.saveOutcome(ctx.db, journeyId, outcome, ctx.now);
    ctx.record(`journey:${journeyId}`);
    return loadRecord(ctx, journey.personId);
  },

  'people/saveObstacle': async ({ personId, id, obstacle }, ctx) => {
    await loadRecord(ctx, personId);
    const problem = obstacleDatesProblem(obstacle);
    if (problem) throw new AppError('INVALID_INPUT', problem, { field: 'obstacle.resolvedOn' });
    let obstacleId = id;
    if (obstacleId === undefined) {
      obstacleId = await repo.insertObstacle(ctx.db, personId, obstacle, ctx.now);
    } else {
      const existing = await repo.findObstacle(ctx.db, obstacleId);
      if (!existing || existing.personId !== personId) throw new AppError('NOT_FOUND', 'Ce frein est introuvable.');
      await repo.updateObstacle(ctx.db, obstacleId, obstacle, ctx.now);
    }
    ctx.record(`person:${personId}`);
    ctx.record(`obstacle:${obstacleId}`);
    return loadRecord(ctx, personId);
  },
};
