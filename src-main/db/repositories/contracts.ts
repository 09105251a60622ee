import type { z } from 'zod';
import { participationInReach, type Reach } from '../reach';
import type { contractUpdateInput } from '../../shared/contract/contracts';
import { toFlag } from '../flags';
import type { EarlyEndReason } from '../../shared/contract/worksites';
import type { ReadableDb, WritableDb } from '../access';
import { nextVersion } from './record-versions';

type Db = ReadableDb;
type ContractUpdate = z.output<typeof contractUpdateInput>;

export async function listRenewals(db: Db, worksiteId: number, reach: Reach) {
  return db
    .selectFrom('contractRenewals as r')
    .innerJoin('participations as pa', 'pa.id', 'r.participationId')
    .select(['r.participationId', 'r.previousEndDate', 'r.newEndDate', 'r.agreedOn'])
    .where('pa.worksiteId', '=', worksiteId)
    .where(participationInReach(reach))
    .orderBy('r.id')
    .execute();
}

export async function countRenewals(db: Db, participationId: number): Promise<number> {
  const row = await db
    .selectFrom('contractRenewals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('participationId', '=', participationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records the renewal and moves the contract's end: both or neither, in the caller's transaction. */
export async function renew(
  db: WritableDb,
  participationId: number,
  previousEndDate: string,
  newEndDate: string,
  agreedOn: string,
  now: string,
  userId: number | null,
) {
  await db
    .insertInto('contractRenewals')
    .values({ participationId, previousEndDate, newEndDate, agreedOn, createdAt: now })
    .execute();
  await db
    .updateTable('participations')
    .set({ endDate: newEndDate, updatedAt: now, ...nextVersion(userId, now) })
    .where('id', '=', participationId)
    .execute();
}

export async function updateContract(db: WritableDb, participationId: number, values: ContractUpdate, now: string) {
  const { particularRisk, ...rest } = values;
  await db
    .updateTable('participations')
    .set({ ...rest, particularRisk: toFlag(particularRisk), updatedAt: now })
    .where('id', '=', participationId)
    .execute();
}

export async function setEarlyEnd(
  db: WritableDb,
  participationId: number,
  earlyEnd: { date: string; reason: EarlyEndReason } | null,
  now: string,
  userId: number | null,
) {
  await db
    .updateTable('participations')
    .set({
      earlyEndDate: earlyEnd?.date ?? null,
      earlyEndReason: earlyEnd?.reason ?? null,
      updatedAt: now,
      ...nextVersion(userId, now),
    })
    .where('id', '=', participationId)
    .execute();
}
