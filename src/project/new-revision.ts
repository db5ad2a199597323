/**
 * Creating a revision file: its parents, and every check — parent, id, labels, dependencies, the
 * validity of the graph with the new revision in it — before the file is written, so an error
 * leaves no file behind. Shared by `revision`, `revision --autogenerate` and `merge`.
 */
import { resolve } from "node:path";
import { MigrateError, UsageError } from "../errors.js";
import { RevisionGraph, resolveRevision, resolveTarget } from "../revisions/index.js";
import { REVISION_ID_MAX_LENGTH, REVISION_ID_PATTERN, type Revision } from "../revisions/types.js";
import { newRevisionId, writeRevisionFile } from "../scripts/write-revision.js";
import { versionDirs, type Project } from "./project.js";

/** Options of `revision`. */
export interface RevisionOptions {
  message: string;
  /** Parent: a head, `base` for a new root, or any revision with `splice`. Default "head". */
  head?: string;
  splice?: boolean;
  branchLabel?: string[];
  dependsOn?: string[];
  revId?: string;
  versionPath?: string;
  /** Bodies and imports for autogenerate. */
  upgradeBody?: string;
  downgradeBody?: string;
  imports?: string[];
}

/** What was written. */
export interface RevisionResult {
  revision: Revision;
  path: string;
}

function checkRevId(project: Project, id: string): void {
  if (!REVISION_ID_PATTERN.test(id) || id.length > REVISION_ID_MAX_LENGTH) {
    throw new UsageError(`Revision id "${id}" is not allowed: use 1–${REVISION_ID_MAX_LENGTH} letters, digits or underscores.`, {
      hint: "Pick an id such as 20261121_add_users, or omit --rev-id for a random one.",
    });
  }
  if (project.graph.get(id)) throw new UsageError(`Revision id "${id}" already exists.`, { hint: "Choose another --rev-id." });
}

function targetDir(project: Project, versionPath: string | undefined): string {
  const dirs = versionDirs(project.config);
  if (!versionPath) return project.config.versionsDir;
  const dir = resolve(process.cwd(), versionPath);
  if (!dirs.includes(dir)) {
    throw new UsageError(`--version-path ${dir} is not one of the configured version locations.`, {
      hint: `Use one of: ${dirs.join(", ")} (add more with versionLocations in migrate.config.ts).`,
    });
  }
  return dir;
}

/** The parents of a new revision: `head` must be a head unless `splice`; `base` starts a new root. */
export function parentsFor(project: Project, head: string, splice: boolean): string[] {
  const { graph } = project;
  if (head === "base") return [];
  let parents: string[];
  try {
    parents = resolveTarget(graph, head, [], "up");
  } catch (error) {
    if (error instanceof MigrateError && error.code === "multiple-heads") {
      throw new MigrateError("multiple-heads", `There are several heads (${graph.heads().join(", ")}); a new revision needs one parent.`, {
        hint: "Pass --head <revision> or --head <label>@head, or join the heads first with `migrate merge heads -m \"merge\"`.",
      });
    }
    throw error;
  }
  if (!splice) {
    const heads = new Set(graph.heads());
    const notHead = parents.filter((p) => !heads.has(p));
    if (notHead.length) {
      throw new UsageError(`Revision ${notHead.join(", ")} is not a head; a new revision on it would start a new branch.`, {
        hint: "Pass --splice to branch from it on purpose, or use --head <a head>.",
      });
    }
  }
  return parents;
}

/** Validates and writes a new revision file with the given parents. */
export function createRevision(project: Project, parents: string[], options: RevisionOptions): RevisionResult {
  if (!options.message || options.message.trim() === "") throw new UsageError("A revision needs a message.", { hint: 'Pass -m "what this revision does".' });
  const id = options.revId ?? newRevisionId();
  checkRevId(project, id);
  const dependsOn = (options.dependsOn ?? []).map((d) => resolveRevision(project.graph, d));
  const revision: Revision = { id, downRevisions: parents, branchLabels: options.branchLabel ?? [], dependsOn, message: options.message.trim() };
  const dir = targetDir(project, options.versionPath);
  // Building the graph with the new revision runs every validation (labels, cycles, …) first.
  RevisionGraph.build([...project.revisions, { ...revision, path: `${dir}/${id}.ts` }]);
  const path = writeRevisionFile(dir, {
    id,
    message: revision.message,
    downRevisions: parents,
    branchLabels: revision.branchLabels,
    dependsOn,
    upgradeBody: options.upgradeBody,
    downgradeBody: options.downgradeBody,
    imports: options.imports,
  });
  return { revision: { ...revision, path }, path };
}
