/**
 * `migrate check`: does the database match schema.ts? Made for CI: the result lists the pending
 * operations (and, with --diff, a unified diff of both schemas' DDL) and the differences
 * autogenerate does not manage (with why); the CLI exits 1 when there is either. It also reports applied revision files edited since they ran (an error with
 * --strict).
 */
import { createTwoFilesPatch } from "diff";
import type { ResolvedConfig } from "../config/types.js";
import { describeOperation } from "../operations/describe.js";
import type { Operation } from "../operations/types.js";
import { findChangedRevisions, type ChangedRevision } from "../runtime/changed-revisions.js";
import { withDatabase } from "../runtime/database.js";
import { changedError } from "../project/changed-error.js";
import { loadProject } from "../project/project.js";
import { schemaDdl } from "../project/schema-ddl.js";
import { diffModelWithDatabase, loadTarget } from "../project/schema-diff.js";
import type { EventSink } from "../runtime/events.js";

/** Options of check. */
export interface CheckOptions {
  /** Also produce a unified diff of the DDL of both schemas. */
  diff?: boolean;
  /** Fail when an applied revision file changed since it was applied (also config `strict`). */
  strict?: boolean;
  /** Progress while it reflects and compares. */
  events?: EventSink;
}

/** What check found. */
export interface CheckResult {
  operations: Operation[];
  /** One line per pending operation. */
  pending: string[];
  warnings: string[];
  /** Differences autogenerate does not manage, each with its reason: check fails on these too. */
  unmanaged: string[];
  /** Unified diff database → model, with --diff. */
  ddlDiff?: string;
  /** Applied revisions whose file changed since they were applied. */
  changed: ChangedRevision[];
}

/** Compares the model with the database. */
export async function check(config: ResolvedConfig, options: CheckOptions = {}): Promise<CheckResult> {
  const project = loadProject(config);
  const model = await loadTarget(config);
  return withDatabase(config, {}, async (session) => {
    const changed = await findChangedRevisions(session, project);
    if (changed.length > 0 && (options.strict ?? config.strict)) throw changedError(changed);
    const diff = await diffModelWithDatabase(session, model, options.events);
    const result: CheckResult = { operations: diff.operations, pending: diff.operations.map(describeOperation), warnings: diff.warnings, unmanaged: diff.unmanaged, changed };
    if (options.diff && diff.operations.length > 0) {
      const [before, after] = await Promise.all([schemaDdl(session.dialect, diff.actual), schemaDdl(session.dialect, diff.target)]);
      result.ddlDiff = createTwoFilesPatch("database", "schema.ts", before, after, "", "", { context: 3 });
    }
    return result;
  });
}
