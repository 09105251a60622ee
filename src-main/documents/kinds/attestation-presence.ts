import { hoursSummaries } from '../../app/hours';
import { attendanceRecorded } from '../../db/repositories/attendance';
import { findParticipation } from '../../db/repositories/worksites';
import { presenceGuard } from '../../domain/document-guards';
import { Attestation } from '../templates/attestation';
import { participationKind } from './kind';

/** Half-days and hours, from the same hours as the screens: from attendance once recorded, otherwise as planned. */
export const attestationPresence = participationKind('attestation_presence', {
  collect: async ({ db, today }, participationId, { lastDay }) => {
    const participation = (await findParticipation(db, participationId))!;
    const summary = (
      await hoursSummaries(db, today, [
        {
          id: participationId,
          personId: participation.personId,
          name: '',
          worksiteId: participation.worksiteId,
          worksiteName: '',
          startDate: participation.startDate,
          end: lastDay,
          weeklyMinutes: participation.weeklyMinutes,
        },
      ])
    ).get(participationId)!;
    const recorded = await attendanceRecorded(db, participationId);
    return {
      presence: {
        planned: summary.planned,
        worked: summary.worked,
        attended: summary.attended,
        held: summary.held,
        recorded,
      },
    };
  },
  template: Attestation,
  guard: presenceGuard,
  datedBy: 'end',
});
