/**
 * The name a drop uses for a constraint that has none (SQLite keeps a constraint unnamed unless
 * declared with CONSTRAINT name; a model may say `{ name: null }`). It is PostgreSQL's own default
 * name, which is right where the database named the constraint itself; the SQLite rebuild never
 * needs it, because it finds the constraint through the drop's `existing` definition.
 */
import type { ExistingConstraint } from "./types.js";

/** `existing`'s name, or the default name its database would have given it on `table`. */
export function constraintNameForDrop(table: string, existing: ExistingConstraint): string {
  const c = existing.constraint;
  if (c.name) return c.name;
  switch (existing.type) {
    case "primaryKey":
      return `${table}_pkey`;
    case "foreignKey":
      return `${table}_${existing.constraint.columns.join("_")}_fkey`;
    case "unique":
      return `${table}_${existing.constraint.columns.join("_")}_key`;
    case "check":
      return `${table}_check`;
    case "exclusion":
      // PostgreSQL names it as its index: the columns, "expr" for an expression.
      return `${table}_${existing.constraint.elements.map((e) => ("column" in e ? e.column : "expr")).join("_")}_excl`;
  }
}
