import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * Several PCs in one office (issue 29): the PCs paired with the Passerelle
 * server, and the one-time codes that pair them.
 * - `devices`: a paired PC, named by the administrator’s choice (« PC du
 *   secrétariat »); its credential is a random secret kept by the PC, stored
 *   here as its SHA-256 only; `revoked_at` set: refused from then on.
 * - `pairing_codes`: a short code an administrator made, stored as its
 *   SHA-256, accepted once (`used_at`, `device_id`) before `expires_at`.
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('devices_name', sql`length(name) between 1 and 80`)
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createTable('pairing_codes')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'integer', (c) => c.references('devices.id'))
    .modifyEnd(strictTable(db))
    .execute();
}
