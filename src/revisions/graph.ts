/**
 * RevisionGraph: the validated graph of revisions (like Alembic's RevisionMap), with no file
 * system and no database. Every per-revision list is computed once at build time, so lookups are
 * O(1) or O(log n) and walks are O(n).
 *
 * Two edge kinds exist. downRevisions make the version history (parents/children, heads,
 * branch and merge points, label spread). dependsOn adds ordering only: a dependency must be
 * applied first, but does not make its dependent a "child" (Alembic's semantics).
 */
import { TargetError } from "../errors.js";
import { buildGraphData, type GraphData } from "./build.js";
import { compareIds, listIds } from "./format.js";
import { idsWithPrefix } from "./lookup.js";
import type { Revision } from "./types.js";

/** Options of ancestors()/descendants(). */
export interface WalkOptions {
  /** Follow dependsOn edges too (default true). */
  dependencies?: boolean;
  /** Include the starting ids themselves (default false). */
  inclusive?: boolean;
}

/** The validated revision graph. Build it with RevisionGraph.build(revisions). */
export class RevisionGraph {
  readonly #data: GraphData;
  readonly #position = new Map<string, number>();
  readonly #heads: string[];
  readonly #realHeads: string[];
  readonly #bases: string[];
  readonly #labelHeads = new Map<string, string[]>();

  private constructor(data: GraphData) {
    this.#data = data;
    data.order.forEach((id, index) => this.#position.set(id, index));
    const ids = data.sortedIds;
    this.#heads = ids.filter((id) => this.children(id).length === 0);
    this.#realHeads = ids.filter((id) => (data.after.get(id) as string[]).length === 0);
    this.#bases = ids.filter((id) => this.parents(id).length === 0);
    for (const label of data.labelBases.keys()) this.#labelHeads.set(label, []);
    for (const head of this.#heads) for (const label of this.#labels(head)) this.#labelHeads.get(label)?.push(head);
  }

  /**
   * Validates `revisions` and builds the graph. Throws RevisionGraphError for an invalid or
   * duplicate id, a missing downRevision, an unresolvable dependsOn, a self-reference, a cycle
   * (through downRevisions, or through downRevisions and dependsOn together) and for a branch
   * label that is invalid, reserved, equal to a revision id, or declared twice.
   */
  static build(revisions: readonly Revision[]): RevisionGraph {
    return new RevisionGraph(buildGraphData(revisions));
  }

  /** Number of revisions. */
  get size(): number {
    return this.#data.sortedIds.length;
  }

  /** True when `id` is a revision id (exactly; no prefixes or labels). */
  has(id: string): boolean {
    return this.#data.revisions.has(id);
  }

  /** The revision with exactly this id, or undefined. */
  get(id: string): Revision | undefined {
    return this.#data.revisions.get(id);
  }

  /** The revision with exactly this id; throws TargetError "unknown-revision" otherwise. */
  revision(id: string): Revision {
    const revision = this.#data.revisions.get(id);
    if (!revision) throw unknownId(id);
    return revision;
  }

  /** All revision ids, sorted. */
  ids(): string[] {
    return [...this.#data.sortedIds];
  }

  /** All ids in topological order over downRevisions and dependsOn: bases first, each branch contiguous. */
  order(): string[] {
    return [...this.#data.order];
  }

  /** Index of `id` in order(); used to sort subsets of revisions consistently. */
  position(id: string): number {
    const index = this.#position.get(id);
    if (index === undefined) throw unknownId(id);
    return index;
  }

  /** Parent ids (downRevisions), in declared order. */
  parents(id: string): string[] {
    return [...this.#list(this.#data.parents, id)];
  }

  /** Child ids (revisions whose downRevisions name `id`), sorted. */
  children(id: string): string[] {
    return [...this.#list(this.#data.children, id)];
  }

  /** Resolved dependsOn ids (a label names the revision that declares it), in declared order. */
  dependencies(id: string): string[] {
    return [...this.#list(this.#data.dependencies, id)];
  }

  /** Ids of revisions whose dependsOn resolves to `id`, sorted. */
  dependents(id: string): string[] {
    return [...this.#list(this.#data.dependents, id)];
  }

  /** Revisions with no child through downRevisions (dependsOn ignored), sorted: what `heads` shows. */
  heads(): string[] {
    return [...this.#heads];
  }

  /** Revisions that nothing revises or depends on, sorted: `heads --resolve-dependencies`. */
  realHeads(): string[] {
    return [...this.#realHeads];
  }

  /** Revisions without downRevisions, sorted. */
  bases(): string[] {
    return [...this.#bases];
  }

  /** True when nothing revises `id`. */
  isHead(id: string): boolean {
    return this.#list(this.#data.children, id).length === 0;
  }

  /** True when `id` has no downRevisions. */
  isBase(id: string): boolean {
    return this.#list(this.#data.parents, id).length === 0;
  }

  /** True when more than one revision revises `id`. */
  isBranchPoint(id: string): boolean {
    return this.#list(this.#data.children, id).length > 1;
  }

  /** True when `id` has more than one downRevision. */
  isMergePoint(id: string): boolean {
    return this.#list(this.#data.parents, id).length > 1;
  }

  /** Branch points, sorted. */
  branchPoints(): string[] {
    return this.#data.sortedIds.filter((id) => this.isBranchPoint(id));
  }

  /** Merge points, sorted. */
  mergePoints(): string[] {
    return this.#data.sortedIds.filter((id) => this.isMergePoint(id));
  }

  /** Labels `id` carries: its own plus those of all its ancestors through downRevisions, sorted. */
  branchLabelsOf(id: string): string[] {
    return [...this.#labels(id)].sort(compareIds);
  }

  /** True when `id` carries `label` (declared on it or on an ancestor). */
  carriesLabel(id: string, label: string): boolean {
    return this.#labels(id).has(label);
  }

  /** Every declared branch label, sorted. */
  labels(): string[] {
    return [...this.#data.labelBases.keys()].sort(compareIds);
  }

  /** True when `name` is a declared branch label. */
  isLabel(name: string): boolean {
    return this.#data.labelBases.has(name);
  }

  /** The revision that declares `label` (its base-most revision). */
  labelBase(label: string): string {
    const base = this.#data.labelBases.get(label);
    if (base === undefined) throw unknownLabel(label);
    return base;
  }

  /** The heads that carry `label`, sorted. */
  labelHeads(label: string): string[] {
    const heads = this.#labelHeads.get(label);
    if (!heads) throw unknownLabel(label);
    return [...heads];
  }

  /** The one head carrying `label`; TargetError "multiple-heads" when the branch has several. */
  labelHead(label: string): string {
    const heads = this.labelHeads(label);
    if (heads.length > 1) {
      throw new TargetError("multiple-heads", `Branch "${label}" has ${heads.length} heads: ${listIds(heads)}.`, {
        hint: `Name one of them by revision id, or join them with \`migrate merge ${heads.join(" ")}\`.`,
      });
    }
    return heads[0] as string;
  }

  /** Revision ids starting with `prefix`, sorted. O(log n + matches). */
  idsWithPrefix(prefix: string): string[] {
    return idsWithPrefix(this.#data.sortedIds, prefix);
  }

  /** Everything `ids` build on: parents (and dependencies, by default), transitively. O(n). */
  ancestors(ids: string | readonly string[], options: WalkOptions = {}): Set<string> {
    const edges = options.dependencies === false ? this.#data.parents : this.#data.before;
    return this.#walk(ids, edges, options.inclusive ?? false);
  }

  /** Everything built on `ids`: children (and dependents, by default), transitively. O(n). */
  descendants(ids: string | readonly string[], options: WalkOptions = {}): Set<string> {
    const edges = options.dependencies === false ? this.#data.children : this.#data.after;
    return this.#walk(ids, edges, options.inclusive ?? false);
  }

  #walk(ids: string | readonly string[], edges: ReadonlyMap<string, readonly string[]>, inclusive: boolean): Set<string> {
    const starts = typeof ids === "string" ? [ids] : ids;
    const seen = new Set<string>();
    const queue: string[] = [];
    for (const id of starts) {
      const next = this.#list(edges, id);
      if (inclusive && !seen.has(id)) seen.add(id);
      queue.push(...next);
    }
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i] as string;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const next of edges.get(id) as string[]) if (!seen.has(next)) queue.push(next);
    }
    return seen;
  }

  #list(edges: ReadonlyMap<string, readonly string[]>, id: string): readonly string[] {
    const list = edges.get(id);
    if (!list) throw unknownId(id);
    return list;
  }

  #labels(id: string): ReadonlySet<string> {
    const labels = this.#data.labels.get(id);
    if (!labels) throw unknownId(id);
    return labels;
  }
}

function unknownId(id: string): TargetError {
  return new TargetError("unknown-revision", `No revision has the id "${id}".`, {
    hint: "Run `migrate history` to list revision ids.",
  });
}

function unknownLabel(label: string): TargetError {
  return new TargetError("unknown-revision", `No branch is labelled "${label}".`, {
    hint: "Run `migrate branches` or `migrate heads` to see the branch labels.",
  });
}
