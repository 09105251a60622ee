import { sql } from 'kysely';
import type { ReadableDb } from '../access';
import { addDays } from '../engine';
import { addMonths } from '../../shared/dates';

type Db = ReadableDb;

/** null: every worksite; a user id: the worksites that user supervises. */
type Supervisor = number | null;

const mine = (supervisor: Supervisor) => (supervisor === null ? sql`1 = 1` : sql`w.supervisor_id = ${supervisor}`);
const endOf = (db: Db) => addDays(db, sql<string>`w.start_date`, sql<number>`(w.weeks * 7 - 1)`);

export async function worksitesAround(db: Db, today: string, supervisor: Supervisor) {
  return (
    await sql<{ id: number; name: string; startDate: string; endDate: string; status: string }>`
      select w.id, w.name, w.start_date as start_date, ${endOf(db)} as end_date, w.status
      from worksites w
      where w.status <> 'annule' and ${mine(supervisor)} and w.start_date <= ${addDays(db, sql`${today}`, 30)} and ${endOf(db)} >= ${today}
      order by w.start_date`.execute(db)
  ).rows;
}

export async function sessionsBetween(db: Db, from: string, to: string, supervisor: Supervisor) {
  return (
    await sql<{ worksiteId: number; worksiteName: string; date: string; startMinutes: number; endMinutes: number }>`
      select s.worksite_id as worksite_id, w.name as worksite_name, s.date, s.start_minutes as start_minutes, s.end_minutes as end_minutes
      from sessions s join worksites w on w.id = s.worksite_id
      where s.cancelled_reason is null and s.date between ${from} and ${to} and ${mine(supervisor)}
      order by s.date, s.start_minutes`.execute(db)
  ).rows;
}

/** Held half-days of the last 60 days with someone under contract and no mark. */
export async function unrecorded(db: Db, today: string, supervisor: Supervisor) {
  return (
    await sql<{ worksiteId: number; worksiteName: string; date: string; missing: number }>`
      select s.worksite_id as worksite_id, w.name as worksite_name, s.date, count(*) as missing
      from sessions s
      join worksites w on w.id = s.worksite_id
      join participations pa on pa.worksite_id = s.worksite_id and s.date between pa.start_date and coalesce(pa.early_end_date, pa.end_date)
      left join attendance a on a.session_id = s.id and a.participation_id = pa.id
      where s.cancelled_reason is null and s.date < ${today} and s.date >= ${addDays(db, sql`${today}`, -60)} and a.session_id is null and ${mine(supervisor)}
      group by s.id, s.worksite_id, w.name, s.date
      order by s.date desc`.execute(db)
  ).rows;
}

export async function waitingCount(db: Db, today: string) {
  const row = await sql<{ n: number }>`
    select count(*) as n from persons p
    where p.archived = 0
      and (select j.status from journeys j where j.person_id = p.id order by j.opened_on desc, j.id desc limit 1) in ('admise', 'attente')
      and not exists (select 1 from participations pa where pa.person_id = p.id and coalesce(pa.early_end_date, pa.end_date) >= ${today})`.execute(
    db,
  );
  return Number(row.rows[0]!.n);
}

export async function contractsToPrint(db: Db, today: string) {
  return (
    await sql<{ worksiteId: number; worksiteName: string; firstNames: string; lastName: string; startDate: string }>`
      select pa.worksite_id as worksite_id, w.name as worksite_name, p.first_names as first_names, p.last_name as last_name, pa.start_date as start_date
      from participations pa join persons p on p.id = pa.person_id join worksites w on w.id = pa.worksite_id
      where pa.start_date between ${today} and ${addDays(db, sql`${today}`, 14)}
        and not exists (select 1 from documents d where d.participation_id = pa.id and d.kind = 'contrat_travail')
      order by pa.start_date, p.search_key`.execute(db)
  ).rows;
}

/** Months before this one with hours recorded for an employer, and no hand-off sent for them. */
export async function monthsToSend(db: Db, today: string) {
  return (
    await sql<{ month: string; employerName: string }>`
      select distinct substr(s.date, 1, 7) as month, e.name as employer_name
      from attendance a join sessions s on s.id = a.session_id join participations pa on pa.id = a.participation_id join employers e on e.id = pa.employer_id
      where substr(s.date, 1, 7) < substr(${today}, 1, 7) and s.date >= ${addMonths(`${today.slice(0, 7)}-01`, -3)}
        and not exists (select 1 from payroll_handoffs h where h.month = substr(s.date, 1, 7) and h.employer_id = pa.employer_id and h.status = 'transmis')
      order by month`.execute(db)
  ).rows;
}

/** What the first-week checklist is ticked from: counts and presences, no personal data. */
export async function checklistFacts(db: Db) {
  const structure = await db.selectFrom('structure').select('logoFile').executeTakeFirst();
  const employers = await db
    .selectFrom('employers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('archived', '=', 0)
    .executeTakeFirstOrThrow();
  const wageRates = await db.selectFrom('wageRates').select(['effectiveFrom', 'hourlyCents']).execute();
  const accounts = await db
    .selectFrom('users')
    .leftJoin('contacts', 'contacts.userId', 'users.id')
    .select(['users.role', sql<number>`count(contacts.id)`.as('cards')])
    .where('users.active', '=', 1)
    .groupBy(['users.id', 'users.role'])
    .execute();
  const worksites = await db
    .selectFrom('worksites')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const backups = await db
    .selectFrom('backups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    structureLogo: Boolean(structure?.logoFile),
    employers: Number(employers.n),
    wageRates,
    accounts: accounts.map((a) => ({ role: a.role, linkedToCard: Number(a.cards) > 0 })),
    worksites: Number(worksites.n),
    backups: Number(backups.n),
  };
}
