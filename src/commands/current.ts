/**
 * `migrate current`: the revisions recorded in the version table. Never creates the table.
 */
import type { ResolvedConfig } from "../config/types.js";
import { MigrateError } from "../errors.js";
import { withDatabase } from "../runtime/database.js";
import { loadProject } from "./project.js";
import { checkRows } from "../revisions/index.js";

/** Result of `current`. */
export interface CurrentResult {
  /** Version rows, sorted. Empty: the database is at base (or has no version table). */
  rows: string[];
  /** Which rows are heads of the graph. */
  heads: string[];
}

/** Options of `current`. */
export interface CurrentOptions {
  /** Fail unless the database is at every head. */
  checkHeads?: boolean;
}

/** Reads the version table. */
export async function current(config: ResolvedConfig, options: CurrentOptions = {}): Promise<CurrentResult> {
  const { graph } = loadProject(config);
  const rows = await withDatabase(config, {}, (s) => s.store.read());
  checkRows(graph, rows);
  const heads = graph.heads();
  if (options.checkHeads) {
    const missing = heads.filter((h) => !rows.includes(h));
    if (missing.length > 0 || rows.length !== heads.length) {
      throw new MigrateError("not-up-to-date", `The database is not up to date: current ${rows.length ? rows.join(", ") : "<base>"}, head ${heads.join(", ")}.`, {
        hint: "Run `migrate upgrade heads`.",
      });
    }
  }
  return { rows, heads: rows.filter((r) => heads.includes(r)) };
}
