/**
 * Whether a mysql2 failure means the connection is gone (server restart, KILL, network), as
 * opposed to a statement the server refused. Such a failure is a fault of the network or the
 * server, never of athanor, and tells nothing about the statement that was in flight.
 */

/** Driver and socket codes of a dropped connection. */
const LOST_CODES = new Set(["PROTOCOL_CONNECTION_LOST", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ER_SERVER_SHUTDOWN", "ER_CONNECTION_KILLED", "CR_SERVER_GONE_ERROR", "CR_SERVER_LOST"]);
/** Server error numbers: 1053 server shutdown, 1927 connection killed (MariaDB), 2006/2013 gone/lost. */
const LOST_ERRNOS = new Set([1053, 1927, 2006, 2013]);

/** True when `error` (or an error it wraps) reports a lost MySQL/MariaDB connection. */
export function connectionLost(error: unknown): boolean {
  for (let e = error as { code?: unknown; errno?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && LOST_CODES.has(e.code)) return true;
    if (typeof e.errno === "number" && LOST_ERRNOS.has(e.errno)) return true;
    if (typeof e.message === "string" && /connection is in closed state|Connection lost|server has gone away/i.test(e.message)) return true;
  }
  return false;
}
