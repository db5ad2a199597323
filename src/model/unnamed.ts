/**
 * Constraints the user asked to leave without a name (`{ name: null }`). SQLite keeps a
 * constraint declared without `CONSTRAINT name` unnamed, and a schema pulled from such a
 * database must be able to say so, or every round trip would add names the database never had.
 * The mark lives beside the plain TableSchema objects (a WeakSet, not a field) so that the
 * neutral schema keeps its shape: between buildTable and assignNames the same objects are
 * passed along, and afterwards an unnamed constraint is simply one whose name is null.
 */

const keptUnnamed = new WeakSet<object>();

/** Marks `constraint` as deliberately unnamed, so the naming convention leaves it alone; returns it. */
export function keepUnnamed<T extends object>(constraint: T): T {
  keptUnnamed.add(constraint);
  return constraint;
}

/** True when `constraint` was marked with keepUnnamed. */
export function isKeptUnnamed(constraint: object): boolean {
  return keptUnnamed.has(constraint);
}
