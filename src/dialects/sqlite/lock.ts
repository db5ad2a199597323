/**
 * The migration lock: `BEGIN IMMEDIATE` on the database file, held for the whole command.
 * SQLite allows one writer per file, so holding the write transaction keeps every other athanor
 * (and every other writer) out until release() commits; a process that dies releases it with
 * its file locks. The lock key is not used: the database file is the lock.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { MigrateError } from "../../errors.js";
import type { Connection, HeldLock } from "../dialect.js";
import { SqliteConnection } from "./driver.js";

/** Pause between attempts while another connection holds the write lock. */
const RETRY_INTERVAL_MS = 50;

function sqliteConnection(conn: Connection): SqliteConnection {
  if (conn instanceof SqliteConnection) return conn;
  throw new MigrateError("connection", `The SQLite lock needs an SQLite connection, got a ${conn.dialect} one.`, {
    hint: "This is a bug in the caller: connect with the dialect that takes the lock.",
  });
}

/**
 * Takes the write lock, retrying every 50 ms until `timeoutMs`; calls `onWait` once if the first
 * attempt finds the database busy. Throws MigrateError("lock-timeout") when time runs out.
 */
export async function acquireLock(conn: Connection, _key: string, timeoutMs: number, onWait?: () => void): Promise<HeldLock> {
  const sqlite = sqliteConnection(conn);
  sqlite.followLockTimeout(timeoutMs);
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  while (!sqlite.tryLock()) {
    if (!waited) {
      waited = true;
      onWait?.();
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new MigrateError("lock-timeout", `Timed out after ${timeoutMs} ms waiting for the migration lock (the write lock on the SQLite database): another connection is writing to it.`, {
        hint: "Another migrate run or an application transaction is writing to the file: wait for it, or raise --lock-timeout.",
      });
    }
    await sleep(Math.min(RETRY_INTERVAL_MS, remaining));
  }
  let released = false;
  return {
    async release(): Promise<void> {
      if (released) return;
      released = true;
      sqlite.unlock();
    },
  };
}
