/**
 * The migration lock on PostgreSQL: a session-level advisory lock. Session level (not
 * transaction level) because a run spans several transactions; a process that dies loses its
 * session and with it the lock, so a crash never leaves the database locked.
 */
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { MigrateError } from "../../errors.js";
import type { Connection, HeldLock } from "../dialect.js";

/** Longest pause between two attempts; short enough that a released lock is noticed promptly. */
const MAX_POLL_MS = 500;

/**
 * The advisory lock id for `key`: the first 8 bytes of its SHA-256 as a signed 64-bit integer,
 * so every process (and every athanor version) derives the same id from the same key.
 * Returned as a decimal string because it does not fit a JavaScript number.
 */
export function advisoryLockId(key: string): string {
  return createHash("sha256").update(key, "utf8").digest().readBigInt64BE(0).toString();
}

/** How pg_locks shows a bigint advisory lock: high and low 32 bits as classid and objid. */
function lockLocator(id: string): { classid: string; objid: string } {
  const unsigned = BigInt.asUintN(64, BigInt(id));
  return { classid: (unsigned >> 32n).toString(), objid: (unsigned & 0xffffffffn).toString() };
}

/** Who holds the lock, if the catalogs can tell us; a best-effort detail for the message. */
async function describeHolder(conn: Connection, id: string): Promise<string> {
  const { classid, objid } = lockLocator(id);
  try {
    const rows = await conn.query<{ pid: number; application_name: string | null; client_addr: string | null }>(
      `SELECT l.pid, a.application_name, a.client_addr::text AS client_addr
         FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 1`,
      [classid, objid],
    );
    const holder = rows[0];
    if (!holder) return "";
    const app = holder.application_name ? `, application "${holder.application_name}"` : "";
    const from = holder.client_addr ? ` from ${holder.client_addr}` : "";
    return ` by backend PID ${holder.pid}${app}${from}`;
  } catch {
    return "";
  }
}

/**
 * Takes the advisory lock for `key`, polling `pg_try_advisory_lock` until `timeoutMs` has passed.
 * Calls `onWait` once, on the first failed attempt. Throws MigrateError("lock-timeout").
 */
export async function acquireLock(conn: Connection, key: string, timeoutMs: number, onWait?: () => void): Promise<HeldLock> {
  const id = advisoryLockId(key);
  const deadline = Date.now() + Math.max(0, timeoutMs);
  let delay = 25;
  let waited = false;
  for (;;) {
    const rows = await conn.query<{ locked: boolean }>("SELECT pg_catalog.pg_try_advisory_lock($1::bigint) AS locked", [id]);
    if (rows[0]?.locked) break;
    if (!waited) {
      waited = true;
      onWait?.();
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const holder = await describeHolder(conn, id);
      const { classid, objid } = lockLocator(id);
      throw new MigrateError("lock-timeout", `Timed out after ${timeoutMs} ms waiting for the migration lock "${key}" (PostgreSQL advisory lock ${id}), held${holder || " by another session"}.`, {
        hint:
          `Another migrate run is probably in progress: wait for it, or raise --lock-timeout. Find the holder with ` +
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ${classid} AND objid = ${objid}; ` +
          `a stuck session can be ended with pg_terminate_backend(pid).`,
      });
    }
    await sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, MAX_POLL_MS);
  }
  let released = false;
  return {
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await conn.query("SELECT pg_catalog.pg_advisory_unlock($1::bigint)", [id]);
    },
  };
}
