import type { Funder, FunderInput } from '../../shared/contract/funders';
import { toFlag, fromFlag, type Flag } from '../flags';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

/** Funders are the directory's organisations of kind « financeur », with their document details when set. */
function funders(db: Db) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('funders as f', 'f.organisationId', 'o.id')
    .select(['o.id', 'o.name', 'o.archived', 'f.logoFile', 'f.fundingMention'])
    .where('o.kind', '=', 'financeur');
}

function toFunder(row: {
  id: number;
  name: string;
  archived: Flag;
  logoFile: string | null;
  fundingMention: string | null;
}): Funder {
  return {
    id: row.id,
    name: row.name,
    archived: fromFlag(row.archived),
    logoFile: row.logoFile,
    fundingMention: row.fundingMention ?? '',
  };
}

export async function listFunders(db: Db, includeArchived: boolean): Promise<Funder[]> {
  let query = funders(db).orderBy('o.archived').orderBy('o.name');
  if (!includeArchived) query = query.where('o.archived', '=', 0);
  return (await query.execute()).map(toFunder);
}

export async function findFunder(db: Db, id: number): Promise<Funder | null> {
  const row = await funders(db).where('o.id', '=', id).executeTakeFirst();
  return row ? toFunder(row) : null;
}

/** The funders of a worksite, in the order they are named on its documents. */
export async function fundersOfWorksite(db: Db, worksiteId: number): Promise<Funder[]> {
  const rows = await funders(db)
    .innerJoin('worksiteFunders as wf', 'wf.organisationId', 'o.id')
    .where('wf.worksiteId', '=', worksiteId)
    .orderBy('o.name')
    .execute();
  return rows.map(toFunder);
}

export async function insertFunder(db: WritableDb, values: FunderInput, now: string): Promise<number> {
  const { id } = await db
    .insertInto('organisations')
    .values({
      name: values.name,
      kind: 'financeur',
      address: '',
      phone: '',
      email: '',
      archived: toFlag(values.archived ?? false),
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('funders')
    .values({
      organisationId: id,
      logoFile: values.logoFile,
      fundingMention: values.fundingMention ?? '',
      updatedAt: now,
    })
    .execute();
  return id;
}

export async function updateFunder(db: WritableDb, id: number, values: FunderInput, now: string) {
  await db
    .updateTable('organisations')
    .set({ name: values.name, archived: toFlag(values.archived ?? false), updatedAt: now })
    .where('id', '=', id)
    .execute();
  const details = { logoFile: values.logoFile, fundingMention: values.fundingMention ?? '', updatedAt: now };
  await db
    .insertInto('funders')
    .values({ organisationId: id, ...details })
    .onConflict((oc) => oc.column('organisationId').doUpdateSet(details))
    .execute();
}
