/**
 * `migrate history`: revisions newest first, optionally a range; reads the database only for
 * `--indicate-current` or a `current` endpoint.
 */
import type { ResolvedConfig } from "../config/types.js";
import { loadProject } from "../project/project.js";
import { revisionInfo, type RevisionInfo } from "../project/revision-info.js";
import { historyOrder, historyRange, parseRange } from "../revisions/index.js";
import { withDatabase } from "../runtime/database.js";

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
  return ids.map((id) => revisionInfo(graph, id, currentSet));
}
