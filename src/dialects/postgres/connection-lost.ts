/**
 * Whether a `pg` failure means the connection is gone (backend terminated, server shut down,
 * network), as opposed to a statement the server refused.
 */

/** SQLSTATE class 57P (operator intervention: terminated, shutdown, cannot connect now) and 08 (connection exception). */
const LOST_STATE = /^(57P0[1-3]|08\d{3})$/;
const LOST_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT"]);

/** True when `error` (or an error it wraps) reports a lost PostgreSQL connection. */
export function connectionLost(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && (LOST_STATE.test(e.code) || LOST_CODES.has(e.code))) return true;
    if (typeof e.message === "string" && /Connection terminated|not queryable|terminating connection/i.test(e.message)) return true;
  }
  return false;
}
