/**
 * The migration lock: a named user lock (GET_LOCK). It belongs to the session, so a process that
 * dies or loses its connection releases it automatically. Lock names are server-wide, so the
 * name includes the database; MySQL caps names at 64 characters, so longer ones are hashed.
 */
import { sha256 } from "../../core/sha256.js";
import { setTimeout as sleep } from "node:timers/promises";
import type { Connection, HeldLock } from "../dialect.js";
import { MigrateError } from "../../errors.js";

/** How often a waiting process asks again. */
const POLL_INTERVAL_MS = 250;
const MAX_LOCK_NAME = 64;
const PREFIX = "athanor:";

/** The server-wide lock name for `key` in `database`, at most 64 characters. */
export function lockName(database: string, key: string): string {
  const name = `${PREFIX}${database}:${key}`;
  if (name.length <= MAX_LOCK_NAME) return name;
  const digest = sha256(`${database}\u0000${key}`);
  return PREFIX + digest.slice(0, MAX_LOCK_NAME - PREFIX.length);
}

/** A lock held by `conn`; releasing twice (or after the session died) is harmless. */
function heldLock(conn: Connection, name: string): HeldLock {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      try {
        await conn.query("SELECT RELEASE_LOCK(?) AS released", [name]);
      } catch {
        // The query can only fail when the session is gone, and then the server has already
        // released every lock the session held.
      }
    },
  };
}

/**
 * Takes the migration lock, polling `GET_LOCK(name, 0)` until `timeoutMs` has passed. Calls
 * `onWait` once, the first time the lock is found taken.
 */
export async function acquireLock(conn: Connection, key: string, timeoutMs: number, onWait?: () => void): Promise<HeldLock> {
  const rows = await conn.query<{ db: string | null }>("SELECT DATABASE() AS db");
  const name = lockName(rows[0]?.db ?? "", key);
  const deadline = Date.now() + Math.max(0, timeoutMs);
  let waiting = false;
  for (;;) {
    const [row] = await conn.query<{ acquired: number | string | null }>("SELECT GET_LOCK(?, 0) AS acquired", [name]);
    if (Number(row?.acquired) === 1) return heldLock(conn, name);
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new MigrateError("lock-timeout", `Timed out after ${timeoutMs} ms waiting for the migration lock "${name}": another migrate process holds it.`, {
        hint: `Wait for the other process to finish or raise --lock-timeout; SELECT IS_USED_LOCK('${name.replace(/'/g, "''")}') gives the holder's connection id (see SHOW PROCESSLIST).`,
      });
    }
    if (!waiting) {
      waiting = true;
      onWait?.();
    }
    await sleep(Math.min(POLL_INTERVAL_MS, remaining));
  }
}
