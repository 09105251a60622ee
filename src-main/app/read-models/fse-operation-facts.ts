/**
 * What the FSE+ indicators table reads of an operation: its name, funder and
 * dates, and its participants as the data capture records them
 * (`fse-participants.ts`, shape `domain/fse-plus-participant.ts`).
 */
import type { ReadableDb } from '../../db/access';
import type { FseParticipant } from '../../domain/fse-plus-participant';
import { AppError } from '../../shared/errors';

export interface FseOperationFacts {
  operation: { id: number; name: string; funderName: string; startDate: string; endDate: string };
  participants: FseParticipant[];
}

export async function fseOperationFacts(_db: ReadableDb, _operationId: number): Promise<FseOperationFacts> {
  throw new AppError('NOT_FOUND', 'Cette opération FSE+ est introuvable.', { field: 'query.operationId' });
}
