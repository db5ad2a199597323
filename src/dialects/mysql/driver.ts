/**
 * The MySQL/MariaDB connection: a thin wrapper over one mysql2/promise Connection that counts
 * statements, tracks the transaction started with begin(), and binds values server-side.
 */
import mysql from "mysql2/promise";
import type { Connection } from "../dialect.js";
import type { DatabaseUrl } from "../../core/database-url.js";
import { ConnectionError } from "../../errors.js";
import { displayUrl } from "../../core/database-url.js";
import { toConnectionError } from "./connection-errors.js";

/** Statements with values go through prepared statements; this caps how many stay cached. */
const MAX_PREPARED_STATEMENTS = 64;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Builds mysql2 options from a parsed URL (fields rather than `uri`, so the URL is parsed once). */
export function connectionOptions(url: DatabaseUrl): mysql.ConnectionOptions {
  const params = url.params;
  const options: mysql.ConnectionOptions = {
    host: url.host,
    port: url.port,
    user: url.user,
    password: url.password,
    database: url.database,
    // One statement per call: a value can never smuggle in a second statement.
    multipleStatements: false,
    // DATE/DATETIME/TIMESTAMP come back as the server's text: no silent time-zone shifts in data migrations.
    dateStrings: true,
    supportBigNumbers: true,
    // Date objects sent as parameters are written in UTC (and --sql output renders them the same way).
    timezone: "Z",
    charset: params.charset ?? "utf8mb4",
    connectTimeout: Number(params.connectTimeout) > 0 ? Number(params.connectTimeout) : DEFAULT_CONNECT_TIMEOUT_MS,
    maxPreparedStatements: MAX_PREPARED_STATEMENTS,
  };
  const socket = params.socketPath ?? params.socket;
  if (socket) options.socketPath = socket;
  const ssl = params.ssl?.toLowerCase();
  if (ssl === "true" || ssl === "1" || ssl === "required") options.ssl = {};
  return options;
}

/** What mysql2's execute() accepts as values. */
type BindValues = NonNullable<Parameters<mysql.Connection["execute"]>[1]>;

/** Values as mysql2 binds them: undefined means NULL here, everything else mysql2 converts itself. */
function driverValues(params: unknown[]): BindValues {
  return params.map((value) => (value === undefined ? null : value)) as BindValues;
}

/** The rows of a result, or [] for statements that return none (DDL, INSERT, …). */
function rowsOf<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  // A CALL returns several result sets; the first one holds the rows.
  if (result.length > 0 && Array.isArray(result[0])) return result[0] as T[];
  return result as T[];
}

/** A live MySQL/MariaDB connection implementing the dialect Connection contract. */
export class MysqlConnection implements Connection {
  readonly dialect = "mysql" as const;
  #conn: mysql.Connection;
  #count = 0;
  #inTransaction = false;

  constructor(conn: mysql.Connection) {
    this.#conn = conn;
  }

  get queryCount(): number {
    return this.#count;
  }

  /**
   * Tracks begin()/commit()/rollback() only. MySQL also commits implicitly before and after every
   * DDL statement, which is why the dialect reports transactionalDdl = false.
   */
  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  /** The server's id for this session (what IS_USED_LOCK and SHOW PROCESSLIST report). */
  get threadId(): number {
    return this.#conn.threadId;
  }

  async query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    this.#count++;
    if (params && params.length > 0) {
      // execute() binds server-side; values are never spliced into the text.
      const [result] = await this.#conn.execute(sql, driverValues(params));
      return rowsOf<T>(result);
    }
    // Without values use the text protocol: not every statement can be prepared.
    const [result] = await this.#conn.query(sql);
    return rowsOf<T>(result);
  }

  async begin(): Promise<void> {
    await this.query("START TRANSACTION");
    this.#inTransaction = true;
  }

  async commit(): Promise<void> {
    await this.query("COMMIT");
    this.#inTransaction = false;
  }

  async rollback(): Promise<void> {
    try {
      await this.query("ROLLBACK");
    } finally {
      this.#inTransaction = false;
    }
  }

  async close(): Promise<void> {
    try {
      await this.#conn.end();
    } catch {
      // The socket is already gone (server restart, killed session): nothing is left to close politely.
      this.#conn.destroy();
    }
  }
}

/** Opens a connection; every failure becomes a ConnectionError with the password masked. */
export async function connect(url: DatabaseUrl): Promise<MysqlConnection> {
  if (!url.database) {
    throw new ConnectionError("url", `The MySQL URL ${displayUrl(url)} names no database.`, {
      hint: "Add the database name to the path, e.g. mysql://user@127.0.0.1:3306/mydb.",
    });
  }
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection(connectionOptions(url));
  } catch (error) {
    throw toConnectionError(error, url);
  }
  // Without this listener a dropped socket would be an unhandled 'error' event and crash the process;
  // the next query reports the failure instead.
  conn.on("error", () => undefined);
  return new MysqlConnection(conn);
}
