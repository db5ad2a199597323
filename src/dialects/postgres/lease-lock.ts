/**
 * The lease lock on PostgreSQL, for connections through a transaction pooler (PgBouncer's
 * default on many hosted databases), where a session-level advisory lock is taken on one server
 * session and the next statement runs on another. The lock is a row in `<versionTable>_lock`
 * (lease-table.ts), claimed with one conditional INSERT … ON CONFLICT statement, so it needs no
 * session at all. While it is held, a heartbeat renews its expiry on a connection of its own
 * (the run's connection is busy with revisions, and a renewal inside a revision's transaction
 * would only commit with it). A run that dies stops renewing; once the lease expires another run
 * takes it over. If the heartbeat finds the lease gone or taken over, the run is told to stop.
 */
import { hostname } from "node:os";
import { MigrateError } from "../../errors.js";
import type { DatabaseUrl } from "../../core/database-url.js";
import type { Connection, HeldLock, LockRequest } from "../dialect.js";
import { connect } from "./driver.js";
import { claimLease, dropLease, ensureLeaseTable, readLease, renewLease, type LeaseClaim } from "./lease-table.js";
import { describeLease, leaseTimeoutError } from "./lock-holder.js";
import { pollLock } from "./lock-poll.js";
import { sessionLockHolder, sessionTimeoutError } from "./lock.js";
import { quoteTable } from "./quote.js";

/** How long a lease lasts without a heartbeat: how long a crashed run blocks the next one. */
export const LEASE_SECONDS = 30;
/** How often the heartbeat renews it: several renewals fit in one lease, so a slow one is no loss. */
export const HEARTBEAT_MS = 5_000;

/**
 * Takes the lease for `request.key`, waiting up to `request.timeoutMs` with the same waiting
 * message and lock-timeout error as the session lock. A lease that expired (its run died) is
 * taken over, and its run named through `request.onTakeover`.
 */
export async function acquireLease(url: DatabaseUrl, request: LockRequest): Promise<HeldLock> {
  const conn = await connect(url);
  // The global WebCrypto: a static import of node:crypto would load it for every command.
  const claim: LeaseClaim = { key: request.key, owner: globalThis.crypto.randomUUID(), host: hostname(), pid: process.pid, seconds: LEASE_SECONDS };
  try {
    await ensureLeaseTable(conn, request.table);
    await pollLock({
      async attempt() {
        const result = await claimLease(conn, request.table, claim);
        if (!result.taken) return undefined;
        // A run connected directly may hold the session lock: it looked for our row after taking
        // its lock, we look for its lock after writing our row, so one of us sees the other.
        if (await sessionLockHolder(conn, request.key)) {
          await dropLease(conn, request.table, request.key, claim.owner);
          return undefined;
        }
        if (result.previous) request.onTakeover?.(`Took over the expired migration lock of ${describeLease(result.previous)}.`);
        return result;
      },
      timeoutMs: request.timeoutMs,
      onWait: request.onWait,
      signal: request.signal,
      async timedOut() {
        const lease = await readLease(conn, request.table, request.key).catch(() => undefined);
        if (lease && !lease.stale) return leaseTimeoutError(request, lease);
        return sessionTimeoutError(conn, request.key, request.timeoutMs);
      },
    });
    // Taken after the caller stopped waiting (an interrupt): give it straight back.
    if (request.signal?.aborted) {
      await dropLease(conn, request.table, request.key, claim.owner);
      throw new MigrateError("interrupted", "Stopped waiting for the migration lock.");
    }
  } catch (error) {
    await conn.close().catch(() => undefined);
    throw error;
  }
  return new Lease(url, conn, request, claim);
}

/** A held lease and its heartbeat. */
class Lease implements HeldLock {
  private timer: NodeJS.Timeout | undefined;
  private beat: Promise<void> = Promise.resolve();
  private released = false;
  private lost = false;
  /** When the lease runs out if no renewal succeeds (by our clock, which only ever errs early here). */
  private expiresBy = Date.now() + LEASE_SECONDS * 1000;

  constructor(
    private readonly url: DatabaseUrl,
    private conn: Connection | undefined,
    private readonly request: LockRequest,
    private readonly claim: LeaseClaim,
  ) {
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.beat = this.renew().finally(() => {
        if (!this.released && !this.lost) this.schedule();
      });
    }, HEARTBEAT_MS);
    // The heartbeat alone must not keep a finished process alive.
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    const sentAt = Date.now();
    try {
      this.conn ??= await connect(this.url);
      if (await renewLease(this.conn, this.request.table, this.claim.key, this.claim.owner, LEASE_SECONDS)) {
        this.expiresBy = sentAt + LEASE_SECONDS * 1000;
        return;
      }
      const now = await readLease(this.conn, this.request.table, this.claim.key).catch(() => undefined);
      this.lose(now ? `was taken over by run ${now.owner} on host ${now.host}, pid ${now.pid}` : "was removed");
    } catch (error) {
      // A dropped connection: open a new one at the next beat, unless the lease has run out by then.
      const conn = this.conn;
      this.conn = undefined;
      await conn?.close().catch(() => undefined);
      if (Date.now() + HEARTBEAT_MS >= this.expiresBy) this.lose(`could not be renewed before it expired: ${(error as Error).message.replace(/\.$/, "")}`);
    }
  }

  private lose(what: string): void {
    if (this.lost || this.released) return;
    this.lost = true;
    this.request.onLost?.(
      new MigrateError("interrupted", `Stopped: the migration lock was lost (its lease in ${quoteTable(this.request.table)} ${what})`, {
        hint: "Another run may be migrating now: see `migrate lock status` and `migrate current`, and run the command again once it has finished.",
        exitCode: 1,
      }),
    );
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.timer);
    await this.beat.catch(() => undefined);
    // After a dropped heartbeat connection, one more try to give the lease back rather than let it run out.
    const conn = this.conn ?? (await connect(this.url).catch(() => undefined));
    this.conn = undefined;
    if (!conn) return;
    try {
      if (!this.lost) await dropLease(conn, this.request.table, this.claim.key, this.claim.owner);
    } finally {
      await conn.close().catch(() => undefined);
    }
  }
}
