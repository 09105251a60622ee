import type { Contact, ContactInput, Organisation, OrganisationInput } from '../../shared/contract/contacts';
import { fromFlag } from '../flags';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

export async function listOrganisations(db: Db, includeArchived: boolean): Promise<Organisation[]> {
  let query = db.selectFrom('organisations').selectAll().orderBy('name');
  if (!includeArchived) query = query.where('archived', '=', 0);
  const organisations = await query.execute();
  const contacts = await listContacts(db);
  return organisations.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    address: o.address,
    phone: o.phone,
    email: o.email,
    archived: fromFlag(o.archived),
    contacts: contacts.filter((c) => c.organisationId === o.id),
  }));
}

export async function listContacts(db: Db): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('organisations', 'organisations.id', 'contacts.organisationId')
    .selectAll('contacts')
    .select('organisations.name as organisationName')
    .orderBy('contacts.lastName')
    .orderBy('contacts.firstName')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    firstName: r.firstName,
    lastName: r.lastName,
    service: r.service,
    phone: r.phone,
    email: r.email,
    userId: r.userId,
    leftOn: r.leftOn,
  }));
}

export async function organisationExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function contactExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function contactOfUser(db: Db, userId: number, exceptId?: number) {
  let query = db.selectFrom('contacts').select('id').where('userId', '=', userId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertOrganisation(db: WritableDb, values: OrganisationInput, now: string): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ ...values, address: values.address ?? '', createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisation(db: WritableDb, id: number, values: OrganisationInput, now: string) {
  await db
    .updateTable('organisations')
    .set({ ...values, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function insertContact(db: WritableDb, values: ContactInput, now: string): Promise<number> {
  const row = await db
    .insertInto('contacts')
    .values({ ...values, service: values.service ?? '', createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContact(db: WritableDb, id: number, values: ContactInput, now: string) {
  await db
    .updateTable('contacts')
    .set({ ...values, updatedAt: now })
    .where('id', '=', id)
    .execute();
}
