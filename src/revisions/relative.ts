/**
 * Walking N steps up or down the graph for relative targets (`+2`, `ae10-1`, `label@-1`).
 * Walks follow downRevisions only and must be unambiguous: a branch point on the way up, or a
 * merge point on the way down before the last step, is an error naming the choices.
 */
import { TargetError } from "../errors.js";
import { listIds, sortIds } from "./format.js";
import type { RevisionGraph } from "./graph.js";

/** Where a downward walk ends: the revisions to keep (its parents; [] is base) and the one removed. */
export interface DownWalk {
  /** Parents of `removed`, sorted; [] means base. */
  revisions: string[];
  /** The last revision stepped off: it and everything above it go. */
  removed: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Walks `steps` children up from `start` (null: from before the first revision, i.e. the single
 * base, or the base of `label`). Returns the revision reached.
 */
export function walkUp(graph: RevisionGraph, start: string | null, steps: number, label: string | null, spec: string): string {
  let current = start;
  for (let i = 1; i <= steps; i++) {
    const next: string[] = current !== null ? graph.children(current) : label !== null ? [graph.labelBase(label)] : graph.bases();
    if (next.length === 0) {
      const from = start ?? "base";
      const room = i === 1 ? (start === null ? "there are no revisions" : `${start} is a head`) : `only ${i === 2 ? "1 revision lies" : `${i - 1} revisions lie`} above ${from}`;
      throw new TargetError("target", `Relative revision ${spec} goes past head: ${room}.`, {
        hint: "Use `head` or `heads` to upgrade to the top.",
      });
    }
    if (next.length > 1) {
      const why = current === null ? `there are ${next.length} bases (${listIds(next)})` : `${current} is a branch point (children ${listIds(next)})`;
      throw new TargetError("target", `Relative revision ${spec} is ambiguous: ${why}.`, {
        hint: `Name the branch to follow, e.g. \`<label>@+${steps}\`, or target a revision directly, e.g. \`${next[0]}\`.`,
      });
    }
    current = next[0] as string;
  }
  return current as string;
}

/**
 * Walks `steps` parents down from `start`. The last step may leave a merge point (the result is
 * all its parents) or a base (the result is []). With `label`, intermediate steps must stay on
 * revisions carrying the label, which also picks the labelled parent at a merge.
 */
export function walkDown(graph: RevisionGraph, start: string, steps: number, label: string | null, spec: string): DownWalk {
  let current = start;
  for (let i = 1; ; i++) {
    const parents = graph.parents(current);
    if (i >= steps) return { revisions: sortIds(parents), removed: current };
    if (parents.length === 0) {
      throw new TargetError("target", `Relative revision ${spec} goes past base: ${start} is only ${plural(i, "revision")} above base.`, {
        hint: "Use `base` to downgrade everything.",
      });
    }
    const candidates = label === null ? parents : parents.filter((p) => graph.carriesLabel(p, label));
    if (candidates.length === 0) {
      throw new TargetError("target", `Relative revision ${spec} goes past the base of branch "${label}" (${graph.labelBase(label as string)}).`, {
        hint: `Use \`${label}@base\` to remove the whole branch.`,
      });
    }
    if (candidates.length > 1) {
      throw new TargetError("target", `Relative revision ${spec} is ambiguous: ${current} is a merge point (parents ${listIds(sortIds(candidates))}).`, {
        hint: `Step down from one parent instead, e.g. \`${sortIds(candidates)[0]}-${steps - i}\`, or target a revision directly.`,
      });
    }
    current = candidates[0] as string;
  }
}
