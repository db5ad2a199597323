/** `migrate show REV`: one revision's facts. */
import type { ResolvedConfig } from "../config/types.js";
import { loadProject } from "../project/project.js";
import { revisionInfo, type RevisionInfo } from "../project/revision-info.js";
import { resolveRevision } from "../revisions/index.js";

/** `migrate show REV`. */
export async function show(config: ResolvedConfig, ref: string): Promise<RevisionInfo> {
  const { graph } = loadProject(config);
  return revisionInfo(graph, resolveRevision(graph, ref), new Set());
}
