/**
 * The migration lock on PostgreSQL: a session-level advisory lock. Session level (not
 * transaction level) because a run spans several transactions; a process that dies loses its
 * session and with it the lock, so a crash never leaves the database locked. Behind a
 * transaction pooler a session lock holds nothing; lease-lock.ts is the lock used there, and the
 * two see each other (acquireSessionLock waits while a live lease is in the lock table).
 */
import { MigrateError } from "../../errors.js";
import type { Connection, HeldLock, LockHolders, LockRequest } from "../dialect.js";
import { advisoryLockId, lockLocator } from "./advisory-lock-id.js";
import { pollLock } from "./lock-poll.js";
import { readLease } from "./lease-table.js";
import { leaseTimeoutError } from "./lock-holder.js";

export { advisoryLockId };

/** The backend holding the session-level lock for `key`, from pg_locks; undefined when none does. */
export async function sessionLockHolder(conn: Connection, key: string, exceptSelf = false): Promise<LockHolders["session"]> {
  const { classid, objid } = lockLocator(advisoryLockId(key));
  const rows = await conn.query<{ pid: number; application_name: string | null; client_addr: string | null }>(
    `SELECT l.pid, a.application_name, a.client_addr::text AS client_addr
       FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
        AND ($3::boolean IS FALSE OR l.pid <> pg_catalog.pg_backend_pid())`,
    [classid, objid, exceptSelf],
  );
  const holder = rows[0];
  return holder ? { pid: holder.pid, application: holder.application_name || null, client: holder.client_addr } : undefined;
}

/** Who holds the lock, if the catalogs can tell us; a best-effort detail for the message. */
async function describeHolder(conn: Connection, key: string): Promise<string> {
  const holder = await sessionLockHolder(conn, key).catch(() => undefined);
  if (!holder) return "";
  const app = holder.application ? `, application "${holder.application}"` : "";
  const from = holder.client ? ` from ${holder.client}` : "";
  return ` by backend PID ${holder.pid}${app}${from}`;
}

/** The lock-timeout error when a session lock kept us waiting, naming its backend if pg_locks shows it. */
export async function sessionTimeoutError(conn: Connection, key: string, timeoutMs: number): Promise<MigrateError> {
  return timeoutError(key, timeoutMs, await describeHolder(conn, key));
}

function timeoutError(key: string, timeoutMs: number, holder: string): MigrateError {
  const id = advisoryLockId(key);
  const { classid, objid } = lockLocator(id);
  return new MigrateError("lock-timeout", `Timed out after ${timeoutMs} ms waiting for the migration lock "${key}" (PostgreSQL advisory lock ${id}), held${holder || " by another session"}.`, {
    hint:
      `Another migrate run is probably in progress: wait for it, or raise --lock-timeout. Find the holder with ` +
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ${classid} AND objid = ${objid}; ` +
      `a stuck session can be ended with pg_terminate_backend(pid).`,
  });
}

/** A held session lock; releasing twice is harmless. */
function heldSessionLock(conn: Connection, id: string): HeldLock {
  let released = false;
  return {
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await conn.query("SELECT pg_catalog.pg_advisory_unlock($1::bigint)", [id]);
    },
  };
}

/**
 * Takes the advisory lock for `key`, polling `pg_try_advisory_lock` until `timeoutMs` has passed.
 * Calls `onWait` once, on the first failed attempt. Throws MigrateError("lock-timeout").
 */
export async function acquireLock(conn: Connection, key: string, timeoutMs: number, onWait?: () => void): Promise<HeldLock> {
  const id = advisoryLockId(key);
  return pollLock({
    attempt: async () => ((await tryAdvisory(conn, id)) ? heldSessionLock(conn, id) : undefined),
    timeoutMs,
    onWait,
    timedOut: async () => timeoutError(key, timeoutMs, await describeHolder(conn, key)),
  });
}

async function tryAdvisory(conn: Connection, id: string): Promise<boolean> {
  const rows = await conn.query<{ locked: boolean }>("SELECT pg_catalog.pg_try_advisory_lock($1::bigint) AS locked", [id]);
  return rows[0]?.locked === true;
}

/**
 * The session lock as a run takes it: the advisory lock, and then no live lease in the lock
 * table — a run behind a pooler may hold that one. Taking ours first and looking second (the
 * lease side inserts first and looks second) means two runs that chose different locks cannot
 * both miss each other; one that sees the other lets go of its own and waits.
 */
export async function acquireSessionLock(conn: Connection, request: LockRequest): Promise<HeldLock> {
  const id = advisoryLockId(request.key);
  return pollLock({
    async attempt() {
      if (!(await tryAdvisory(conn, id))) return undefined;
      const lock = heldSessionLock(conn, id);
      const lease = await readLease(conn, request.table, request.key);
      if (lease && !lease.stale) {
        await lock.release();
        return undefined;
      }
      return lock;
    },
    timeoutMs: request.timeoutMs,
    onWait: request.onWait,
    signal: request.signal,
    async timedOut() {
      const lease = await readLease(conn, request.table, request.key).catch(() => undefined);
      if (lease && !lease.stale) return leaseTimeoutError(request, lease);
      return timeoutError(request.key, request.timeoutMs, await describeHolder(conn, request.key));
    },
  });
}
