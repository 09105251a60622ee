import type { Selectable } from 'kysely';
import { foldForSearch } from '../../shared/text';
import type { EmployersTable } from '../schema';
import type { Employer, EmployerInput, WageRate } from '../../shared/contract/settings';
import { minutesToTime, timeToMinutes } from '../../shared/time';
import { toFlag, fromFlag } from '../flags';
import { nextVersion } from './record-versions';
import type { CalendarChange, CalendarSettings } from '../../domain/calendar-settings';
import type { ReadableDb, WritableDb } from '../access';

type Db = ReadableDb;

export interface StructureRecord {
  name: string;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  phone: string;
  email: string;
  signatoryName: string;
  signatoryTitle: string;
  logoFile: string | null;
  openSaturday: boolean;
}

export interface HoursRecord {
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
}

export async function findStructure(db: Db) {
  const row = await db.selectFrom('structure').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  const structure: StructureRecord = {
    name: row.name,
    address: row.address,
    postcode: row.postcode,
    town: row.town,
    siret: row.siret,
    phone: row.phone,
    email: row.email,
    signatoryName: row.signatoryName,
    signatoryTitle: row.signatoryTitle,
    logoFile: row.logoFile,
    openSaturday: fromFlag(row.openSaturday),
  };
  const hours: HoursRecord = {
    morningStart: minutesToTime(row.morningStart),
    morningEnd: minutesToTime(row.morningEnd),
    afternoonStart: minutesToTime(row.afternoonStart),
    afternoonEnd: minutesToTime(row.afternoonEnd),
  };
  return {
    structure,
    /** The version of the identity the structure form edits (`updateStructure`). */
    version: row.version,
    hours,
    setupCompletedAt: row.setupCompletedAt,
    idleLockMinutes: row.idleLockMinutes,
    collectNationality: fromFlag(row.collectNationality),
  };
}

function hoursColumns(hours: HoursRecord) {
  return {
    morningStart: timeToMinutes(hours.morningStart),
    morningEnd: timeToMinutes(hours.morningEnd),
    afternoonStart: timeToMinutes(hours.afternoonStart),
    afternoonEnd: timeToMinutes(hours.afternoonEnd),
  };
}

export async function insertStructure(db: WritableDb, structure: StructureRecord, hours: HoursRecord, now: string) {
  await db
    .insertInto('structure')
    .values({
      id: 1,
      ...structure,
      openSaturday: toFlag(structure.openSaturday),
      ...hoursColumns(hours),
      setupCompletedAt: now,
      updatedAt: now,
    })
    .execute();
}

/**
 * The structure's identity. Its version moves through `claimFresh` (the form's
 * save); the other settings cards (hours, calendar, security) write other
 * columns of the same row and leave it, so they never make this form stale.
 */
export async function updateStructure(db: WritableDb, structure: StructureRecord, now: string) {
  await db
    .updateTable('structure')
    .set({ ...structure, openSaturday: toFlag(structure.openSaturday), updatedAt: now })
    .where('id', '=', 1)
    .execute();
}

export async function isOpenOnSaturday(db: Db): Promise<boolean> {
  const row = await db.selectFrom('structure').select('openSaturday').where('id', '=', 1).executeTakeFirst();
  return row !== undefined && fromFlag(row.openSaturday);
}

export async function updateIdleLock(db: WritableDb, idleLockMinutes: number, now: string) {
  await db.updateTable('structure').set({ idleLockMinutes, updatedAt: now }).where('id', '=', 1).execute();
}

export async function updateCollectNationality(db: WritableDb, collect: boolean, now: string) {
  await db
    .updateTable('structure')
    .set({ collectNationality: toFlag(collect), updatedAt: now })
    .where('id', '=', 1)
    .execute();
}

/**
 * The dated history of the calendar settings that count hours
 * (domain/calendar-settings.ts reads it: `calendarInForce`), in date order,
 * the values from the beginning first.
 */
export async function calendarHistory(db: Db): Promise<CalendarChange[]> {
  const rows = await db
    .selectFrom('calendarSettings')
    .select(['effectiveFrom', 'holidayRegion', 'whitMondayWorked', 'forceMajeurePaid'])
    .execute();
  return rows
    .map((row) => ({
      effectiveFrom: row.effectiveFrom,
      values: {
        ...(row.holidayRegion === null ? {} : { holidayRegion: row.holidayRegion }),
        ...(row.whitMondayWorked === null ? {} : { whitMondayWorked: fromFlag(row.whitMondayWorked) }),
        ...(row.forceMajeurePaid === null ? {} : { forceMajeurePaid: fromFlag(row.forceMajeurePaid) }),
      },
    }))
    .sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
}

const calendarColumns = (values: Partial<CalendarSettings>) => ({
  holidayRegion: values.holidayRegion ?? null,
  whitMondayWorked: values.whitMondayWorked === undefined ? null : toFlag(values.whitMondayWorked),
  forceMajeurePaid: values.forceMajeurePaid === undefined ? null : toFlag(values.forceMajeurePaid),
});

/** The values from the beginning, written once by the setup wizard. */
export async function insertCalendarBeginning(db: WritableDb, values: CalendarSettings, now: string) {
  await db
    .insertInto('calendarSettings')
    .values({ effectiveFrom: null, ...calendarColumns(values), createdAt: now })
    .execute();
}

/** The change dated `effectiveFrom` replaced by `change` (none when `null`). */
export async function replaceCalendarChange(
  db: WritableDb,
  effectiveFrom: string,
  change: CalendarChange | null,
  now: string,
) {
  if (!change) {
    await db.deleteFrom('calendarSettings').where('effectiveFrom', '=', effectiveFrom).execute();
    return;
  }
  // One row per date, whichever of two PCs saving the same date at once commits first.
  const columns = calendarColumns(change.values);
  await db
    .insertInto('calendarSettings')
    .values({ effectiveFrom, ...columns, createdAt: now })
    .onConflict((oc) => oc.column('effectiveFrom').doUpdateSet({ ...columns, createdAt: now }))
    .execute();
}

export async function deleteCalendarChange(db: WritableDb, effectiveFrom: string): Promise<boolean> {
  const result = await db.deleteFrom('calendarSettings').where('effectiveFrom', '=', effectiveFrom).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function listClosures(db: Db) {
  return db.selectFrom('closures').select(['date', 'reason']).orderBy('date').execute();
}

export async function closuresBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('closures')
    .select(['date', 'reason'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

export async function insertClosure(db: WritableDb, date: string, reason: string) {
  await db.insertInto('closures').values({ date, reason }).execute();
}

export async function deleteClosure(db: WritableDb, date: string): Promise<boolean> {
  const result = await db.deleteFrom('closures').where('date', '=', date).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function updateHours(db: WritableDb, hours: HoursRecord, now: string) {
  await db
    .updateTable('structure')
    .set({ ...hoursColumns(hours), updatedAt: now })
    .where('id', '=', 1)
    .execute();
}

function toEmployer(row: Selectable<EmployersTable>): Employer {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    kind: row.kind,
    address: row.address,
    postcode: row.postcode,
    town: row.town,
    siret: row.siret,
    collectiveAgreement: row.collectiveAgreement,
    pensionFund: row.pensionFund,
    pensionFundAddress: row.pensionFundAddress,
    providentBody: row.providentBody,
    providentBodyAddress: row.providentBodyAddress,
    hourlyPriceCents: row.hourlyPriceCents,
    payrollEmail: row.payrollEmail,
    signatoryName: row.signatoryName,
    signatoryTitle: row.signatoryTitle,
    logoFile: row.logoFile,
    archived: fromFlag(row.archived),
  };
}

type EmployerValues = Omit<Employer, 'id' | 'archived' | 'version'> & Required<Pick<EmployerInput, 'kind'>>;

export async function listEmployers(db: Db): Promise<Employer[]> {
  const rows = await db.selectFrom('employers').selectAll().orderBy('archived').orderBy('name').execute();
  return rows.map(toEmployer);
}

export async function findEmployer(db: Db, id: number): Promise<Employer | null> {
  const row = await db.selectFrom('employers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEmployer(row) : null;
}

export async function insertEmployer(db: WritableDb, values: EmployerValues, now: string): Promise<number> {
  const row = await db
    .insertInto('employers')
    .values({ ...values, nameFolded: foldForSearch(values.name), createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEmployer(db: WritableDb, id: number, values: EmployerValues, now: string) {
  await db
    .updateTable('employers')
    .set({ ...values, nameFolded: foldForSearch(values.name), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function setEmployerArchived(
  db: WritableDb,
  id: number,
  archived: boolean,
  now: string,
  userId: number | null,
) {
  await db
    .updateTable('employers')
    .set({ archived: toFlag(archived), updatedAt: now, ...nextVersion(userId, now) })
    .where('id', '=', id)
    .execute();
}

export async function listWageRates(db: Db): Promise<WageRate[]> {
  return db
    .selectFrom('wageRates')
    .select(['id', 'effectiveFrom', 'hourlyCents'])
    .orderBy('effectiveFrom', 'desc')
    .execute();
}

export async function wageRateExistsOn(db: Db, effectiveFrom: string): Promise<boolean> {
  const row = await db
    .selectFrom('wageRates')
    .select('id')
    .where('effectiveFrom', '=', effectiveFrom)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertWageRate(
  db: WritableDb,
  effectiveFrom: string,
  hourlyCents: number,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('wageRates')
    .values({ effectiveFrom, hourlyCents, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteWageRate(db: WritableDb, id: number): Promise<boolean> {
  const result = await db.deleteFrom('wageRates').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
