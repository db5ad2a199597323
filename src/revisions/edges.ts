/**
 * Resolving the two kinds of edge a revision declares: downRevisions (its parents, full ids) and
 * dependsOn (ids, unique prefixes or branch labels). Both are checked here, before any walk.
 */
import { RevisionGraphError } from "../errors.js";
import { describeRevision, listIds } from "./format.js";
import { lookupReference } from "./lookup.js";
import type { Revision } from "./types.js";

/** Parent ids of every revision, without duplicates, in declared order. */
export function resolveParents(revisions: ReadonlyMap<string, Revision>, sortedIds: readonly string[]): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const id of sortedIds) {
    const revision = revisions.get(id) as Revision;
    const own = [...new Set(revision.downRevisions)];
    for (const parent of own) {
      if (parent === id) {
        throw new RevisionGraphError(`Revision ${describeRevision(revision)} names itself as its downRevision.`, {
          hint: "Set downRevision to the revision it builds on, or to null for a new base.",
        });
      }
      if (!revisions.has(parent)) {
        throw new RevisionGraphError(`Revision ${describeRevision(revision)} revises ${parent}, which no revision file defines.`, {
          hint: `Restore the revision file of ${parent}, or point downRevision at an existing revision.`,
        });
      }
    }
    parents.set(id, own);
  }
  return parents;
}

/**
 * Dependency ids of every revision. A branch label in dependsOn resolves to the revision that
 * declares the label (as Alembic does), not to the branch's current head: a head moves whenever
 * the branch grows, and an edge that moved would silently change what an already-applied
 * revision is taken to require.
 */
export function resolveDependencies(
  revisions: ReadonlyMap<string, Revision>,
  sortedIds: readonly string[],
  labelBases: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const dependencies = new Map<string, string[]>();
  const isId = (name: string): boolean => revisions.has(name);
  const isLabel = (name: string): boolean => labelBases.has(name);
  for (const id of sortedIds) {
    const revision = revisions.get(id) as Revision;
    const resolved = new Set<string>();
    for (const ref of revision.dependsOn) {
      const found = lookupReference(ref, sortedIds, isId, isLabel);
      let target: string;
      if (found.kind === "revision") target = found.id;
      else if (found.kind === "label") target = labelBases.get(found.label) as string;
      else if (found.kind === "ambiguous") {
        throw new RevisionGraphError(`Revision ${describeRevision(revision)} depends on "${ref}", which is a prefix of several revisions: ${listIds(found.matches)}.`, {
          hint: "Write the full revision id in dependsOn.",
        });
      } else {
        throw new RevisionGraphError(`Revision ${describeRevision(revision)} depends on "${ref}", which is not a revision id, unique id prefix or branch label.`, {
          hint: "Fix the dependsOn entry, or restore the revision file it names.",
        });
      }
      if (target === id) {
        throw new RevisionGraphError(`Revision ${describeRevision(revision)} lists itself in dependsOn${ref === id ? "" : ` (as "${ref}")`}.`, {
          hint: "Remove that dependsOn entry: a revision cannot depend on itself.",
        });
      }
      resolved.add(target);
    }
    dependencies.set(id, [...resolved]);
  }
  return dependencies;
}

/** Reverses an edge map: for each id, the ids that point at it, sorted by id. */
export function invertEdges(edges: ReadonlyMap<string, readonly string[]>, sortedIds: readonly string[]): Map<string, string[]> {
  const inverse = new Map<string, string[]>();
  for (const id of sortedIds) inverse.set(id, []);
  // Walking ids in sorted order appends sources in sorted order, so no sort is needed.
  for (const id of sortedIds) for (const target of edges.get(id) ?? []) (inverse.get(target) as string[]).push(id);
  return inverse;
}
