/**
 * The seam between the `op` façade that revision files call and the runtime that executes (or,
 * with --sql, prints) what they build. The façade only builds Operation values and hands them here.
 */
import type { DialectName } from "../core/dialect-name.js";
import type { Operation } from "./types.js";
import type { SqlFragment } from "../core/sql.js";

/** Receives operations in the order a revision builds them. */
export interface OperationSink {
  /** The dialect of the target database, for revisions that must branch on it. */
  readonly dialect: DialectName;
  /** True under --sql: operations are printed, nothing is executed, queries are impossible. */
  readonly offline: boolean;
  /** Compiles and runs (or prints) one operation. */
  run(op: Operation): Promise<void>;
  /** Runs a query and returns its rows (data migrations). Throws when offline. */
  query<T = Record<string, unknown>>(statement: string | SqlFragment): Promise<T[]>;
  /** Runs whatever the sink compiled but held back; called once the revision's function returned. */
  drain?(): Promise<void>;
  /** Forgets what the sink held back; called when the revision's function failed. */
  discard?(): void;
}
