/**
 * The operation sink for offline `--sql` mode: compiles each operation and appends its SQL, with
 * bound values rendered as literals, to the output. Table definitions created earlier in the same
 * run are tracked so SQLite rebuilds can be emitted without a database.
 */
import type { Dialect, Statement } from "../dialects/dialect.js";
import type { OperationSink } from "../operations/sink.js";
import type { SqlFragment } from "../core/sql.js";
import type { Operation } from "../operations/types.js";
import { offlineQueryError } from "./online-sink.js";
import { TableTracker } from "./table-tracker.js";

/** Collects SQL text instead of executing it. */
export class OfflineSink implements OperationSink {
  readonly offline = true;
  readonly dialect;
  /** The tables as the run knows them (from the revisions before the range, then from each operation). */
  readonly tracker: TableTracker;

  constructor(
    private readonly impl: Dialect,
    private readonly emit: (sql: string) => void,
    tracker?: TableTracker,
  ) {
    this.dialect = impl.name;
    this.tracker = tracker ?? new TableTracker(impl);
  }

  /** True while the script is inside a BEGIN … COMMIT the runner wrote. */
  inTransaction = false;

  async run(op: Operation): Promise<void> {
    await this.tracker.prepare(op);
    const statements = await this.impl.compile(op, this.tracker.context);
    this.tracker.apply(op);
    for (const s of statements) {
      // As online: a statement that cannot run in a transaction ends the current one and starts the next.
      const outside = s.transactional === false && this.inTransaction;
      if (outside) this.emit("COMMIT;\n");
      this.write(s);
      if (outside) this.emit("BEGIN;\n");
    }
  }

  /** Writes one statement (used by the runner for version-table and transaction statements). */
  write(statement: Statement): void {
    const text = statement.params && statement.params.length > 0 ? this.impl.inlineParams(statement) : statement.sql;
    this.emit(`${text.trimEnd()};\n`);
  }

  async query<T>(_statement: string | SqlFragment): Promise<T[]> {
    throw offlineQueryError();
  }
}

