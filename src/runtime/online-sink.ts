/**
 * The operation sink for a live database: compiles each operation for the dialect and runs its
 * statements on the connection, committing around statements that cannot run in a transaction.
 *
 * Where DDL is not transactional (MySQL) nothing can be rolled back, so the sink compiles first:
 * every operation is compiled as the revision builds it, but statements are held back until the
 * revision's function returns (or reads data with op.query). An operation the dialect cannot
 * express therefore fails before any statement of the revision has run.
 */
import type { Connection, Dialect, ForeignKeyScope, Statement } from "../dialects/dialect.js";
import { MigrateError, SqlError, isMigrateError } from "../errors.js";
import type { OperationSink } from "../operations/sink.js";
import { isSqlFragment, joinFragment, type SqlFragment } from "../core/sql.js";
import type { Operation } from "../operations/types.js";
import { redactUrl } from "../core/database-url.js";
import { TableTracker } from "./table-tracker.js";
import { ForeignKeyScopeCollector, foreignKeyScope } from "./foreign-key-scope.js";
import { throwIfInterrupted, yieldToSignals } from "./interrupt.js";

/** Called for each statement before it runs (the --verbose echo). */
export type StatementListener = (statement: Statement) => void | Promise<void>;

/** Where a statement came from: an operation (`op.createTable`, …) or a data query (`op.query`). */
export type StatementOrigin = "operation" | "query";

/**
 * Progress hooks around every statement. `autocommit` is true when the statement commits on its
 * own (no transaction is open, or it must run outside one), which is when progress has to reach
 * the database before and after it.
 */
export interface StatementHooks {
  /** Called first; returning false skips the statement (a resumed revision replaying what already ran). */
  before(statement: Statement, origin: StatementOrigin, autocommit: boolean): Promise<boolean>;
  /** Called once the statement succeeded. */
  after(statement: Statement, autocommit: boolean): Promise<void>;
}

/** Runs compiled statements on a connection. */
export class OnlineSink implements OperationSink {
  readonly offline = false;
  readonly dialect;
  private readonly tracker: TableTracker;
  private stopped: { reason: unknown } | undefined;
  private inFlight: Promise<unknown> = Promise.resolve();
  private running = 0;
  /** Compile-first mode: statements compiled but not yet run, and the tables they change. */
  private readonly compileFirst: boolean;
  private pending: Statement[] = [];
  /** Whether held-back statements include raw SQL (op.execute), which may change any table. */
  private pendingRawSql = false;
  /** The tables this revision's operations and queries touched, for its foreign-key check. */
  private readonly touched = new ForeignKeyScopeCollector();

  /**
   * One sink per revision step: `hooks` record its progress, `onStatement` echoes (--verbose),
   * `commitOpen` commits the open transaction before a statement that must run outside one (the
   * runner's, which first writes what it held back for that transaction), `tracker` is the run's
   * table state (one per run, so a revision compiles against what the revisions before it left).
   */
  constructor(
    private readonly conn: Connection,
    private readonly impl: Dialect,
    private readonly hooks?: StatementHooks,
    private readonly onStatement?: StatementListener,
    private readonly commitOpen: () => Promise<void> = () => conn.commit(),
    tracker?: TableTracker,
  ) {
    this.dialect = impl.name;
    this.compileFirst = !impl.capabilities.transactionalDdl;
    this.tracker = tracker ?? new TableTracker(impl, (ref) => impl.reflectTable(conn, ref));
  }

  /** The tables the revision's operations and queries touched so far (verifyRevision's scope). */
  get foreignKeyScope(): ForeignKeyScope {
    return this.touched.scope;
  }

  async run(op: Operation): Promise<void> {
    // Compile is pure: the table state comes from the tracker, reflected at most once per table.
    await this.tracker.prepare(op);
    const statements = await this.impl.compile(op, this.tracker.context);
    this.tracker.apply(op);
    const scope = foreignKeyScope(op);
    this.touched.add(scope);
    if (!this.compileFirst) {
      for (const statement of statements) await this.execute(statement, "operation", scope);
      if (op.kind === "execute") this.tracker.invalidate();
      return;
    }
    this.pending.push(...statements);
    if (op.kind === "execute") this.pendingRawSql = true;
  }

  async query<T = Record<string, unknown>>(statement: string | SqlFragment): Promise<T[]> {
    await this.drain();
    const { sql, params } = isSqlFragment(statement) ? joinFragment(statement, (i) => this.impl.placeholder(i)) : { sql: statement, params: [] };
    // A data query may change rows of any table.
    this.touched.add("any");
    return (await this.execute({ sql, params }, "query")) as T[];
  }

  /** Runs the held-back statements, in order. */
  async drain(): Promise<void> {
    const statements = this.pending;
    const rawSql = this.pendingRawSql;
    this.discard();
    for (const statement of statements) await this.execute(statement, "operation");
    if (rawSql) this.tracker.invalidate();
  }

  /** Drops the held-back statements (the revision failed before any of them ran). */
  discard(): void {
    this.pending = [];
    this.pendingRawSql = false;
  }

  /**
   * Refuses every later statement with `reason`. Used when a run is interrupted: the revision's
   * code may still be running, detached, and must not reach the database any more.
   */
  stop(reason: unknown): void {
    this.stopped ??= { reason };
  }

  /** Resolves once the statement in flight, if any, has settled. */
  async idle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }

  /** True while a statement is running. */
  get busy(): boolean {
    return this.running > 0;
  }

  private execute(statement: Statement, origin: StatementOrigin, scope: ForeignKeyScope = "any"): Promise<unknown[]> {
    if (this.stopped) return Promise.reject(this.stopped.reason);
    this.running++;
    const running = yieldToSignals()
      .then(() => {
        // A signal that came during the previous statement stops the revision before the next one.
        throwIfInterrupted();
        return this.executeNow(statement, origin, scope);
      })
      .finally(() => this.running--);
    this.inFlight = running;
    return running;
  }

  /** Runs one statement, committing around it when it cannot run inside a transaction. */
  private async executeNow(statement: Statement, origin: StatementOrigin, scope: ForeignKeyScope): Promise<unknown[]> {
    const outside = statement.transactional === false && this.conn.inTransaction;
    const autocommit = outside || !this.conn.inTransaction;
    if (this.hooks && !(await this.hooks.before(statement, origin, autocommit))) return [];
    await this.onStatement?.(statement);
    if (outside) await this.commitOpen();
    let rows: unknown[];
    try {
      rows = await this.conn.query(statement.sql, statement.params);
      if (statement.checkForeignKeys) await this.impl.verifyRevision?.(this.conn, scope);
      await this.hooks?.after(statement, autocommit);
    } catch (error) {
      if (isMigrateError(error)) throw error;
      throw new SqlError(`SQL failed: ${redactUrl((error as Error).message ?? String(error))}`, statement.sql, {
        hint: "Fix the revision (the statement is shown above), then run the command again.",
        cause: error,
      });
    } finally {
      if (outside) await this.conn.begin();
    }
    return rows;
  }
}

/** Raised when a data query is attempted under --sql. */
export function offlineQueryError(): MigrateError {
  return new MigrateError("usage", "op.query() cannot run in offline --sql mode: there is no database to read from.", {
    hint: "Guard data-reading code with `if (!op.offline)`, or run the migration online.",
    exitCode: 2,
  });
}
