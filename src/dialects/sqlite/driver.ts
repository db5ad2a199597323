/**
 * The SQLite Connection, on one better-sqlite3 database handle. Besides running statements it
 * owns the transaction layering the migration lock relies on: while the lock holds the outer
 * `BEGIN IMMEDIATE`, begin/commit/rollback become SAVEPOINT / RELEASE / ROLLBACK TO, so each
 * revision is atomic and a failed revision leaves the earlier ones in place. Every transaction
 * it opens runs with foreign keys off, so a rebuild's DROP TABLE never cascades into child rows.
 */
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { ConnectionError, SqlError } from "../../errors.js";
import type { Connection } from "../dialect.js";
import type { DatabaseUrl } from "../../core/database-url.js";
import { toSqlError } from "./sql-errors.js";

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

type Frame = { kind: "begin"; foreignKeys: boolean } | { kind: "savepoint"; name: string };

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; convert the rest. */
function bindable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** A live SQLite connection. Created by `connect`; the lock module drives its lock methods. */
export class SqliteConnection implements Connection {
  readonly dialect = "sqlite" as const;
  #count = 0;
  #frames: Frame[] = [];
  /** foreign_keys as it was before the lock turned it off; undefined while no lock is held. */
  #lockForeignKeys: boolean | undefined;

  constructor(
    private readonly db: Database.Database,
    private busyTimeoutMs: number,
    /** The URL set `?timeout=`: it then wins over the lock timeout. */
    private readonly explicitTimeout = false,
  ) {}

  /**
   * Makes every later wait for another connection's lock (a reader blocking COMMIT, a writer
   * holding the file) last as long as the migration lock may: `--lock-timeout` means one thing on
   * every dialect. An explicit `?timeout=` in the URL is kept.
   */
  followLockTimeout(ms: number): void {
    if (this.explicitTimeout) return;
    this.busyTimeoutMs = ms;
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.round(ms))}`);
  }

  get queryCount(): number {
    return this.#count;
  }

  get inTransaction(): boolean {
    return this.#frames.length > 0;
  }

  /** True while the migration lock's outer transaction is open. */
  get holdsLock(): boolean {
    return this.#lockForeignKeys !== undefined;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.#count++;
    return this.#run(sql, params) as T[];
  }

  #run(sql: string, params: unknown[]): unknown[] {
    let statement: Database.Statement;
    try {
      statement = this.db.prepare(sql);
    } catch (error) {
      // prepare() takes one statement; a plain multi-statement script (op.execute) runs whole.
      if (error instanceof RangeError && /more than one statement/.test(error.message) && params.length === 0) {
        try {
          this.db.exec(sql);
          return [];
        } catch (inner) {
          throw toSqlError(inner, sql);
        }
      }
      if (error instanceof RangeError && /no statements/.test(error.message)) return [];
      throw toSqlError(error, sql);
    }
    try {
      const values = params.map(bindable);
      if (statement.reader) return statement.all(...values);
      statement.run(...values);
      return [];
    } catch (error) {
      throw toSqlError(error, sql);
    }
  }

  #exec(sql: string): void {
    this.#count++;
    this.#run(sql, []);
  }

  #foreignKeys(): boolean {
    return this.db.pragma("foreign_keys", { simple: true }) === 1;
  }

  #setForeignKeys(on: boolean): void {
    this.#exec(`PRAGMA foreign_keys = ${on ? "ON" : "OFF"}`);
  }

  async begin(): Promise<void> {
    if (this.db.inTransaction) {
      const name = `athanor_sp_${this.#frames.length + 1}`;
      this.#exec(`SAVEPOINT ${name}`);
      this.#frames.push({ kind: "savepoint", name });
      return;
    }
    // foreign_keys cannot change inside a transaction, so switch it off before BEGIN.
    const foreignKeys = this.#foreignKeys();
    this.#setForeignKeys(false);
    try {
      this.#exec("BEGIN IMMEDIATE");
    } catch (error) {
      this.#setForeignKeys(foreignKeys);
      throw error;
    }
    this.#frames.push({ kind: "begin", foreignKeys });
  }

  async commit(): Promise<void> {
    const frame = this.#frames.pop();
    if (!frame) throw new SqlError("COMMIT without an open transaction.", "COMMIT", { hint: "This is a bug in the caller: begin() must come first." });
    if (frame.kind === "savepoint") {
      this.#exec(`RELEASE ${frame.name}`);
      return;
    }
    this.#exec("COMMIT");
    this.#setForeignKeys(frame.foreignKeys);
  }

  async rollback(): Promise<void> {
    const frame = this.#frames.pop();
    if (!frame) return;
    this.#resetLegacyAlterTable();
    if (frame.kind === "savepoint") {
      if (this.db.inTransaction) {
        this.#exec(`ROLLBACK TO ${frame.name}`);
        this.#exec(`RELEASE ${frame.name}`);
      }
      return;
    }
    if (this.db.inTransaction) this.#exec("ROLLBACK");
    this.#setForeignKeys(frame.foreignKeys);
  }

  /**
   * A rebuild switches legacy_alter_table on around its final RENAME (so views on the table do
   * not block it). If a statement in between failed, make sure the setting does not outlive it:
   * with it on, later renames would stop updating references in views, triggers and FKs.
   */
  #resetLegacyAlterTable(): void {
    this.#exec("PRAGMA legacy_alter_table = OFF");
  }

  /**
   * One attempt at the lock: turns foreign keys off and tries `BEGIN IMMEDIATE` without
   * waiting. Returns false when another connection holds the write lock (SQLITE_BUSY).
   */
  tryLock(): boolean {
    if (this.holdsLock || this.db.inTransaction) {
      throw new SqlError("The migration lock was requested inside an open transaction.", "BEGIN IMMEDIATE", {
        hint: "This is a bug in the caller: take the lock before beginning any transaction.",
      });
    }
    const foreignKeys = this.#foreignKeys();
    this.#setForeignKeys(false);
    this.db.pragma("busy_timeout = 0");
    try {
      this.#exec("BEGIN IMMEDIATE");
      this.#lockForeignKeys = foreignKeys;
      return true;
    } catch (error) {
      this.#setForeignKeys(foreignKeys);
      if (error instanceof SqlError && (error.cause as { code?: string } | undefined)?.code?.startsWith("SQLITE_BUSY")) return false;
      throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    }
  }

  /**
   * Ends the lock: rolls back revisions still open (they did not finish), commits the outer
   * transaction with every finished revision, and restores foreign_keys.
   */
  unlock(): void {
    if (!this.holdsLock) return;
    const foreignKeys = this.#lockForeignKeys ?? true;
    try {
      while (this.#frames.length > 0) {
        const frame = this.#frames.pop();
        if (frame?.kind === "savepoint" && this.db.inTransaction) {
          this.#exec(`ROLLBACK TO ${frame.name}`);
          this.#exec(`RELEASE ${frame.name}`);
        }
      }
      this.#resetLegacyAlterTable();
      if (this.db.inTransaction) this.#exec("COMMIT");
    } finally {
      this.#lockForeignKeys = undefined;
      if (!this.db.inTransaction) this.#setForeignKeys(foreignKeys);
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Opens the database file of `url` (or an in-memory database); failures become ConnectionErrors. */
export async function connect(url: DatabaseUrl): Promise<Connection> {
  const file = url.file ?? ":memory:";
  const readonly = url.params.mode === "ro";
  const timeout = Number(url.params.timeout);
  const explicitTimeout = url.params.timeout !== undefined && Number.isFinite(timeout) && timeout >= 0;
  const busyTimeoutMs = explicitTimeout ? timeout : DEFAULT_BUSY_TIMEOUT_MS;
  if (file !== ":memory:") {
    const dir = dirname(file);
    if (!existsSync(dir)) {
      throw new ConnectionError("connection", `Cannot open the SQLite database ${file}: the directory ${dir} does not exist.`, {
        hint: "Create the directory first, or fix the path in the URL (a relative sqlite: path is resolved from the config file's folder).",
      });
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      throw new ConnectionError("connection", `Cannot open the SQLite database ${file}: it is a directory.`, {
        hint: "Point the sqlite: URL at a database file inside that directory, e.g. sqlite:data/app.db.",
      });
    }
    if (readonly && !existsSync(file)) {
      throw new ConnectionError("database-missing", `The SQLite database ${file} does not exist (opened read-only, so it is not created).`, {
        hint: "Drop ?mode=ro to let athanor create the file, or fix the path.",
      });
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly, timeout: busyTimeoutMs });
    // Opening is lazy: reading the schema is what reveals a file that is not a database. Another
    // connection writing to it (SQLITE_BUSY) is no failure here: the migration lock waits for it,
    // with the waiting message and --lock-timeout, like on the other dialects.
    probe(db, busyTimeoutMs);
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code;
    const notADatabase = code === "SQLITE_NOTADB";
    throw new ConnectionError("connection", `Cannot open the SQLite database ${file}: ${(error as Error).message}.`, {
      hint: notADatabase
        ? "The file exists but is not an SQLite database; point the URL at the right file."
        : "Check that the file is readable and writable by this user and not locked by another program.",
      cause: error,
    });
  }
  return new SqliteConnection(db, busyTimeoutMs, explicitTimeout);
}

/** Reads the schema once without waiting; throws unless it worked or the file is busy. */
function probe(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma("busy_timeout = 0");
  try {
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
  } catch (error) {
    if (!String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY")) throw error;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }
}
