/**
 * Orderings and ranges for `history`: newest first, and `-r from:to` as in Alembic: the
 * revisions that build on `from` (itself included) and that `to` builds on (itself included).
 */
import { TargetError } from "../errors.js";
import { listIds } from "./format.js";
import type { RevisionGraph } from "./graph.js";
import { topologicalOrder } from "./order.js";
import { normalizeRows } from "./rows.js";
import { resolveTarget } from "./targets.js";

/** A `from:to` range; an absent side is open (base, or the heads). */
export interface RevisionRange {
  from?: string;
  to?: string;
}

/**
 * Every revision, newest first: each appears before what it revises or depends on. Starting
 * from the heads (smallest id first), one line is followed down until it meets a revision that
 * something not yet listed builds on, so branches come out contiguous. O(n log n).
 */
export function historyOrder(graph: RevisionGraph): string[] {
  const newer = (id: string): string[] => [...new Set([...graph.children(id), ...graph.dependents(id)])];
  const older = (id: string): string[] => [...new Set([...graph.parents(id), ...graph.dependencies(id)])];
  return topologicalOrder(graph.ids(), { before: newer, after: older }).order;
}

/** Splits `from:to`; either side may be empty. Anything but exactly one ":" is a TargetError. */
export function parseRange(spec: string): RevisionRange {
  const colon = spec.indexOf(":");
  if (colon < 0 || spec.indexOf(":", colon + 1) >= 0) {
    throw new TargetError("target", `"${spec}" is not a range.`, {
      hint: "Write `from:to` with one colon; either side may be empty, e.g. `ae10:`, `:head` or `base:current`.",
    });
  }
  const from = spec.slice(0, colon).trim();
  const to = spec.slice(colon + 1).trim();
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

function resolveSide(graph: RevisionGraph, spec: string, current: readonly string[]): string[] {
  // "current" is the version rows; any other side is an ordinary target resolved as a position.
  return spec === "current" ? normalizeRows(graph, current) : resolveTarget(graph, spec, current, "up");
}

/**
 * The revisions of `range`, newest first. `from` and `to` take any target (resolved upward, so
 * `<label>@base` is the label's first revision) or "current" (the rows in `current`). `from`
 * must be at or below `to`; a `to` of base gives nothing.
 */
export function historyRange(graph: RevisionGraph, range: RevisionRange | string, current: readonly string[]): string[] {
  const { from, to } = typeof range === "string" ? parseRange(range) : range;
  const lower = from === undefined ? [] : resolveSide(graph, from, current);
  const upper = to === undefined ? null : resolveSide(graph, to, current);
  let selected: Set<string> | null = upper === null ? null : graph.ancestors(upper, { inclusive: true });
  if (lower.length > 0) {
    const outside = selected === null ? [] : lower.filter((id) => !(selected as Set<string>).has(id));
    if (outside.length > 0) {
      throw new TargetError("target", `Revision ${listIds(outside)} is not at or below ${listIds(upper ?? [])}, so the range "${from ?? ""}:${to ?? ""}" is empty.`, {
        hint: "Put the older revision first: `<older>:<newer>`.",
      });
    }
    const above = graph.descendants(lower, { inclusive: true });
    selected = selected === null ? above : new Set([...selected].filter((id) => above.has(id)));
  }
  const order = historyOrder(graph);
  return selected === null ? order : order.filter((id) => (selected as Set<string>).has(id));
}
