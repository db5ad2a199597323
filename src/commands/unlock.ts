/**
 * `migrate unlock --if-stale`: removes a lease whose run stopped renewing it (crashed, killed,
 * cut off), so the next run need not wait for the takeover. A live lease is refused: removing it
 * would let a second run start while the first still migrates.
 */
import type { ResolvedConfig } from "../config/types.js";
import { withDatabase } from "../runtime/database.js";
import { unlockIfStale, type UnlockResult } from "../runtime/lock-status.js";

export type { UnlockResult };

/** Removes the lease if stale; throws MigrateError("lock-held") when it is live. */
export async function unlock(config: ResolvedConfig): Promise<UnlockResult> {
  return withDatabase(config, {}, (session) => unlockIfStale(session, config));
}
