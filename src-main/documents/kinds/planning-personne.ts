import { annexTimesOf } from '../../db/repositories/attendance';
import { findParticipation, listSessions } from '../../db/repositories/worksites';
import { madeBeforeTheFacts } from '../../domain/document-guards';
import { ANNEX_KIND_LABELS, HALF_DAY_LABELS } from '../../shared/contract/worksites';
import { minutesToTime } from '../../shared/time';
import { PersonalAgenda } from '../templates/personal-agenda';
import { participationKind } from './kind';

/** The person's half-days and annex times on the worksite. */
export const planningPersonne = participationKind('planning_personne', {
  collect: async ({ db }, participationId, { lastDay }) => {
    const participation = (await findParticipation(db, participationId))!;
    const sessions = (await listSessions(db, participation.worksiteId)).filter(
      (s) => s.date >= participation.startDate && s.date <= lastDay,
    );
    const annexes = await annexTimesOf(db, [participationId]);
    const agenda = [
      ...sessions.map((s) => ({
        date: s.date,
        start: minutesToTime(s.startMinutes),
        end: minutesToTime(s.endMinutes),
        label: `${HALF_DAY_LABELS[s.halfDay]} de chantier${s.cancelledReason ? ' — annulée' : ''}`,
        cancelled: s.cancelledReason !== null,
      })),
      // The person's own agenda names their appointments in full.
      ...annexes.map((a) => ({
        date: a.date,
        start: minutesToTime(a.startMinutes),
        end: minutesToTime(a.endMinutes),
        label: ANNEX_KIND_LABELS[a.kind],
        cancelled: false,
      })),
    ].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
    return { agenda };
  },
  template: PersonalAgenda,
  guard: madeBeforeTheFacts,
  datedBy: 'start',
});
