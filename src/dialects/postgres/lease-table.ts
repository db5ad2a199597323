/**
 * The lease lock's table on PostgreSQL, `<versionTable>_lock` beside the version table: one row
 * per lock key naming its holder (owner id, host, pid) with when it was taken, its last heartbeat
 * and when it expires. Every time is the database's clock (now()), so deploy hosts whose clocks
 * disagree still agree on whether a lease expired. Each statement here is one transaction, so
 * they work through a transaction pooler.
 */
import type { Connection, LeaseState } from "../dialect.js";
import type { VersionTableName } from "../../core/version-table-name.js";
import { advisoryLockId } from "./advisory-lock-id.js";
import { quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";

/** The columns every read returns, with the ages computed by the server. */
const STATE_COLUMNS = `owner, host, pid, acquired_at, heartbeat_at, expires_at,
  (extract(epoch FROM now() - acquired_at) * 1000)::float8 AS held_ms,
  (extract(epoch FROM now() - heartbeat_at) * 1000)::float8 AS heartbeat_age_ms,
  (extract(epoch FROM expires_at - now()) * 1000)::float8 AS expires_in_ms`;

interface StateRow {
  owner: string;
  host: string;
  pid: number;
  acquired_at: Date;
  heartbeat_at: Date;
  expires_at: Date;
  held_ms: number;
  heartbeat_age_ms: number;
  expires_in_ms: number;
}

function toState(row: StateRow | undefined): LeaseState | undefined {
  if (!row) return undefined;
  return {
    owner: row.owner,
    host: row.host,
    pid: row.pid,
    acquiredAt: row.acquired_at.toISOString(),
    heartbeatAt: row.heartbeat_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    heldMs: Math.round(row.held_ms),
    heartbeatAgeMs: Math.round(row.heartbeat_age_ms),
    expiresInMs: Math.round(row.expires_in_ms),
    stale: row.expires_in_ms <= 0,
  };
}

/** Whether the lock table exists (to_regclass: no error for a missing schema either). */
export async function leaseTableExists(conn: Connection, table: VersionTableName): Promise<boolean> {
  const rows = await conn.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [quoteTable(table)]);
  return rows[0]?.present === true;
}

/**
 * Creates the lock table if it is missing. Two runs creating it at once would collide in the
 * catalogs (CREATE TABLE IF NOT EXISTS is not safe against a concurrent create), so the create
 * runs in a transaction under a transaction-level advisory lock — which, unlike a session lock,
 * holds through a pooler: the whole transaction runs on one server session.
 */
export async function ensureLeaseTable(conn: Connection, table: VersionTableName): Promise<void> {
  if (await leaseTableExists(conn, table)) return;
  const c = quoteIdentifier;
  await conn.begin();
  try {
    await conn.query("SELECT pg_catalog.pg_advisory_xact_lock($1::bigint)", [advisoryLockId(`athanor-create:${quoteTable(table)}`)]);
    if (table.schema) await conn.query(`CREATE SCHEMA IF NOT EXISTS ${c(table.schema)}`);
    await conn.query(
      `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (` +
        `${c("lock_key")} varchar(255) NOT NULL, ${c("owner")} varchar(64) NOT NULL, ${c("host")} varchar(255) NOT NULL, ${c("pid")} integer NOT NULL, ` +
        `${c("acquired_at")} timestamptz NOT NULL, ${c("heartbeat_at")} timestamptz NOT NULL, ${c("expires_at")} timestamptz NOT NULL, ` +
        `CONSTRAINT ${c(`${table.name}_pkc`)} PRIMARY KEY (${c("lock_key")}))`,
    );
    await conn.query(`COMMENT ON TABLE ${quoteTable(table)} IS ${quoteLiteral("athanor's migration lock (lease): one row while a migrate run holds it")}`);
    await conn.commit();
  } catch (error) {
    await conn.rollback().catch(() => undefined);
    throw error;
  }
}

/** Who takes the lease. */
export interface LeaseClaim {
  key: string;
  owner: string;
  host: string;
  pid: number;
  seconds: number;
}

/** What one attempt to take the lease found. */
export interface ClaimResult {
  /** The lease is ours now. */
  taken: boolean;
  /** When we took it over from an expired holder: that holder, as the row was before. */
  previous?: LeaseState;
}

/**
 * One attempt, one statement: insert the row, or take over a row whose lease has expired. A
 * live row stays as it is. Concurrent attempts serialise on the primary key, and the loser
 * re-reads the winner's row before deciding, so exactly one run holds a live lease.
 */
export async function claimLease(conn: Connection, table: VersionTableName, claim: LeaseClaim): Promise<ClaimResult> {
  const t = quoteTable(table);
  const rows = await conn.query<{ took_over: boolean } & Partial<StateRow>>(
    `WITH previous AS (SELECT ${STATE_COLUMNS} FROM ${t} WHERE lock_key = $1)
     INSERT INTO ${t} AS lease (lock_key, owner, host, pid, acquired_at, heartbeat_at, expires_at)
     VALUES ($1, $2, $3, $4, now(), now(), now() + make_interval(secs => $5))
     ON CONFLICT (lock_key) DO UPDATE
       SET owner = excluded.owner, host = excluded.host, pid = excluded.pid, acquired_at = excluded.acquired_at,
           heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at
       WHERE lease.expires_at <= now()
     RETURNING (SELECT count(*) > 0 FROM previous) AS took_over,
       (SELECT owner FROM previous) AS owner, (SELECT host FROM previous) AS host, (SELECT pid FROM previous) AS pid,
       (SELECT acquired_at FROM previous) AS acquired_at, (SELECT heartbeat_at FROM previous) AS heartbeat_at,
       (SELECT expires_at FROM previous) AS expires_at, (SELECT held_ms FROM previous) AS held_ms,
       (SELECT heartbeat_age_ms FROM previous) AS heartbeat_age_ms, (SELECT expires_in_ms FROM previous) AS expires_in_ms`,
    [claim.key, claim.owner, claim.host, claim.pid, claim.seconds],
  );
  const row = rows[0];
  if (!row) return { taken: false };
  return row.took_over ? { taken: true, previous: toState(row as StateRow) } : { taken: true };
}

/** Pushes the expiry forward; false when the row is no longer ours (taken over, or removed). */
export async function renewLease(conn: Connection, table: VersionTableName, key: string, owner: string, seconds: number): Promise<boolean> {
  const rows = await conn.query(
    `UPDATE ${quoteTable(table)} SET heartbeat_at = now(), expires_at = now() + make_interval(secs => $3) WHERE lock_key = $1 AND owner = $2 RETURNING 1 AS renewed`,
    [key, owner, seconds],
  );
  return rows.length > 0;
}

/** Gives the lease back; a row that is no longer ours is left alone. */
export async function dropLease(conn: Connection, table: VersionTableName, key: string, owner: string): Promise<void> {
  await conn.query(`DELETE FROM ${quoteTable(table)} WHERE lock_key = $1 AND owner = $2`, [key, owner]);
}

/** The lease row for `key`, or undefined (also when the table does not exist). */
export async function readLease(conn: Connection, table: VersionTableName, key: string): Promise<LeaseState | undefined> {
  if (!(await leaseTableExists(conn, table))) return undefined;
  const rows = await conn.query<StateRow>(`SELECT ${STATE_COLUMNS} FROM ${quoteTable(table)} WHERE lock_key = $1`, [key]);
  return toState(rows[0]);
}

/** Deletes the row only if it has expired, in one statement; returns it when it was removed. */
export async function deleteStaleLease(conn: Connection, table: VersionTableName, key: string): Promise<LeaseState | undefined> {
  if (!(await leaseTableExists(conn, table))) return undefined;
  const rows = await conn.query<StateRow>(
    `WITH gone AS (DELETE FROM ${quoteTable(table)} WHERE lock_key = $1 AND expires_at <= now() RETURNING *) SELECT ${STATE_COLUMNS} FROM gone`,
    [key],
  );
  return toState(rows[0]);
}
