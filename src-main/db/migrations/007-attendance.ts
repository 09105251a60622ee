import { sql, type Kysely } from 'kysely';
import { strictTable } from '../engine';

/** Attendance marks, how a half-day was cancelled, annex times done, the weather setting. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attendance')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('participation_id', 'integer', (c) => c.notNull().references('participations.id'))
    .addColumn('mark', 'text', (c) => c.notNull())
    // Late arrival or early departure: the minutes actually worked from and to.
    .addColumn('actual_start', 'integer')
    .addColumn('actual_end', 'integer')
    .addColumn('paid', 'integer', (c) => c.notNull())
    // Justified absences: proof (sick note, convocation…) received, and when.
    .addColumn('proof_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('proof_date', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['session_id', 'participation_id'])
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('attendance_participation').on('attendance').column('participation_id').execute();
  // 'structure' (always paid) or 'force_majeure' (paid per the setting below); null while not cancelled.
  await db.schema.alterTable('sessions').addColumn('cancel_kind', 'text').execute();
  await sql`update sessions set cancel_kind = 'structure' where cancelled_reason is not null`.execute(db);
  // null: not yet marked; 1 done; 0 did not take place.
  await db.schema.alterTable('annex_times').addColumn('done', 'integer').execute();
  await db.schema
    .alterTable('structure')
    .addColumn('force_majeure_paid', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
