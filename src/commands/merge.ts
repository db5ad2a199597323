/** `migrate merge REVS... -m MSG`: a revision joining two or more revisions (usually the heads). */
import type { ResolvedConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import { createRevision, type RevisionResult } from "../project/new-revision.js";
import { loadProject } from "../project/project.js";
import { resolveTargets } from "../revisions/index.js";

/** Options of `merge`. */
export interface MergeOptions {
  revisions: string[];
  message: string;
  branchLabel?: string[];
  revId?: string;
}

/** `migrate merge REVS... -m MSG`: a revision whose parents are the given revisions (e.g. `heads`). */
export async function merge(config: ResolvedConfig, options: MergeOptions): Promise<RevisionResult> {
  const project = loadProject(config);
  const parents = resolveTargets(project.graph, options.revisions, [], "up");
  if (parents.length < 2) {
    throw new UsageError(`Merging needs at least two revisions; "${options.revisions.join(" ")}" resolves to ${parents.join(", ") || "none"}.`, {
      hint: "Name two or more heads, or use `heads`.",
    });
  }
  const sorted = parents.sort();
  // A merge joins histories and changes nothing; the body says so instead of inviting an edit.
  const body = `  // Merges ${sorted.join(" and ")}: nothing to change.`;
  return createRevision(project, sorted, { message: options.message, branchLabel: options.branchLabel, revId: options.revId, upgradeBody: body, downgradeBody: body });
}
