/**
 * Step planning for upgrade, downgrade and stamp. Edges are downRevisions plus resolved dependsOn;
 * the applied set is the closure of the version rows over both.
 *
 * Rows are kept incrementally: applying R replaces its parents and dependencies by R; removing R
 * brings back each parent or dependency left with nothing applied on it. Each step costs
 * O(degree + rows), never a recomputation over the graph.
 */
import { TargetError } from "../errors.js";
import { compareIds, listIds } from "./format.js";
import type { RevisionGraph } from "./graph.js";
import { appliedRevisions, checkRows, isRowOf, versionRows } from "./rows.js";
import type { DowngradeTarget } from "./targets.js";

/** One revision to run, with the version rows before and after it. */
export interface Step {
  revision: string;
  direction: "up" | "down";
  /** Rows before the step, sorted. For the first step: the current rows as given (deduplicated). */
  rowsBefore: string[];
  /** Rows after the step, sorted; equal to the next step's rowsBefore. */
  rowsAfter: string[];
}

/** Options of planStamp. */
export interface StampOptions {
  /** Ignore the current rows: the result is exactly the rows of the targets. */
  purge?: boolean;
}

function checkTargets(graph: RevisionGraph, targets: readonly string[]): string[] {
  for (const id of targets) graph.revision(id);
  return [...new Set(targets)];
}

/** `rows` without `drop`, plus `add`, sorted. O(rows). */
function replaceRows(rows: readonly string[], drop: readonly string[], add: readonly string[]): string[] {
  const next = drop.length === 0 ? [...rows] : rows.filter((row) => !drop.includes(row));
  for (const id of add) {
    let low = 0;
    let high = next.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareIds(next[mid] as string, id) < 0) low = mid + 1;
      else high = mid;
    }
    next.splice(low, 0, id);
  }
  return next;
}

/**
 * Plans an upgrade: every revision the targets need that is not applied, each after its parents
 * and dependencies (in the graph's topological order). Targets already applied give no steps.
 */
export function planUpgrade(graph: RevisionGraph, currentRows: readonly string[], targets: readonly string[]): Step[] {
  const given = checkRows(graph, currentRows);
  const wanted = graph.ancestors(checkTargets(graph, targets), { inclusive: true });
  const applied = appliedRevisions(graph, given);
  const toApply = [...wanted].filter((id) => !applied.has(id)).sort((a, b) => graph.position(a) - graph.position(b));
  const steps: Step[] = [];
  let before = given;
  let rows = versionRows(graph, applied);
  for (const id of toApply) {
    // Parents and dependencies are applied by now: each leaves the rows (if it was one) and R takes their place.
    rows = replaceRows(rows, [...graph.parents(id), ...graph.dependencies(id)], [id]);
    steps.push({ revision: id, direction: "up", rowsBefore: before, rowsAfter: rows });
    before = rows;
  }
  return steps;
}

/** What a downgrade removes: applied revisions above the targets, closed under children and dependents. */
function toRemove(graph: RevisionGraph, applied: ReadonlySet<string>, rows: string[], target: readonly string[] | DowngradeTarget): Set<string> {
  const detail: DowngradeTarget = Array.isArray(target) ? { revisions: [...(target as readonly string[])], removeRoots: null } : (target as DowngradeTarget);
  if (detail.removeRoots !== null) {
    const roots = checkTargets(graph, detail.removeRoots);
    return new Set([...graph.descendants(roots, { inclusive: true })].filter((id) => applied.has(id)));
  }
  const keep = checkTargets(graph, detail.revisions);
  if (keep.length === 0) return new Set(applied);
  const missing = keep.filter((id) => !applied.has(id));
  if (missing.length > 0) {
    throw new TargetError("target", `Cannot downgrade to ${listIds(missing)}: ${missing.length === 1 ? "it is" : "they are"} not applied (current: ${listIds(rows) || "base"}).`, {
      hint: "Downgrade to a revision at or below the current ones (see `migrate history --indicate-current`), or use `upgrade` to move forward.",
    });
  }
  const kept = graph.ancestors(keep, { inclusive: true });
  return new Set([...graph.descendants(keep)].filter((id) => applied.has(id) && !kept.has(id)));
}

/**
 * Plans a downgrade to `target`: plain ids (from resolveTarget; [] means base) remove every
 * applied revision above them; a DowngradeTarget with removeRoots removes exactly those roots and
 * what is applied above them. Children and dependents go before what they build on. A target
 * revision that is not applied is a TargetError; one equal to a current row gives no steps.
 */
export function planDowngrade(graph: RevisionGraph, currentRows: readonly string[], target: readonly string[] | DowngradeTarget): Step[] {
  const given = checkRows(graph, currentRows);
  const applied = appliedRevisions(graph, given);
  let rows = versionRows(graph, applied);
  const remove = toRemove(graph, applied, rows, target);
  const order = [...remove].sort((a, b) => graph.position(b) - graph.position(a));
  const live = new Set(applied);
  const steps: Step[] = [];
  let before = given;
  for (const id of order) {
    live.delete(id);
    // A parent or dependency becomes a row again once nothing live revises or depends on it.
    const freed = [...new Set([...graph.parents(id), ...graph.dependencies(id)])].filter((up) => live.has(up) && isRowOf(graph, up, live));
    rows = replaceRows(rows, [id], freed);
    steps.push({ revision: id, direction: "down", rowsBefore: before, rowsAfter: rows });
    before = rows;
  }
  return steps;
}

/**
 * The rows after stamping `targets` ([] means base: no rows). Without purge, applied revisions
 * that do not build on a target stay (other branches keep their rows) and everything above a
 * target goes; with purge the current rows are ignored (and not checked). Targets on one line
 * keep the top one. Every target is checked before anything is computed.
 */
export function planStamp(graph: RevisionGraph, currentRows: readonly string[], targets: readonly string[], options: StampOptions = {}): string[] {
  const ids = checkTargets(graph, targets);
  const stamped = graph.ancestors(ids, { inclusive: true });
  if (options.purge) return versionRows(graph, stamped);
  const applied = appliedRevisions(graph, currentRows);
  if (ids.length === 0) return [];
  const above = graph.descendants(ids);
  for (const id of applied) if (!above.has(id)) stamped.add(id);
  return versionRows(graph, stamped);
}
