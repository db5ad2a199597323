/** `migrate heads`: the revisions nothing builds on (read from headers; no module is imported). */
import type { ResolvedConfig } from "../config/types.js";
import { loadProject } from "../project/project.js";
import { revisionInfo, type RevisionInfo } from "../project/revision-info.js";

/** `migrate heads`. */
export async function heads(config: ResolvedConfig, options: { resolveDependencies?: boolean } = {}): Promise<RevisionInfo[]> {
  const { graph } = loadProject(config);
  const ids = options.resolveDependencies ? graph.realHeads() : graph.heads();
  return ids.map((id) => revisionInfo(graph, id, new Set()));
}
