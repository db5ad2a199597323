/** `migrate branches`: the revisions more than one revision builds on. */
import type { ResolvedConfig } from "../config/types.js";
import { loadProject } from "../project/project.js";
import { revisionInfo, type RevisionInfo } from "../project/revision-info.js";
import { historyOrder } from "../revisions/index.js";

/** `migrate branches`: the branch points. */
export async function branches(config: ResolvedConfig): Promise<RevisionInfo[]> {
  const { graph } = loadProject(config);
  return historyOrder(graph)
    .filter((id) => graph.isBranchPoint(id))
    .map((id) => revisionInfo(graph, id, new Set()));
}
