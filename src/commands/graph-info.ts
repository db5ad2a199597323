/**
 * Read-only graph commands: heads, branches, history, show. They read revision headers only —
 * no revision module is imported — and touch the database only for `history -i` / `current`
 * endpoints.
 */
import type { ResolvedConfig } from "../config/types.js";
import { historyOrder, historyRange, parseRange, resolveRevision, type RevisionGraph } from "../revisions/index.js";
import type { Revision } from "../revisions/types.js";
import { withDatabase } from "../runtime/database.js";
import { loadProject } from "./project.js";

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

function info(graph: RevisionGraph, id: string, current: ReadonlySet<string>): RevisionInfo {
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

/** `migrate heads`. */
export async function heads(config: ResolvedConfig, options: { resolveDependencies?: boolean } = {}): Promise<RevisionInfo[]> {
  const { graph } = loadProject(config);
  const ids = options.resolveDependencies ? graph.realHeads() : graph.heads();
  return ids.map((id) => info(graph, id, new Set()));
}

/** `migrate branches`: the branch points. */
export async function branches(config: ResolvedConfig): Promise<RevisionInfo[]> {
  const { graph } = loadProject(config);
  return historyOrder(graph)
    .filter((id) => graph.isBranchPoint(id))
    .map((id) => info(graph, id, new Set()));
}

/** Options of history. */
export interface HistoryOptions {
  /** `-r from:to`; either side may be empty or "current". */
  range?: string;
  /** Mark revisions in the version table (reads the database). */
  indicateCurrent?: boolean;
}

/** `migrate history`: newest first. */
export async function history(config: ResolvedConfig, options: HistoryOptions = {}): Promise<RevisionInfo[]> {
  const { graph } = loadProject(config);
  const range = options.range ? parseRange(options.range) : undefined;
  const needsDb = options.indicateCurrent || range?.from === "current" || range?.to === "current";
  const current = needsDb ? await withDatabase(config, {}, (s) => s.store.read()) : [];
  const ids = range ? historyRange(graph, range, current) : historyOrder(graph);
  const currentSet = new Set(current);
  return ids.map((id) => info(graph, id, currentSet));
}

/** `migrate show REV`. */
export async function show(config: ResolvedConfig, ref: string): Promise<RevisionInfo> {
  const { graph } = loadProject(config);
  return info(graph, resolveRevision(graph, ref), new Set());
}
