/**
 * Builds and validates the data behind a RevisionGraph from plain Revision values, in the order
 * that lets each check rely on the previous ones: ids, labels, edges, then cycles.
 */
import { RevisionGraphError } from "../errors.js";
import { compareIds } from "./format.js";
import { invertEdges, resolveDependencies, resolveParents } from "./edges.js";
import { declareLabels, propagateLabels } from "./labels.js";
import { findCycle, topologicalOrder } from "./order.js";
import type { Revision } from "./types.js";
import { indexRevisions } from "./validate-ids.js";

/** Everything a RevisionGraph answers from; all lists are computed once here. */
export interface GraphData {
  revisions: Map<string, Revision>;
  sortedIds: string[];
  parents: Map<string, string[]>;
  children: Map<string, string[]>;
  dependencies: Map<string, string[]>;
  dependents: Map<string, string[]>;
  /** Parents and dependencies, each once. */
  before: Map<string, string[]>;
  /** Children and dependents, each once, sorted. */
  after: Map<string, string[]>;
  /** Topological order over all edges, bases first. */
  order: string[];
  labels: Map<string, ReadonlySet<string>>;
  labelBases: Map<string, string>;
}

function union(a: Map<string, string[]>, b: Map<string, string[]>, sortedIds: readonly string[], sort: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of sortedIds) {
    const merged = [...new Set([...(a.get(id) ?? []), ...(b.get(id) ?? [])])];
    out.set(id, sort ? merged.sort(compareIds) : merged);
  }
  return out;
}

function cycleError(cycle: string[], parents: Map<string, string[]>, withDependencies: boolean): RevisionGraphError {
  const steps: string[] = [];
  for (let i = 0; i + 1 < cycle.length; i++) {
    const from = cycle[i] as string;
    const to = cycle[i + 1] as string;
    steps.push(`${from} ${(parents.get(from) ?? []).includes(to) ? "revises" : "depends on"} ${to}`);
  }
  if (!withDependencies) {
    return new RevisionGraphError(`Revisions form a cycle through downRevision: ${steps.join(", ")}.`, {
      hint: "Fix the downRevision of one of them so that every chain ends at a base revision.",
    });
  }
  return new RevisionGraphError(`Revisions form a dependency cycle through downRevision and dependsOn: ${steps.join(", ")}.`, {
    hint: "Remove or change one of the dependsOn entries on the cycle.",
  });
}

/** Validates `input` and computes the graph data; throws RevisionGraphError on the first problem. */
export function buildGraphData(input: readonly Revision[]): GraphData {
  const revisions = indexRevisions(input);
  const sortedIds = [...revisions.keys()].sort(compareIds);
  const labelBases = declareLabels(revisions, sortedIds);
  const parents = resolveParents(revisions, sortedIds);
  const dependencies = resolveDependencies(revisions, sortedIds, labelBases);
  const children = invertEdges(parents, sortedIds);
  const dependents = invertEdges(dependencies, sortedIds);

  const downOnly = topologicalOrder(sortedIds, { before: (id) => parents.get(id) ?? [], after: (id) => children.get(id) ?? [] });
  if (downOnly.blocked.length > 0) throw cycleError(findCycle(downOnly.blocked, (id) => parents.get(id) ?? []), parents, false);

  const before = union(parents, dependencies, sortedIds, false);
  const after = union(children, dependents, sortedIds, true);
  const all = topologicalOrder(sortedIds, { before: (id) => before.get(id) ?? [], after: (id) => after.get(id) ?? [] });
  if (all.blocked.length > 0) throw cycleError(findCycle(all.blocked, (id) => before.get(id) ?? []), parents, true);

  const labels = propagateLabels(all.order, parents, revisions);
  return { revisions, sortedIds, parents, children, dependencies, dependents, before, after, order: all.order, labels, labelBases };
}
