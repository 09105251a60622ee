import { sql, type Kysely } from 'kysely';
import { autoId, bytesType, strictTable, wideInteger } from '../engine';

/** The backup key's public parameters (never the key) and the verified backups made. Frozen in time. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('backup_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('salt', bytesType(db), (c) => c.notNull())
    .addColumn('log2n', 'integer', (c) => c.notNull())
    .addColumn('r', 'integer', (c) => c.notNull())
    .addColumn('p', 'integer', (c) => c.notNull())
    .addColumn('last_folder', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createTable('backups')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('size', wideInteger(db), (c) => c.notNull())
    .addColumn('plaintext_sha256', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    // The backup before it on the same stick still read back (null: none to check).
    .addColumn('previous_verified', 'integer')
    .modifyEnd(strictTable(db))
    .execute();
}
