/**
 * The PostgreSQL Connection, on one `pg.Client`. It counts statements (tests use the count to
 * prove reflection is O(1) in queries), tracks BEGIN/COMMIT/ROLLBACK, and turns driver failures
 * into MigrateErrors whose text never holds the password.
 */
import { createConnection } from "node:net";
import pg from "./pg.js";
import { SqlError } from "../../errors.js";
import { redactSecret } from "../../core/database-url.js";
import type { BeginOptions, Connection } from "../dialect.js";
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
  /** begin() was called and BEGIN has not been sent yet: the text to send before the next statement. */
  private beginPending: string | undefined = undefined;
  private closed = false;
  /** An error the server sent outside any query (e.g. the backend was terminated). */
  private broken: unknown = undefined;

  constructor(
    private readonly client: pg.Client,
    private readonly password: string | undefined,
    private readonly url?: DatabaseUrl,
    /** pg_backend_pid() as read right after connecting: the server session that served it. */
    readonly serverPid?: number,
  ) {
    // Without a listener an asynchronous server error would crash the process.
    client.on("error", (error) => {
      this.broken = error;
    });
  }

  get queryCount(): number {
    return this.count;
  }

  readonly nonDurableCommits = true;

  get inTransaction(): boolean {
    return this.transaction;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    if (this.broken) throw toSqlError(this.broken, sql, this.password);
    const begin = this.beginPending;
    if (begin !== undefined) {
      this.beginPending = undefined;
      await this.query(begin);
    }
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

  /**
   * Opens a transaction. BEGIN is sent just before the transaction's first statement, so a
   * transaction in which nothing runs costs nothing. With `durable: false` the same message sets
   * `synchronous_commit` off for this transaction only (SET LOCAL: nothing leaks to a pooler's
   * other clients), so its COMMIT does not wait for the WAL flush. WAL is written and flushed in
   * order, so the next synchronous commit of a transaction that wrote anything makes it durable.
   */
  async begin(options?: BeginOptions): Promise<void> {
    if (!this.transaction) this.beginPending = beginCommand(options);
    this.transaction = true;
  }

  async commit(): Promise<void> {
    await this.end("COMMIT");
  }

  /**
   * COMMIT and the next BEGIN in one message: a run of per-revision transactions saves a round
   * trip per revision. In a multi-statement message PostgreSQL skips what follows a failed
   * statement, so a failed COMMIT (rolled back, as ever) leaves no transaction open.
   */
  async commitAndBegin(next?: BeginOptions): Promise<void> {
    if (this.beginPending !== undefined || !this.transaction) {
      // Nothing ran (or nothing is open): there is nothing to commit, and the next BEGIN can wait as usual.
      this.beginPending = undefined;
      this.transaction = false;
      return this.begin(next);
    }
    try {
      await this.query(`COMMIT; ${beginCommand(next)}`);
    } catch (error) {
      this.transaction = false;
      throw error;
    }
  }

  async rollback(): Promise<void> {
    await this.end("ROLLBACK");
  }

  /** COMMIT or ROLLBACK; a transaction in which nothing ran was never opened on the server. */
  private async end(command: "COMMIT" | "ROLLBACK"): Promise<void> {
    try {
      if (this.beginPending !== undefined) this.beginPending = undefined;
      else await this.query(command);
    } finally {
      this.transaction = false;
    }
  }

  /**
   * Cancels the running statement. Directly: pg_cancel_backend from a short-lived second
   * connection, which says whether it found the statement's backend. Through a pooler the PID
   * the connection knows is the pooler's own invention (and pg_cancel_backend of it would miss,
   * or hit a stranger), so the protocol's CancelRequest with the connection's key goes to the
   * pooler, which passes it to the server session running our statement. Throws when it could
   * not ask, so nobody is told a statement was cancelled that was not.
   */
  async cancel(): Promise<void> {
    const pid = this.reportedPid;
    if (!this.url || pid === undefined || this.closed) return;
    if (this.pooled) return sendCancelRequest(this.client, pid);
    const other = new pg.Client({ connectionString: this.url.raw, connectionTimeoutMillis: connectTimeout(this.url) });
    other.on("error", () => undefined);
    try {
      await other.connect();
      const { rows } = await other.query<{ cancelled: boolean }>("SELECT pg_catalog.pg_cancel_backend($1) AS cancelled", [pid]);
      if (rows[0]?.cancelled !== true) throw new Error(`PostgreSQL did not cancel backend ${pid}`);
    } finally {
      await other.end().catch(() => undefined);
    }
  }

  /** The backend PID the server (or a pooler standing in for it) reported when the connection opened. */
  get reportedPid(): number | undefined {
    const pid = (this.client as unknown as { processID: number | null }).processID;
    return typeof pid === "number" ? pid : undefined;
  }

  /** True when a pooler stands between: the PID given at login is not the serving session's (read at connect). */
  get pooled(): boolean {
    return this.serverPid !== undefined && this.serverPid !== this.reportedPid;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.transaction = false;
    this.beginPending = undefined;
    await this.client.end();
  }
}

/** The message that opens a transaction (`durable: false`: one whose COMMIT does not wait for the WAL flush). */
function beginCommand(options?: BeginOptions): string {
  return options?.durable === false ? "BEGIN; SET LOCAL synchronous_commit TO off" : "BEGIN";
}

/**
 * The backend PID that `conn` was told at login (BackendKeyData), or undefined for a connection
 * that is not a PostgreSQL one. A pooler hands out its own key, so it differs from pg_backend_pid().
 */
export function reportedBackendPid(conn: Connection): { reported: number | undefined; server: number | undefined } | undefined {
  return conn instanceof PostgresConnection ? { reported: conn.reportedPid, server: conn.serverPid } : undefined;
}

/**
 * The protocol's CancelRequest (length 16, code 80877102, PID, secret key) on a connection of
 * its own to where `client` connected, as libpq's PQcancel sends it; resolves once the other side
 * has closed that connection (it has then passed the request on).
 */
function sendCancelRequest(client: pg.Client, pid: number): Promise<void> {
  const c = client as unknown as { host: string; port: number; secretKey: number | null };
  const secret = c.secretKey ?? 0;
  return new Promise((resolve, reject) => {
    const socket = c.host.startsWith("/") ? createConnection({ path: `${c.host}/.s.PGSQL.${c.port}` }) : createConnection({ host: c.host, port: c.port });
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer to the cancel request")));
    socket.once("connect", () => {
      const packet = Buffer.alloc(16);
      packet.writeInt32BE(16, 0);
      packet.writeInt32BE(80877102, 4);
      packet.writeInt32BE(pid, 8);
      packet.writeInt32BE(secret, 12);
      // Like PQcancel: send, then wait for the other side to close once it has acted on it. Closing
      // first is an "unexpected eof" to PgBouncer, and PgBouncer 1.18 can crash on it.
      socket.write(packet);
    });
    socket.once("error", reject);
    socket.once("end", () => socket.destroy());
    socket.once("close", (hadError) => (hadError ? undefined : resolve()));
  });
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
  // Which server session serves this connection: compared with the PID given at login, it tells a pooler apart.
  const served = await client.query<{ pid: number }>("SELECT pg_catalog.pg_backend_pid() AS pid").catch(() => undefined);
  return new PostgresConnection(client, url.password, url, served?.rows[0]?.pid);
}
