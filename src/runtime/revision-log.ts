/**
 * The revision log: a small table next to the version table (`<versionTable>_log`) holding, for
 * each revision, the state of its last step — which direction, whether it finished, how many of
 * its statements ran (and which), the statement that failed or was running, the error, and the
 * SHA-256 of the revision file it was applied from. On dialects with transactional DDL it is
 * written inside the revision's transaction, so a rolled-back revision leaves no trace; on MySQL
 * it is what tells a half-applied revision from a finished one.
 */
import type { Connection, Dialect, Statement } from "../dialects/dialect.js";
import type { VersionTableName } from "../core/version-table-name.js";
import { tableExists } from "./version-store.js";

/** What a step's row says about it. */
export type StepStatus = "running" | "failed" | "done";

/** One row of the revision log. */
export interface LogEntry {
  revision: string;
  direction: "up" | "down";
  /** running: started and never finished (the process died); failed: stopped by an error; done. */
  status: StepStatus;
  /** SHA-256 (hex) of the revision file when it was last applied. */
  checksum: string | null;
  /** How many statements of the step ran to completion. */
  statementsDone: number;
  /** The SQL of those statements, in order. */
  doneStatements: string[];
  /** Hash chain over the statements that ran (SQL and values), to check a resumed run replays the same ones. */
  progressHash: string | null;
  /** The statement that failed (status failed) or was running when the process stopped (status running). */
  pendingStatement: string | null;
  error: string | null;
  /** ISO time of the last change. */
  updatedAt: string;
  /**
   * JSON: the tables the step changes, as they were when it began (runtime/table-tracker.ts), so
   * a resumed step compiles against the same state as its first run. Absent in older logs.
   */
  tableState?: string | null;
}

/** A step that did not finish. */
export function isPartial(entry: LogEntry): boolean {
  return entry.status !== "done";
}

/** The log table's name: the version table's, with `_log` appended, in the same schema. */
function logTableName(versionTable: VersionTableName): VersionTableName {
  return { schema: versionTable.schema ?? null, name: `${versionTable.name}_log` };
}

const COLUMNS = [
  "revision",
  "direction",
  "status",
  "checksum",
  "statements_done",
  "done_statements",
  "progress_hash",
  "pending_statement",
  "error",
  "updated_at",
  "table_state",
] as const;

/** Rows per multi-row upsert: 11 values each stays far below every driver's bound-value limit. */
const UPSERT_CHUNK_ROWS = 500;

type Row = Record<(typeof COLUMNS)[number], unknown>;

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function parseStatements(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value ?? "[]"));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function fromRow(row: Row): LogEntry {
  const tableState = text(row.table_state);
  return {
    revision: String(row.revision),
    direction: row.direction === "down" ? "down" : "up",
    status: row.status === "done" || row.status === "failed" ? row.status : "running",
    checksum: text(row.checksum),
    statementsDone: Number(row.statements_done ?? 0),
    doneStatements: parseStatements(row.done_statements),
    progressHash: text(row.progress_hash),
    pendingStatement: text(row.pending_statement),
    error: text(row.error),
    updatedAt: String(row.updated_at ?? ""),
    ...(tableState === null ? {} : { tableState }),
  };
}

function values(entry: LogEntry): unknown[] {
  return [
    entry.revision,
    entry.direction,
    entry.status,
    entry.checksum,
    entry.statementsDone,
    JSON.stringify(entry.doneStatements),
    entry.progressHash,
    entry.pendingStatement,
    entry.error,
    entry.updatedAt,
    entry.tableState ?? null,
  ];
}

/** Reads and writes the revision log over one connection. */
export class RevisionLog {
  readonly table: VersionTableName;

  constructor(
    private readonly conn: Connection,
    private readonly dialect: Dialect,
    versionTable: VersionTableName,
  ) {
    this.table = logTableName(versionTable);
  }

  /** False for dialects without a log table definition. */
  get supported(): boolean {
    return this.dialect.versionTable.createLog !== undefined;
  }

  private quoted(): string {
    return this.dialect.quoteTable({ schema: this.table.schema, name: this.table.name });
  }

  private columnList(): string {
    return COLUMNS.map((c) => this.dialect.quoteIdentifier(c)).join(", ");
  }

  private p(index: number): string {
    return this.dialect.placeholder(index);
  }

  /** True when the log table exists. */
  async exists(): Promise<boolean> {
    return this.supported && tableExists(this.conn, this.dialect, this.table);
  }

  /** Creates the table if it is missing, and adds the columns a log written by an older version lacks. */
  async ensure(): Promise<void> {
    for (const s of this.dialect.versionTable.createLog?.(this.table) ?? []) await this.conn.query(s.sql, s.params);
    const add = this.dialect.versionTable.addLogTableState?.(this.table);
    if (add && !(await this.hasColumn("table_state"))) await this.conn.query(add.sql, add.params);
  }

  /**
   * Whether the log table has `column`: one catalog lookup of that column (never the table
   * itself, so an open transaction is never aborted), not a reflection of the whole table.
   */
  private async hasColumn(column: string): Promise<boolean> {
    const probe = this.dialect.versionTable.columnExists(this.table, column);
    const first = (await this.conn.query(probe.sql, probe.params))[0];
    return first !== undefined && Boolean(Object.values(first)[0]);
  }

  /** Every entry; empty when the table does not exist. */
  async all(): Promise<LogEntry[]> {
    if (!(await this.exists())) return [];
    // Every column, so a log from an older version (without the newer columns) still reads.
    const rows = await this.conn.query<Row>(`SELECT * FROM ${this.quoted()}`);
    return rows.map(fromRow).sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0));
  }

  /** The steps that did not finish. */
  async partial(): Promise<LogEntry[]> {
    return (await this.all()).filter(isPartial);
  }

  /** The entry of one revision. Call only after ensure() or exists(). */
  async get(revision: string): Promise<LogEntry | undefined> {
    const rows = await this.conn.query<Row>(`SELECT * FROM ${this.quoted()} WHERE ${this.dialect.quoteIdentifier("revision")} = ${this.p(1)}`, [revision]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Writes an entry, replacing the revision's previous one (`exists`: whether there is one, when the caller knows). */
  async put(entry: LogEntry, exists?: boolean): Promise<void> {
    if (exists ?? (await this.get(entry.revision)) !== undefined) return this.update(entry);
    const placeholders = COLUMNS.map((_, i) => this.p(i + 1)).join(", ");
    await this.conn.query(`INSERT INTO ${this.quoted()} (${this.columnList()}) VALUES (${placeholders})`, values(entry));
  }

  /**
   * Writes an entry without knowing whether the revision has one: one statement where the
   * dialect can say it, else a read and an insert or update. With `keepChecksum`, an existing
   * row's checksum stays (a downgrade keeps the checksum its upgrade recorded; a new row has none).
   */
  async record(entry: LogEntry, keepChecksum: boolean): Promise<void> {
    const upsert = this.dialect.versionTable.upsertLog?.(this.table, COLUMNS, keepChecksum ? ["checksum"] : []);
    if (upsert) {
      await this.conn.query(upsert, values(keepChecksum ? { ...entry, checksum: null } : entry));
      return;
    }
    const previous = await this.get(entry.revision);
    await this.put(keepChecksum ? { ...entry, checksum: previous?.checksum ?? null } : entry, previous !== undefined);
  }

  /**
   * `record` together with other writes of the same transaction (`others(first)`: statements
   * whose placeholders start at `first`): one statement where the dialect can combine writes and
   * upsert, else each on its own.
   */
  async recordWith(entry: LogEntry, keepChecksum: boolean, others: (first: number) => Statement[]): Promise<void> {
    const vt = this.dialect.versionTable;
    const upsert = vt.upsertLog?.(this.table, COLUMNS, keepChecksum ? ["checksum"] : []);
    if (upsert === undefined || vt.combineWrites === undefined) {
      for (const s of others(1)) await this.conn.query(s.sql, s.params);
      return this.record(entry, keepChecksum);
    }
    const params = values(keepChecksum ? { ...entry, checksum: null } : entry);
    const combined = vt.combineWrites({ sql: upsert, params }, others(params.length + 1));
    await this.conn.query(combined.sql, combined.params);
  }

  /**
   * `record` for many entries of one direction: one statement per chunk of rows where the
   * dialect can upsert several (the revisions of one transaction, written as it commits).
   */
  async recordAll(entries: readonly LogEntry[], keepChecksum: boolean): Promise<void> {
    for (let i = 0; i < entries.length; i += UPSERT_CHUNK_ROWS) {
      const chunk = entries.slice(i, i + UPSERT_CHUNK_ROWS);
      const upsert = this.dialect.versionTable.upsertLog?.(this.table, COLUMNS, keepChecksum ? ["checksum"] : [], chunk.length);
      if (!upsert) {
        for (const entry of chunk) await this.record(entry, keepChecksum);
        continue;
      }
      await this.conn.query(upsert, chunk.flatMap((entry) => values(keepChecksum ? { ...entry, checksum: null } : entry)));
    }
  }

  /**
   * Overwrites the existing entry of `entry.revision` (one statement: used for per-statement
   * progress). `keepTableState`: the stored table_state is already the entry's, so it is not sent again.
   */
  async update(entry: LogEntry, keepTableState = false): Promise<void> {
    const q = (c: string) => this.dialect.quoteIdentifier(c);
    const columns = COLUMNS.slice(1, keepTableState ? -1 : undefined);
    const assignments = columns.map((c, i) => `${q(c)} = ${this.p(i + 1)}`).join(", ");
    const [revision, ...rest] = values(entry);
    const set = rest.slice(0, columns.length);
    await this.conn.query(`UPDATE ${this.quoted()} SET ${assignments} WHERE ${q("revision")} = ${this.p(columns.length + 1)}`, [...set, revision]);
  }

  /** Removes a revision's entry. */
  async remove(revision: string): Promise<void> {
    await this.conn.query(`DELETE FROM ${this.quoted()} WHERE ${this.dialect.quoteIdentifier("revision")} = ${this.p(1)}`, [revision]);
  }
}
