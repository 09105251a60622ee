/**
 * How a PostgreSQL database says it is Passerelle’s: the table where the
 * migrator records each schema version it applied (SQLite keeps it in
 * `user_version`). The connection test reads `max(version)` from it to tell
 * an empty database, Passerelle’s own (and which version) and someone else’s.
 * The PostgreSQL migrator must create exactly this table, with a `version`
 * integer column.
 */
export const PASSERELLE_SCHEMA_TABLE = 'passerelle_schema';
