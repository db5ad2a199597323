/**
 * Pairs the constraints or indexes of a table in the model with those in the database. Names
 * decide first (the same name with another definition is a change); objects one side knows no
 * name for (SQLite keeps names only when declared) are then paired by definition alone.
 */

/** Something with an optional name. */
export interface Nameable {
  name?: string | null;
}

/** A model object and the database object it corresponds to. */
export interface MatchedPair<T> {
  target: T;
  actual: T;
}

/** How two lists of objects relate. */
export interface MatchResult<T> {
  /** Same object, nothing to do. */
  same: MatchedPair<T>[];
  /** Same name, different definition: drop the actual one and create the target one. */
  changed: MatchedPair<T>[];
  /** Only in the model. */
  added: T[];
  /** Only in the database. */
  removed: T[];
}

function nameOf(item: Nameable): string | null {
  return item.name ? item.name : null;
}

/** Pairs `target` with `actual` by name, then unnamed leftovers by `sameDefinition`. */
export function matchObjects<T extends Nameable>(target: readonly T[], actual: readonly T[], sameDefinition: (a: T, b: T) => boolean): MatchResult<T> {
  const result: MatchResult<T> = { same: [], changed: [], added: [], removed: [] };
  const remainingActual = [...actual];
  const unmatched: T[] = [];
  for (const t of target) {
    const name = nameOf(t);
    const index = name === null ? -1 : remainingActual.findIndex((a) => nameOf(a) === name);
    if (index < 0) {
      unmatched.push(t);
      continue;
    }
    const [a] = remainingActual.splice(index, 1);
    (sameDefinition(t, a!) ? result.same : result.changed).push({ target: t, actual: a! });
  }
  for (const t of unmatched) {
    const index = remainingActual.findIndex((a) => (nameOf(t) === null || nameOf(a) === null) && sameDefinition(t, a));
    if (index < 0) {
      result.added.push(t);
      continue;
    }
    const [a] = remainingActual.splice(index, 1);
    result.same.push({ target: t, actual: a! });
  }
  result.removed.push(...remainingActual);
  return result;
}

/** True when two column lists are the same, in the same order. */
export function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}
