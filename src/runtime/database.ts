/**
 * Opens the configured database: parses the URL, loads the dialect, connects, and (for commands
 * that change the database) takes the migration lock before anything reads the version table.
 */
import type { Connection, Dialect, HeldLock } from "../dialects/dialect.js";
import { loadDialect } from "../dialects/registry.js";
import { isMigrateError, MigrateError } from "../errors.js";
import type { ResolvedConfig } from "../config/types.js";
import { displayUrl, parseDatabaseUrl } from "../core/database-url.js";
import { VersionStore } from "./version-store.js";
import type { DatabaseUrl } from "../core/database-url.js";
import { enterSession, interruptible, pendingInterruption, setStatementsCancellable, stopReason } from "./interrupt.js";
import { RevisionLog } from "./revision-log.js";
import { lostConnection } from "./connection-lost.js";
import type { EventSink } from "./events.js";
import { takeMigrationLock } from "./migration-lock.js";

/** An open database session. */
export interface DatabaseSession {
  url: DatabaseUrl;
  dialect: Dialect;
  conn: Connection;
  store: VersionStore;
  /** The revision log next to the version table (progress, checksums). */
  log: RevisionLog;
}

/** The configured URL, parsed; a clear error when none is set. */
function requireUrl(config: ResolvedConfig): DatabaseUrl {
  if (!config.url) {
    throw new MigrateError("config", "No database URL is configured.", {
      hint: "Pass --url, set DATABASE_URL, or add `url` to migrate.config.ts.",
    });
  }
  return parseDatabaseUrl(config.url, config.rootDir);
}

/** The dialect for the configured URL, without connecting (offline --sql). */
export async function configuredDialect(config: ResolvedConfig): Promise<{ url: DatabaseUrl; dialect: Dialect }> {
  const url = requireUrl(config);
  return { url, dialect: await loadDialect(url.dialect) };
}

/** Options for withDatabase. */
export interface SessionOptions {
  /** Take the migration lock for the whole session (upgrade, downgrade, stamp). */
  lock?: boolean;
  /** Called once when the lock is busy and we start waiting. */
  onLockWait?: (url: string) => void;
  /** `--lock-timeout`: overrides the config's lock timeout (seconds). */
  lockTimeoutSeconds?: number;
  /** Which lock was taken and why (detail), a lease taken over from a dead run (warning). */
  events?: EventSink;
}

/**
 * Connects, optionally locks, runs `fn`, then rolls back what is still open, releases the lock
 * and closes — also on failure and on interruption (SIGINT/SIGTERM, see interrupt.ts: a locked
 * session is unwound; for a read-only one the CLI exits at once).
 */
export async function withDatabase<T>(config: ResolvedConfig, options: SessionOptions, fn: (session: DatabaseSession) => Promise<T>): Promise<T> {
  const { url, dialect } = await configuredDialect(config);
  // Only sessions that change the database unwind on a signal; a read-only one can simply exit.
  const leave = options.lock ? enterSession() : () => undefined;
  let conn: Connection | undefined;
  let lock: HeldLock | undefined;
  let failed = false;
  try {
    conn = await interruptible(dialect.connect(url));
    if (options.lock) {
      const waiting = new AbortController();
      const acquiring = takeMigrationLock(config, dialect, url, conn, {
        timeoutMs: (options.lockTimeoutSeconds ?? config.lockTimeoutSeconds) * 1000,
        onWait: () => options.onLockWait?.(displayUrl(url)),
        events: options.events,
        signal: waiting.signal,
      });
      // An abandoned attempt may still get the lock later: closing the connection releases a
      // session lock, and the aborted signal makes a lease lock give itself back.
      acquiring.catch(() => undefined);
      lock = await interruptible(acquiring).catch((error: unknown) => {
        waiting.abort();
        throw error;
      });
    }
    setStatementsCancellable(conn.cancel !== undefined);
    const store = new VersionStore(conn, dialect, config.versionTable);
    const log = new RevisionLog(conn, dialect, config.versionTable);
    const result = await fn({ url, dialect, conn, store, log });
    // A signal that came after the last point where the command could stop: it finished anyway, so say so.
    const late = options.lock ? pendingInterruption() : undefined;
    if (late) throw await withVersionRows(late, conn, store, "The command had finished its work before the signal took effect.");
    return result;
  } catch (error) {
    failed = true;
    if (conn && isMigrateError(error) && error.code === "interrupted" && !checkedRows.has(error)) throw await withVersionRows(error, conn, store(conn, dialect, config), undefined);
    throw lostConnection(dialect, error, displayUrl(url)) ?? error;
  } finally {
    try {
      // After a failure the cleanup's own errors (often the same dead connection) must not hide it.
      if (conn) await release(conn, lock).catch((error: unknown) => {
        if (!failed) throw error;
      });
    } finally {
      leave();
    }
  }
}

function store(conn: Connection, dialect: Dialect, config: ResolvedConfig): VersionStore {
  return new VersionStore(conn, dialect, config.versionTable);
}

/**
 * The interruption error with what the version table shows, read after the rollback on the
 * session's own connection — what is committed (on SQLite: what releasing the lock commits) — so
 * the message states what is applied instead of guessing.
 */
async function withVersionRows(error: MigrateError, conn: Connection, versions: VersionStore, lead: string | undefined): Promise<MigrateError> {
  if (conn.inTransaction) await conn.rollback().catch(() => undefined);
  const rows = await versions.read().catch(() => undefined);
  const state = rows === undefined ? "The version table could not be read; `migrate current` shows where the database stands." : rows.length === 0 ? "The version table now shows no revision: nothing is applied." : `The version table now shows: ${rows.join(", ")}.`;
  const message = [error.message, lead, state].filter((part) => part !== undefined).join("\n");
  const hint = stopReason()?.hint ?? "Run the command again to go on from there.";
  const checked = new MigrateError("interrupted", message, { hint, cause: error, exitCode: error.exitCode });
  checkedRows.add(checked);
  return checked;
}

/** Interruption errors that already carry the version rows. */
const checkedRows = new WeakSet<Error>();

/** Rolls back, releases the lock and closes; the connection is closed whatever fails before. */
async function release(conn: Connection, lock: HeldLock | undefined): Promise<void> {
  try {
    if (conn.inTransaction) await conn.rollback();
    if (lock) await lock.release();
  } finally {
    await conn.close();
  }
}
