/**
 * The PostgreSQL Connection, on one `pg.Client`. It counts statements (tests use the count to
 * prove reflection is O(1) in queries), tracks BEGIN/COMMIT/ROLLBACK, and turns driver failures
 * into MigrateErrors whose text never holds the password.
 */
import pg from "pg";
import { SqlError } from "../../errors.js";
import { redactSecret } from "../../core/database-url.js";
import type { Connection } from "../dialect.js";
import type { DatabaseUrl } from "../../core/database-url.js";
import { toConnectionError } from "./connection-errors.js";

/** Connect timeout when the URL has no `connect_timeout` parameter (libpq's name, in seconds). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

interface PgError {
  message?: string;
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
}

/** The connect timeout in milliseconds from the URL's `connect_timeout` (seconds), else 10 s. */
function connectTimeout(url: DatabaseUrl): number {
  const seconds = Number(url.params.connect_timeout);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_CONNECT_TIMEOUT_MS;
}

/** Wraps a failed statement in an SqlError carrying the SQLSTATE, PostgreSQL's detail and hint. */
function toSqlError(error: unknown, sql: string, password: string | undefined): SqlError {
  const e = (error ?? {}) as PgError;
  const clean = (text: string): string => redactSecret(text, password);
  const state = e.code ? ` [${e.code}]` : "";
  const detail = e.detail ? ` (${clean(e.detail)})` : "";
  return new SqlError(`PostgreSQL error${state}: ${clean(e.message ?? String(error))}${detail}`, clean(sql), {
    hint: e.hint ? clean(e.hint) : "Check the statement shown against the current state of the database.",
    cause: error,
  });
}

class PostgresConnection implements Connection {
  readonly dialect = "postgres" as const;
  private count = 0;
  private transaction = false;
  private closed = false;
  /** An error the server sent outside any query (e.g. the backend was terminated). */
  private broken: unknown = undefined;

  constructor(
    private readonly client: pg.Client,
    private readonly password: string | undefined,
    private readonly url?: DatabaseUrl,
  ) {
    // Without a listener an asynchronous server error would crash the process.
    client.on("error", (error) => {
      this.broken = error;
    });
  }

  get queryCount(): number {
    return this.count;
  }

  get inTransaction(): boolean {
    return this.transaction;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    if (this.broken) throw toSqlError(this.broken, sql, this.password);
    this.count++;
    try {
      const result = await this.client.query(sql, params);
      // A multi-statement string returns one result per statement; the last one is the answer.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return (last?.rows ?? []) as T[];
    } catch (error) {
      throw toSqlError(error, sql, this.password);
    }
  }

  async begin(): Promise<void> {
    await this.query("BEGIN");
    this.transaction = true;
  }

  async commit(): Promise<void> {
    try {
      await this.query("COMMIT");
    } finally {
      this.transaction = false;
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.query("ROLLBACK");
    } finally {
      this.transaction = false;
    }
  }

  /** Cancels the running statement with pg_cancel_backend from a short-lived second connection. */
  async cancel(): Promise<void> {
    const pid = (this.client as unknown as { processID: number | null }).processID;
    if (!this.url || pid === null || this.closed) return;
    const other = new pg.Client({ connectionString: this.url.raw, connectionTimeoutMillis: connectTimeout(this.url) });
    other.on("error", () => undefined);
    try {
      await other.connect();
      await other.query("SELECT pg_catalog.pg_cancel_backend($1)", [pid]);
    } finally {
      await other.end().catch(() => undefined);
    }
  }

  /** The backend PID the server (or a pooler standing in for it) reported when the connection opened. */
  get reportedPid(): number | undefined {
    const pid = (this.client as unknown as { processID: number | null }).processID;
    return typeof pid === "number" ? pid : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.transaction = false;
    await this.client.end();
  }
}

/**
 * The backend PID that `conn` was told at login (BackendKeyData), or undefined for a connection
 * that is not a PostgreSQL one. A pooler hands out its own key, so it differs from pg_backend_pid().
 */
export function reportedBackendPid(conn: Connection): number | undefined {
  return conn instanceof PostgresConnection ? conn.reportedPid : undefined;
}

/**
 * Opens a connection from the URL as given (`sslmode`, `sslrootcert`, `ssl`, `host` for sockets,
 * `application_name` … are read by `pg` from the connection string). Throws ConnectionError
 * ("connection", "auth" or "database-missing") with the password masked.
 */
export async function connect(url: DatabaseUrl): Promise<Connection> {
  const timeoutMs = connectTimeout(url);
  const client = new pg.Client({ connectionString: url.raw, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {
    // Errors while connecting are reported by connect() below; this only prevents a crash.
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw toConnectionError(error, url, timeoutMs);
  }
  return new PostgresConnection(client, url.password, url);
}
