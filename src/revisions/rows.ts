/**
 * Version rows and the applied set they stand for.
 *
 * The version table holds one row per current head. What is applied is everything those rows
 * build on, through downRevisions and dependsOn alike. Going back, the rows of an applied set are
 * its revisions that no applied revision revises or depends on — as Alembic keeps them: applying
 * a revision replaces the rows of its parents and of its dependencies by one row (a dependency
 * pulled in by `upgrade net@head` leaves no row of its own). So after `upgrade heads` the rows are
 * the heads minus those another head depends on.
 */
import { MigrateError } from "../errors.js";
import { listIds, sortIds } from "./format.js";
import type { RevisionGraph } from "./graph.js";

/**
 * The rows sorted and without duplicates, after checking each names a known revision; an unknown
 * row is MigrateError "version-table" (the file is gone, or the table belongs to other code).
 */
export function checkRows(graph: RevisionGraph, rows: readonly string[]): string[] {
  const sorted = sortIds(rows);
  const unknown = sorted.filter((row) => !graph.has(row));
  if (unknown.length > 0) {
    const what = unknown.length === 1 ? `revision ${unknown[0]}, which no revision file defines` : `revisions ${listIds(unknown)}, which no revision files define`;
    throw new MigrateError("version-table", `The version table names ${what}.`, {
      hint: "Run `migrate stamp --purge <rev>` to reset the version table, or restore the missing file.",
    });
  }
  return sorted;
}

/** True when the version rows are exactly what `upgrade heads` leaves: the database is up to date. */
export function atHeads(graph: RevisionGraph, rows: readonly string[]): boolean {
  const heads = normalizeRows(graph, graph.heads());
  return rows.length === heads.length && heads.every((h) => rows.includes(h));
}

/** Every applied revision: the rows plus all they build on (downRevisions and dependsOn). O(n). */
export function appliedRevisions(graph: RevisionGraph, rows: readonly string[]): Set<string> {
  return graph.ancestors(checkRows(graph, rows), { inclusive: true });
}

/** True when no revision in `applied` revises or depends on `id`. */
export function isRowOf(graph: RevisionGraph, id: string, applied: ReadonlySet<string>): boolean {
  return !graph.children(id).some((child) => applied.has(child)) && !graph.dependents(id).some((dependent) => applied.has(dependent));
}

/** The version rows that record `applied`: applied revisions nothing applied revises or depends on, sorted. */
export function versionRows(graph: RevisionGraph, applied: ReadonlySet<string>): string[] {
  const rows: string[] = [];
  for (const id of applied) if (isRowOf(graph, id, applied)) rows.push(id);
  return sortIds(rows);
}

/** The rows as the table should hold them: `rows` with redundant ancestors dropped, sorted. */
export function normalizeRows(graph: RevisionGraph, rows: readonly string[]): string[] {
  return versionRows(graph, appliedRevisions(graph, rows));
}
