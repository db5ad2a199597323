/**
 * `migrate lock status`: who holds the migration lock — the lease (owner, host, pid, since when,
 * heartbeat age, live or stale) and any backend holding the session lock. Takes no lock itself.
 */
import type { ResolvedConfig } from "../config/types.js";
import { withDatabase } from "../runtime/database.js";
import { readLockStatus, type LockStatus } from "../runtime/lock-status.js";

export type { LockStatus };

/** Reads who holds the migration lock. */
export async function lockStatus(config: ResolvedConfig): Promise<LockStatus> {
  return withDatabase(config, {}, (session) => readLockStatus(session, config));
}
