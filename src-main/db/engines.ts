/**
 * Which storage engines this build of Passerelle can open: SQLite (« Sur ce
 * PC ») and PostgreSQL (« Serveur PostgreSQL », issue 28). Tests of the refusal
 * build services with `postgresAvailable: false`: a data folder set for a
 * server such a build cannot use stops the start with a French message
 * instead of opening an empty SQLite file in its place.
 */
export const POSTGRES_ENGINE_AVAILABLE = true;
