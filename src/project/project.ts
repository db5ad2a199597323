/**
 * Loads what every command needs from disk: the revision headers and the revision graph.
 * No revision module is imported here.
 */
import type { ResolvedConfig } from "../config/types.js";
import { RevisionGraph } from "../revisions/index.js";
import type { Revision } from "../revisions/types.js";
import { readRevisions } from "../scripts/directory.js";

/** The migrations folder, read. */
export interface Project {
  config: ResolvedConfig;
  revisions: Revision[];
  graph: RevisionGraph;
}

/** All folders that hold revision files. */
export function versionDirs(config: ResolvedConfig): string[] {
  return [config.versionsDir, ...config.versionLocations];
}

/** Reads every revision header and builds (and validates) the graph. */
export function loadProject(config: ResolvedConfig): Project {
  const revisions = readRevisions(versionDirs(config));
  return { config, revisions, graph: RevisionGraph.build(revisions) };
}
