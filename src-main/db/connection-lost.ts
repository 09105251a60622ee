/**
 * Whether a query failed because the PostgreSQL server went away while the
 * app was running (server stopped or restarted, network cut), as opposed to a
 * fault of the query itself. `pg` reports a closed socket as a plain `Error`
 * without a code, so its messages are matched too; PostgreSQL's own
 * shutdown codes are SQLSTATE class 57P (operator intervention) and class 08
 * (connection exception).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);
const SERVER_CODES = /^(57P0[1-3]|08\d{3})$/;
const PG_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Connection ended',
  'Client was closed and is not queryable',
];

export function connectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return NETWORK_CODES.has(code) || SERVER_CODES.test(code);
  return PG_MESSAGES.some((start) => error.message.startsWith(start));
}

/**
 * Whether a call ran on a store this process has just closed: the data moved
 * (`storage/choose…`, a restore) while the call was under way. Its transaction
 * could not commit on a closed connection, so nothing of it was kept.
 */
const CLOSED_MESSAGES = [
  'driver has already been destroyed',
  'Cannot use a pool after calling end on the pool',
  'The database connection is not open',
];

export function storeClosed(error: unknown): boolean {
  return error instanceof Error && CLOSED_MESSAGES.some((start) => error.message.startsWith(start));
}
