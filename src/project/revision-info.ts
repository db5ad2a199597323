/**
 * The facts the read-only graph commands (heads, branches, history, show) report about a revision.
 */
import type { RevisionGraph } from "../revisions/index.js";
import type { Revision } from "../revisions/types.js";

/** A revision with the facts the listing commands show. */
export interface RevisionInfo {
  revision: Revision;
  isHead: boolean;
  isBase: boolean;
  isBranchPoint: boolean;
  isMergePoint: boolean;
  /** Own and inherited branch labels. */
  labels: string[];
  children: string[];
  /** Present in the version table (history -i). */
  isCurrent: boolean;
}

/** The facts about one revision that the listing commands show; `current` marks rows in the version table. */
export function revisionInfo(graph: RevisionGraph, id: string, current: ReadonlySet<string>): RevisionInfo {
  const revision = graph.get(id) as Revision;
  return {
    revision,
    isHead: graph.isHead(id),
    isBase: revision.downRevisions.length === 0,
    isBranchPoint: graph.isBranchPoint(id),
    isMergePoint: graph.isMergePoint(id),
    labels: graph.branchLabelsOf(id),
    children: graph.children(id),
    isCurrent: current.has(id),
  };
}
