/**
 * Which storage engines this build of Passerelle can open. SQLite always;
 * PostgreSQL once the migrations and repositories run on it (issue 28, item 2):
 * until then choosing a server is refused with ENGINE_UNAVAILABLE, and a data
 * folder set for PostgreSQL (by a later version) stops the start with a French
 * message instead of opening an empty SQLite file in its place.
 */
export const POSTGRES_ENGINE_AVAILABLE = false;
