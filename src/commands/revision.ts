/** `migrate revision -m MSG`: a new, empty revision file on a head (or, with splice, anywhere). */
import type { ResolvedConfig } from "../config/types.js";
import { createRevision, parentsFor, type RevisionOptions, type RevisionResult } from "../project/new-revision.js";
import { loadProject } from "../project/project.js";

/** `migrate revision`. */
export async function revision(config: ResolvedConfig, options: RevisionOptions): Promise<RevisionResult> {
  const project = loadProject(config);
  return createRevision(project, parentsFor(project, options.head ?? "head", options.splice ?? false), options);
}
