/**
 * The target grammar of upgrade, downgrade, stamp and friends, as in Alembic:
 *
 *   head | heads | base | <id> | <id prefix> | <label>          (a label alone means its head)
 *   <label>@head | <label>@base | <label>@<rev>
 *   +N | -N                        relative to the current rows
 *   <label>@+N | <label>@-N        relative to the current row on that branch
 *   <rev>+N | <rev>-N | head-N | base+N | <label>@head-N   relative to a named revision
 *   <rev>@head                     the head that <rev> leads to
 *
 * Steps follow downRevisions; see relative.ts for the ambiguity rules.
 */
import { TargetError } from "../errors.js";
import { listIds, sortIds } from "./format.js";
import type { RevisionGraph } from "./graph.js";
import { walkDown, walkUp } from "./relative.js";
import { resolveRevision } from "./resolve.js";
import { normalizeRows } from "./rows.js";

/** Which way a command moves: it decides what `label@base` and `-N` mean for downgrade. */
export type Direction = "up" | "down";

/** A resolved downgrade target. */
export interface DowngradeTarget {
  /** The revisions to end at; [] means base. */
  revisions: string[];
  /**
   * Set by relative steps (`-1`, `<rev>-2`, `<label>@-1`) and `<label>@base`: remove exactly
   * these revisions and what is applied above them (children and dependents), so a sibling
   * branch sharing an ancestor with them stays applied. Null: remove everything above `revisions`.
   */
  removeRoots: string[] | null;
}

const RELATIVE = /^([+-])(\d+)$/;
const ANCHORED = /^(.+?)([+-])(\d+)$/;

/**
 * Resolves `spec` to the revision ids to move to ([] means base). `current` holds the version
 * rows, needed only by relative forms. For downgrades prefer resolveDowngradeTarget, which also
 * says which revisions a relative step removes.
 */
export function resolveTarget(graph: RevisionGraph, spec: string, current: readonly string[], direction: Direction): string[] {
  return resolveDetail(graph, spec, current, direction).revisions;
}

/** Resolves a downgrade target; pass the result to planDowngrade. */
export function resolveDowngradeTarget(graph: RevisionGraph, spec: string, current: readonly string[]): DowngradeTarget {
  return resolveDetail(graph, spec, current, "down");
}

function keep(revisions: string[]): DowngradeTarget {
  return { revisions, removeRoots: null };
}

function stepCount(digits: string, spec: string): number {
  const count = Number.parseInt(digits, 10);
  if (count === 0) throw new TargetError("target", `Relative revision ${spec} moves nowhere.`, { hint: "Use a step of 1 or more, e.g. `+1` or `-1`." });
  return count;
}

function singleHead(graph: RevisionGraph, spec: string): string[] {
  const heads = graph.heads();
  if (heads.length <= 1) return heads;
  const labelled = heads.map((h) => graph.branchLabelsOf(h)[0]).find((l) => l !== undefined);
  throw new TargetError("multiple-heads", `The target "${spec}" is ambiguous: there are ${heads.length} heads: ${listIds(heads)}.`, {
    hint: `Use \`heads\` for all of them, \`${labelled ?? "<label>"}@head\` for one branch, or a revision id such as \`${heads[0]}\`.`,
  });
}

function resolveDetail(graph: RevisionGraph, raw: string, current: readonly string[], direction: Direction): DowngradeTarget {
  const spec = raw.trim();
  if (spec === "") {
    throw new TargetError("target", "The target is empty.", { hint: "Give `head`, `heads`, `base`, a revision id, `<label>@head`, or a relative step such as `+1`." });
  }
  if (spec === "heads") return keep(graph.heads());
  if (spec === "head") return keep(singleHead(graph, spec));
  if (spec === "base") return keep([]);
  const at = spec.indexOf("@");
  if (at >= 0) return resolveQualified(graph, spec.slice(0, at), spec.slice(at + 1), spec, current, direction);
  const relative = RELATIVE.exec(spec);
  if (relative) return fromCurrent(graph, relative[1] as string, stepCount(relative[2] as string, spec), null, current, direction, spec);
  const anchored = graph.has(spec) || graph.isLabel(spec) ? null : ANCHORED.exec(spec);
  if (anchored) {
    const [, anchor = "", sign = "", digits = ""] = anchored;
    const start = anchor === "head" ? (singleHead(graph, spec)[0] ?? null) : anchor === "base" ? null : resolveRevision(graph, anchor);
    return step(graph, start, sign, stepCount(digits, spec), null, direction, spec);
  }
  return keep([resolveRevision(graph, spec)]);
}

/** One walk from `start` (null: before the first revision) in the direction of `sign`. */
function step(graph: RevisionGraph, start: string | null, sign: string, count: number, label: string | null, direction: Direction, spec: string): DowngradeTarget {
  if (sign === "+") return keep([walkUp(graph, start, count, label, spec)]);
  if (start === null) {
    throw new TargetError("target", `Relative revision ${spec} goes past base: there is nothing below base.`, { hint: "Use `base` to downgrade everything." });
  }
  const walk = walkDown(graph, start, count, label, spec);
  return direction === "down" ? { revisions: walk.revisions, removeRoots: [walk.removed] } : keep(walk.revisions);
}

function multipleCurrent(graph: RevisionGraph, rows: string[], sign: string, count: number, spec: string): TargetError {
  const labelled = rows.map((r) => graph.branchLabelsOf(r)[0]).find((l) => l !== undefined);
  const examples = [labelled === undefined ? null : `\`${labelled}@${sign}${count}\``, `\`${rows[0]}${sign}${count}\``].filter((e) => e !== null);
  return new TargetError("multiple-heads", `Relative revision ${spec} is ambiguous: the database has ${rows.length} current heads: ${listIds(rows)}.`, {
    hint: `Say which one to step from with \`<label>@${sign}${count}\` or \`<rev>${sign}${count}\`, e.g. ${examples.join(" or ")}.`,
  });
}

/** `+N`, `-N`, `<label>@+N`, `<label>@-N`: steps from the current row (on the label's branch). */
function fromCurrent(graph: RevisionGraph, sign: string, count: number, label: string | null, current: readonly string[], direction: Direction, spec: string): DowngradeTarget {
  const rows = normalizeRows(graph, current);
  const onBranch = label === null ? rows : rows.filter((r) => graph.carriesLabel(r, label));
  // Going up, a row that is already a head cannot move, so it does not make `+N` ambiguous.
  const movable = sign === "+" && label === null ? onBranch.filter((r) => !graph.isHead(r)) : onBranch;
  if (movable.length > 1) throw multipleCurrent(graph, movable, sign, count, spec);
  if (movable.length === 1) return step(graph, movable[0] as string, sign, count, label, direction, spec);
  if (sign === "+" && onBranch.length > 0) {
    throw new TargetError("target", `Relative revision ${spec} goes past head: the database is already at ${listIds(onBranch)}, ${onBranch.length === 1 ? "a head" : "all heads"}.`, {
      hint: "Nothing is left to upgrade on that line; `migrate heads` lists the heads.",
    });
  }
  if (sign === "+") return step(graph, null, sign, count, label, direction, spec);
  const what = label === null ? "nothing is applied" : `no revision of branch "${label}" is applied`;
  throw new TargetError("target", `Relative revision ${spec} goes past base: ${what}.`, { hint: "Run `migrate current` to see what is applied." });
}

/** Targets with an `@`: `<label>@…` or `<rev>@head`. */
function resolveQualified(graph: RevisionGraph, left: string, right: string, spec: string, current: readonly string[], direction: Direction): DowngradeTarget {
  if (!graph.isLabel(left)) {
    if (right !== "head" || left === "") {
      throw new TargetError("unknown-revision", `No branch is labelled "${left}" (in target "${spec}").`, {
        hint: "Run `migrate branches` to see the labels; after a revision id only `@head` is allowed (`<rev>@head`).",
      });
    }
    const from = resolveRevision(graph, left);
    const heads = sortIds([...graph.descendants(from, { dependencies: false, inclusive: true })].filter((id) => graph.isHead(id)));
    if (heads.length > 1) {
      throw new TargetError("multiple-heads", `The target "${spec}" is ambiguous: ${from} leads to ${heads.length} heads: ${listIds(heads)}.`, {
        hint: "Name one of those heads by revision id, or a branch with `<label>@head`.",
      });
    }
    return keep(heads);
  }
  const label = left;
  if (right === "head") return keep([graph.labelHead(label)]);
  if (right === "base") {
    const base = graph.labelBase(label);
    return direction === "up" ? keep([base]) : { revisions: sortIds(graph.parents(base)), removeRoots: [base] };
  }
  const relative = RELATIVE.exec(right);
  if (relative) return fromCurrent(graph, relative[1] as string, stepCount(relative[2] as string, spec), label, current, direction, spec);
  const anchored = graph.has(right) || graph.isLabel(right) ? null : ANCHORED.exec(right);
  if (anchored) {
    const [, anchor = "", sign = "", digits = ""] = anchored;
    const start = anchor === "head" ? graph.labelHead(label) : anchor === "base" ? graph.labelBase(label) : onBranch(graph, label, anchor, spec);
    return step(graph, start, sign, stepCount(digits, spec), label, direction, spec);
  }
  const id = onLineage(graph, label, right, spec);
  return direction === "down" ? branchDowngrade(graph, label, id, current) : keep([id]);
}

/** Revisions that share lineage with the revision declaring `label`: its ancestors, itself and its descendants (downRevisions only). */
function lineage(graph: RevisionGraph, label: string): Set<string> {
  const base = graph.labelBase(label);
  return new Set([...graph.ancestors(base, { dependencies: false, inclusive: true }), ...graph.descendants(base, { dependencies: false })]);
}

/**
 * Resolves `ref` for `<label>@<ref>` and checks it shares lineage with the branch, as Alembic
 * does: a revision on the branch, or one it grows from (`c2branch@b` where b is below the branch
 * point); a revision on another branch is refused.
 */
function onLineage(graph: RevisionGraph, label: string, ref: string, spec: string): string {
  const id = resolveRevision(graph, ref);
  if (!graph.carriesLabel(id, label) && !lineage(graph, label).has(id)) return onBranch(graph, label, ref, spec);
  return id;
}

/**
 * `downgrade <label>@<rev>`, as Alembic: down to `rev`, but only along the branch — the applied
 * revisions above `rev` that lead to a current row on the branch's lineage (and, as always, what
 * depends on them). Other branches above `rev` stay.
 */
function branchDowngrade(graph: RevisionGraph, label: string, id: string, current: readonly string[]): DowngradeTarget {
  const rows = normalizeRows(graph, current);
  const applied = graph.ancestors(rows, { inclusive: true });
  if (!applied.has(id)) return keep([id]);
  const onLine = lineage(graph, label);
  const leading = graph.ancestors(rows.filter((row) => onLine.has(row)), { inclusive: true });
  const removeRoots = sortIds([...graph.descendants(id)].filter((r) => leading.has(r)));
  return { revisions: [id], removeRoots };
}

/** Resolves `ref` and checks it carries `label`. */
function onBranch(graph: RevisionGraph, label: string, ref: string, spec: string): string {
  const id = resolveRevision(graph, ref);
  if (!graph.carriesLabel(id, label)) {
    throw new TargetError("target", `Revision ${id} is not on branch "${label}" (in target "${spec}").`, {
      hint: `Run \`migrate history -r ${label}@base:\` to list the revisions of that branch.`,
    });
  }
  return id;
}

/** Several targets resolved and deduplicated (stamp and merge take lists). */
export function resolveTargets(graph: RevisionGraph, specs: readonly string[], current: readonly string[], direction: Direction): string[] {
  return [...new Set(specs.flatMap((spec) => resolveTarget(graph, spec, current, direction)))];
}
