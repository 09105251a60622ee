/**
 * What the FSE+ indicators table reads of an operation: its name, funder and
 * dates, and its participants as the data capture records them
 * (`fse-participants.ts`, shape `domain/fse-plus-participant.ts`).
 */
import type { ReadableDb } from '../../db/access';
import { findOperation } from '../../db/repositories/fse-plus';
import type { FseParticipant } from '../../domain/fse-plus-participant';
import { AppError } from '../../shared/errors';
import { fseParticipants } from './fse-participants';

export interface FseOperationFacts {
  operation: { id: number; name: string; funderName: string; startDate: string; endDate: string };
  participants: FseParticipant[];
}

/**
 * Every participant who entered by the period's last day, with what had
 * happened by then: the table also counts, in its results, people who entered
 * before the period (left in it, or observed six months after leaving in it),
 * so the read model is asked from the beginning of time; the period's own
 * rules are the domain's (`domain/fse-plus-indicators.ts`).
 */
export async function fseOperationFacts(db: ReadableDb, operationId: number, to: string): Promise<FseOperationFacts> {
  const found = await findOperation(db, operationId);
  if (!found) throw new AppError('NOT_FOUND', 'Cette opération FSE+ est introuvable.', { field: 'query.operationId' });
  const { id, name, funderName, startDate, endDate } = found;
  return {
    operation: { id, name, funderName, startDate, endDate },
    participants: await fseParticipants(db, operationId, { from: '0000-01-01', to }),
  };
}
