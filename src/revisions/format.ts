/**
 * Small helpers shared by the revision modules: a locale-independent id order (so every listing
 * is the same on every machine) and the wording used to name revisions in messages.
 */
import type { Revision } from "./types.js";

/** Orders ids by UTF-16 code units: deterministic, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy of `ids` without duplicates. */
export function sortIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareIds);
}

/** "a", "a and b", "a, b and c": a list for a sentence. */
export function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join("");
  return `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}

/** A revision named for a message: its id, plus its file when known. */
export function describeRevision(revision: Revision): string {
  return revision.path ? `${revision.id} (${revision.path})` : revision.id;
}
