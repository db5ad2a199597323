/**
 * Words for who holds the lease lock, shared by the waiting run's timeout error and the lost
 * lease's error: owner, host, pid, since when, the heartbeat's age and the expiry.
 */
import { MigrateError } from "../../errors.js";
import type { LeaseState, LockRequest } from "../dialect.js";
import { quoteTable } from "./quote.js";

/** Seconds for people, from milliseconds: "0.4 s", "12 s". */
export function seconds(ms: number): string {
  const s = Math.abs(ms) / 1000;
  return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}

/** "run 1f2e… on host web-1 (pid 4242), since 2026-…Z; last heartbeat 2.0 s ago, expires in 28 s". */
export function describeLease(lease: LeaseState): string {
  const expiry = lease.stale ? `expired ${seconds(lease.expiresInMs)} ago` : `expires in ${seconds(lease.expiresInMs)}`;
  return `run ${lease.owner} on host ${lease.host} (pid ${lease.pid}), since ${lease.acquiredAt}; last heartbeat ${seconds(lease.heartbeatAgeMs)} ago, ${expiry}`;
}

/** The lock-timeout error when a live lease kept us waiting. */
export function leaseTimeoutError(request: LockRequest, lease: LeaseState): MigrateError {
  return new MigrateError("lock-timeout", `Timed out after ${request.timeoutMs} ms waiting for the migration lock "${request.key}" (a lease in ${quoteTable(request.table)}), held by ${describeLease(lease)}.`, {
    hint:
      "Another migrate run is probably in progress: wait for it, or raise --lock-timeout. `migrate lock status` shows the holder; " +
      "a lease whose run died expires by itself once its heartbeat stops, and `migrate unlock --if-stale` removes it then.",
  });
}
