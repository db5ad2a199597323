/**
 * Reading and clearing the migration lock from outside a run: who holds it (the lease row, and
 * any backend holding the session lock), and removing a lease whose run has died — only once it
 * is stale, in one statement, so a live run is never robbed of its lock.
 */
import type { ResolvedConfig } from "../config/types.js";
import type { LeaseLocking, LeaseState, LockHolders } from "../dialects/dialect.js";
import { MigrateError } from "../errors.js";
import type { DatabaseSession } from "./database.js";
import { lockKey, lockTableName } from "./migration-lock.js";

/** Who holds the migration lock. */
export interface LockStatus {
  /** The lock's key and the lease table it would be in (`schema.name` or `name`). */
  key: string;
  table: string;
  /** True while a live lease or a session lock is held. */
  held: boolean;
  lease: LeaseState | null;
  session: NonNullable<LockHolders["session"]> | null;
}

/** What `unlock --if-stale` did. */
export interface UnlockResult {
  /** The stale lease removed, or null when there was none. */
  removed: LeaseState | null;
  /** A backend holding the session lock (which no row records, so unlock cannot remove it). */
  session: NonNullable<LockHolders["session"]> | null;
}

function leaseLocking(session: DatabaseSession): LeaseLocking {
  const lease = session.dialect.leaseLock;
  if (!lease) {
    throw new MigrateError("unsupported-operation", `The ${session.dialect.name} migration lock is a session lock only: it leaves no row behind, and is released when its session ends.`, {
      hint: "`migrate lock status` and `migrate unlock` read and clear the lease lock, which PostgreSQL uses behind connection poolers.",
    });
  }
  return lease;
}

function tableText(config: ResolvedConfig): string {
  const t = lockTableName(config.versionTable);
  return t.schema ? `${t.schema}.${t.name}` : t.name;
}

/** Who holds the migration lock now. */
export async function readLockStatus(session: DatabaseSession, config: ResolvedConfig): Promise<LockStatus> {
  const holders = await leaseLocking(session).holders(session.conn, lockTableName(config.versionTable), lockKey(config));
  const lease = holders.lease ?? null;
  const backend = holders.session ?? null;
  return { key: lockKey(config), table: tableText(config), held: (lease !== null && !lease.stale) || backend !== null, lease, session: backend };
}

/** Removes the lease if it is stale; a live one is refused with MigrateError("lock-held"). */
export async function unlockIfStale(session: DatabaseSession, config: ResolvedConfig): Promise<UnlockResult> {
  const locking = leaseLocking(session);
  const table = lockTableName(config.versionTable);
  const { removed, remaining } = await locking.removeStaleLease(session.conn, table, lockKey(config));
  if (remaining && !remaining.stale) {
    const expiry = `expires in ${Math.ceil(remaining.expiresInMs / 1000)} s unless renewed`;
    throw new MigrateError(
      "lock-held",
      `Not removed: the migration lock is held by a live run — ${remaining.owner} on host ${remaining.host} (pid ${remaining.pid}), since ${remaining.acquiredAt}, last heartbeat ${Math.round(remaining.heartbeatAgeMs / 1000)} s ago; it ${expiry}.`,
      { hint: "Let that run finish. If it is dead, its lease goes stale once its heartbeat stops (then `migrate unlock --if-stale` removes it, and the next migrate run takes it over by itself)." },
    );
  }
  const holders = await locking.holders(session.conn, table, lockKey(config));
  return { removed: removed ?? null, session: holders.session ?? null };
}
