/**
 * Which migration lock a run takes, and taking it. The session-level lock (PostgreSQL advisory
 * lock, MySQL GET_LOCK, SQLite's write lock) is the default; where a session lock may not hold —
 * the dialect detects a connection pooler — or the config says `lock: "table"`, the dialect's
 * lease lock (a row in `<versionTable>_lock`, renewed by a heartbeat) is taken instead.
 */
import type { ResolvedConfig } from "../config/types.js";
import type { DatabaseUrl } from "../core/database-url.js";
import type { VersionTableName } from "../core/version-table-name.js";
import type { Connection, Dialect, HeldLock, LockRequest } from "../dialects/dialect.js";
import { ConfigError } from "../errors.js";
import type { EventSink } from "./events.js";
import { requestStop } from "./interrupt.js";

/** The lock table's name: the version table's, with `_lock` appended, in the same schema. */
export function lockTableName(versionTable: VersionTableName): VersionTableName {
  return { schema: versionTable.schema ?? null, name: `${versionTable.name}_lock` };
}

/** The lock's key, derived from the version table (the same in every athanor version). */
export function lockKey(config: ResolvedConfig): string {
  return `athanor:${config.versionTable.schema ?? ""}.${config.versionTable.name}`;
}

/** How one run takes its lock. */
export interface LockOptions {
  timeoutMs: number;
  onWait?: () => void;
  events?: EventSink;
  signal?: AbortSignal;
}

/** The lock setting on a dialect without a lease lock. */
function noLease(dialect: Dialect): ConfigError {
  return new ConfigError(`The config says lock: "table", but the ${dialect.name} dialect has no lease lock (only PostgreSQL needs one: its session lock does not hold behind a pooler).`, {
    hint: 'Remove `lock: "table"` (or set lock: "auto") for this database; its session-level lock is what protects it.',
  });
}

/** Takes the migration lock the config and the connection call for. */
export async function takeMigrationLock(config: ResolvedConfig, dialect: Dialect, url: DatabaseUrl, conn: Connection, options: LockOptions): Promise<HeldLock> {
  const key = lockKey(config);
  const lease = dialect.leaseLock;
  if (!lease) {
    if (config.lock === "table") throw noLease(dialect);
    return dialect.acquireLock(conn, key, options.timeoutMs, options.onWait);
  }
  const request: LockRequest = {
    key,
    timeoutMs: options.timeoutMs,
    onWait: options.onWait,
    table: lockTableName(config.versionTable),
    signal: options.signal,
    onLost: (error) => requestStop(error),
    onTakeover: (message) => options.events?.({ type: "warning", message }),
  };
  const reason = config.lock === "table" ? 'the config says lock: "table"' : config.lock === "auto" ? await lease.sessionLockUnsafe(conn) : undefined;
  if (reason === undefined) return lease.acquireSession(conn, request);
  options.events?.({ type: "detail", message: `Using the lease lock (a row in ${request.table.schema ? `${request.table.schema}.` : ""}${request.table.name}): ${reason}.` });
  return lease.acquireLease(url, request);
}
