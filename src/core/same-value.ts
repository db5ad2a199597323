/**
 * Structural equality for plain schema data (types, defaults, generations), treating an absent
 * property like an undefined one, so `{ kind: "timestamp" }` equals
 * `{ kind: "timestamp", precision: undefined }`.
 */

/** True when `a` and `b` hold the same plain data, an absent property equalling an undefined one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}
