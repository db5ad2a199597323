/**
 * Text layouts of the listing commands, in Alembic's style:
 *   `<base> -> 1a2b3c4d5e6f (head), add users`
 *   `3f2a9c1b7d4e (billing) (head)`
 */
import type { Styles } from "./colors.js";
import type { RevisionInfo } from "../project/revision-info.js";

function tags(info: RevisionInfo, c: Styles): string {
  const parts: string[] = [];
  if (info.labels.length) parts.push(`(${info.labels.join(", ")})`);
  if (info.isHead) parts.push(c.green("(head)"));
  if (info.isBranchPoint) parts.push(c.magenta("(branchpoint)"));
  if (info.isMergePoint) parts.push(c.magenta("(mergepoint)"));
  if (info.isCurrent) parts.push(c.yellow("(current)"));
  return parts.length ? ` ${parts.join(" ")}` : "";
}

/** One-line form: `parents -> id (tags), message`. */
export function historyLine(info: RevisionInfo, c: Styles): string {
  const r = info.revision;
  const parents = r.downRevisions.length ? r.downRevisions.join(", ") : "<base>";
  const deps = r.dependsOn.length ? ` (depends on ${r.dependsOn.join(", ")})` : "";
  return `${parents} -> ${c.bold(r.id)}${tags(info, c)}${deps}, ${r.message}`;
}

/** Short form: `id (tags)`. */
export function shortLine(info: RevisionInfo, c: Styles): string {
  return `${c.bold(info.revision.id)}${tags(info, c)}`;
}

/** Multi-line detail used by `show` and the --verbose listings. */
export function detail(info: RevisionInfo, c: Styles): string {
  const r = info.revision;
  const lines = [
    `Rev: ${c.bold(r.id)}${tags(info, c)}`,
    `Parent: ${r.downRevisions.length ? r.downRevisions.join(", ") : "<base>"}`,
  ];
  if (info.children.length) lines.push(`${info.isBranchPoint ? "Branches into" : "Child"}: ${info.children.join(", ")}`);
  if (r.dependsOn.length) lines.push(`Also depends on: ${r.dependsOn.join(", ")}`);
  if (info.labels.length) lines.push(`Branch names: ${info.labels.join(", ")}`);
  if (r.path) lines.push(`Path: ${r.path}`);
  lines.push("", `    ${r.message}`, "");
  if (r.createDate) lines.push(`    Create Date: ${r.createDate}`, "");
  return lines.join("\n");
}

/** A JSON-friendly view of a RevisionInfo. */
export function infoJson(info: RevisionInfo): Record<string, unknown> {
  const r = info.revision;
  return {
    revision: r.id,
    downRevisions: r.downRevisions,
    dependsOn: r.dependsOn,
    branchLabels: info.labels,
    message: r.message,
    path: r.path ?? null,
    isHead: info.isHead,
    isBranchPoint: info.isBranchPoint,
    isMergePoint: info.isMergePoint,
    isCurrent: info.isCurrent,
  };
}
