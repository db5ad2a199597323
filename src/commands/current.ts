/**
 * `migrate current`: the revisions recorded in the version table, any revision whose last step
 * did not finish (with the statements that ran and the one that failed), and — with `files` or
 * strict — applied revisions whose file changed since. Never creates a table.
 */
import type { ResolvedConfig } from "../config/types.js";
import { MigrateError } from "../errors.js";
import { withDatabase } from "../runtime/database.js";
import { changedRevisions, type ChangedRevision } from "../runtime/changed-revisions.js";
import { isPartial, type LogEntry } from "../runtime/revision-log.js";
import { changedError } from "../project/changed-error.js";
import { loadProject } from "../project/project.js";
import { atHeads, checkRows } from "../revisions/index.js";

/** Result of `current`. */
export interface CurrentResult {
  /** Version rows, sorted. Empty: the database is at base (or has no version table). */
  rows: string[];
  /** Which rows are heads of the graph. */
  heads: string[];
  /** Revisions whose last step did not finish (MySQL after a failure, or any run that was killed mid-way outside a transaction). */
  partial: LogEntry[];
  /** Applied revisions whose file changed since (only computed with `files` or strict). */
  changed: ChangedRevision[];
}

/** Options of `current`. */
export interface CurrentOptions {
  /** Fail unless the database is at every head. */
  checkHeads?: boolean;
  /** Compare applied revision files with the checksums recorded when they were applied. */
  files?: boolean;
  /** Fail when an applied revision file changed (also config `strict: true`). */
  strict?: boolean;
}

/** Reads the version table and the revision log. */
export async function current(config: ResolvedConfig, options: CurrentOptions = {}): Promise<CurrentResult> {
  const { graph } = loadProject(config);
  const strict = options.strict ?? config.strict;
  const { rows, partial, changed } = await withDatabase(config, {}, async (session) => {
    const rows = await session.store.read();
    checkRows(graph, rows);
    const entries = await session.log.all();
    const changed = options.files || strict ? changedRevisions(graph, rows, entries) : [];
    return { rows, partial: entries.filter(isPartial), changed };
  });
  if (strict && changed.length > 0) throw changedError(changed);
  const heads = graph.heads();
  if (options.checkHeads) {
    if (!atHeads(graph, rows) || partial.length > 0) {
      throw new MigrateError("not-up-to-date", `The database is not up to date: current ${rows.length ? rows.join(", ") : "<base>"}${partial.length ? ` (${partial.map((p) => p.revision).join(", ")} partially applied)` : ""}, head ${heads.join(", ")}.`, {
        hint: partial.length ? "Run `migrate current` for the partially applied revision and how to go on." : "Run `migrate upgrade heads`.",
      });
    }
  }
  return { rows, heads: rows.filter((r) => heads.includes(r)), partial, changed };
}
