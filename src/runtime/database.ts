/**
 * Opens the configured database: parses the URL, loads the dialect, connects, and (for commands
 * that change the database) takes the migration lock before anything reads the version table.
 */
import type { Connection, Dialect, HeldLock } from "../dialects/dialect.js";
import { loadDialect } from "../dialects/registry.js";
import { MigrateError } from "../errors.js";
import type { ResolvedConfig } from "../config/types.js";
import { displayUrl, parseDatabaseUrl } from "../config/url.js";
import { VersionStore } from "./version-store.js";
import type { DatabaseUrl } from "../dialects/dialect.js";

/** An open database session. */
export interface DatabaseSession {
  url: DatabaseUrl;
  dialect: Dialect;
  conn: Connection;
  store: VersionStore;
}

/** The configured URL, parsed; a clear error when none is set. */
export function requireUrl(config: ResolvedConfig): DatabaseUrl {
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
}

/** Connects, optionally locks, runs `fn`, then releases the lock and closes — also on failure. */
export async function withDatabase<T>(config: ResolvedConfig, options: SessionOptions, fn: (session: DatabaseSession) => Promise<T>): Promise<T> {
  const { url, dialect } = await configuredDialect(config);
  const conn = await dialect.connect(url);
  let lock: HeldLock | undefined;
  try {
    if (options.lock) {
      const key = `athanor:${config.versionTable.schema ?? ""}.${config.versionTable.name}`;
      lock = await dialect.acquireLock(conn, key, config.lockTimeoutSeconds * 1000, () => options.onLockWait?.(displayUrl(url)));
    }
    const store = new VersionStore(conn, dialect, config.versionTable);
    return await fn({ url, dialect, conn, store });
  } finally {
    try {
      if (conn.inTransaction) await conn.rollback();
      if (lock) await lock.release();
    } finally {
      await conn.close();
    }
  }
}
