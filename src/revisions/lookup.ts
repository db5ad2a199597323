/**
 * Finding what a written reference names, shared by graph building (dependsOn entries) and by
 * target resolution. Kept free of policy about labels: the caller decides what a label means.
 */

/** What a reference matched. */
export type Lookup =
  | { kind: "revision"; id: string }
  | { kind: "label"; label: string }
  | { kind: "ambiguous"; matches: string[] }
  | { kind: "none" };

/**
 * Every id in `sortedIds` that starts with `prefix`. Ids sharing a prefix are contiguous in sorted
 * order, so a binary search finds the first and the scan stops at the first non-match:
 * O(log n + matches).
 */
export function idsWithPrefix(sortedIds: readonly string[], prefix: string): string[] {
  if (prefix === "") return [];
  let low = 0;
  let high = sortedIds.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sortedIds[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  const matches: string[] = [];
  for (let i = low; i < sortedIds.length && (sortedIds[i] as string).startsWith(prefix); i++) matches.push(sortedIds[i] as string);
  return matches;
}

/**
 * Looks `ref` up in this order: an exact revision id, an exact branch label, then a unique id
 * prefix. Exact names win so that a short label or id never becomes ambiguous with longer ids.
 */
export function lookupReference(
  ref: string,
  sortedIds: readonly string[],
  isId: (name: string) => boolean,
  isLabel: (name: string) => boolean,
): Lookup {
  if (isId(ref)) return { kind: "revision", id: ref };
  if (isLabel(ref)) return { kind: "label", label: ref };
  const matches = idsWithPrefix(sortedIds, ref);
  if (matches.length === 1) return { kind: "revision", id: matches[0] as string };
  if (matches.length > 1) return { kind: "ambiguous", matches };
  return { kind: "none" };
}
