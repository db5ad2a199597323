/**
 * The operation sink for a live database: compiles each operation for the dialect and runs its
 * statements on the connection, committing around statements that cannot run in a transaction.
 */
import type { CompileContext, Connection, Dialect, Statement } from "../dialects/dialect.js";
import { MigrateError, SqlError, isMigrateError } from "../errors.js";
import type { OperationSink } from "../operations/sink.js";
import { isSqlFragment, joinFragment, type SqlFragment } from "../operations/sql.js";
import type { Operation } from "../operations/types.js";
import { redactUrl } from "../config/url.js";

/** Called for each statement before it runs (progress records, --verbose echo). */
export type StatementListener = (statement: Statement) => void | Promise<void>;

/** Runs compiled statements on a connection. */
export class OnlineSink implements OperationSink {
  readonly offline = false;
  readonly dialect;
  private readonly compileContext: CompileContext;

  constructor(
    private readonly conn: Connection,
    private readonly impl: Dialect,
    private readonly onStatement?: StatementListener,
  ) {
    this.dialect = impl.name;
    this.compileContext = { offline: false, tableState: (ref) => impl.reflectTable(conn, ref) };
  }

  async run(op: Operation): Promise<void> {
    const statements = await this.impl.compile(op, this.compileContext);
    for (const statement of statements) await this.execute(statement);
  }

  async query<T = Record<string, unknown>>(statement: string | SqlFragment): Promise<T[]> {
    const { sql, params } = isSqlFragment(statement) ? joinFragment(statement, (i) => this.impl.placeholder(i)) : { sql: statement, params: [] };
    return (await this.execute({ sql, params })) as T[];
  }

  /** Runs one statement, committing around it when it cannot run inside a transaction. */
  private async execute(statement: Statement): Promise<unknown[]> {
    await this.onStatement?.(statement);
    const outside = statement.transactional === false && this.conn.inTransaction;
    if (outside) await this.conn.commit();
    try {
      const rows = await this.conn.query(statement.sql, statement.params);
      if (statement.checkForeignKeys) await this.impl.verifyRevision?.(this.conn);
      return rows;
    } catch (error) {
      if (isMigrateError(error)) throw error;
      throw new SqlError(`SQL failed: ${redactUrl((error as Error).message ?? String(error))}`, statement.sql, {
        hint: "Fix the revision (the statement is shown above), then run the command again.",
        cause: error,
      });
    } finally {
      if (outside) await this.conn.begin();
    }
  }
}

/** Raised when a data query is attempted under --sql. */
export function offlineQueryError(): MigrateError {
  return new MigrateError("usage", "op.query() cannot run in offline --sql mode: there is no database to read from.", {
    hint: "Guard data-reading code with `if (!op.offline)`, or run the migration online.",
    exitCode: 2,
  });
}
