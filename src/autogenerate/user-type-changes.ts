/**
 * Changing a PostgreSQL composite or range type that something uses. A composite type is altered
 * in place (ALTER TYPE … DROP / ADD / ALTER ATTRIBUTE), but PostgreSQL refuses ALTER ATTRIBUTE …
 * TYPE while a table column uses the type ("cannot alter type … because column … uses it"), and
 * ADD ATTRIBUTE only appends, so an attribute order ALTER TYPE cannot reach means DROP TYPE,
 * which fails while anything uses it. A range type cannot be altered at all. Such a change is
 * not made: the replace is left out and it is an unmanaged difference (a warning in the
 * revision, a failure of check) that says what to write instead, rather than a revision that
 * fails half-way. The downgrade is judged too: a change whose reverse cannot be made in place
 * either is left out the same way, so `downgrade` never meets a statement PostgreSQL refuses.
 */
import { compositeAttributesOf, compositeTypeChange, displayIdentifier } from "../catalog/objects/composite-type.js";
import { defaultMultirangeName, rangeTypePartsOf } from "../catalog/objects/range-type.js";
import { objectKey, objectLabel, type DatabaseObject } from "../catalog/objects/types.js";
import type { ColumnType, TableSchema } from "../catalog/types.js";
import type { Operation, ReplaceObjectOp } from "../operations/types.js";

/** The names a column type may give `type` by: `address`, `"Address"`, `app.address`. */
function namesOf(type: DatabaseObject, name: string): Set<string> {
  const out = new Set([name, displayIdentifier(name)]);
  if (type.schema) for (const n of [...out]) out.add(`${type.schema}.${n}`).add(`${displayIdentifier(type.schema)}.${n}`);
  return out;
}

/** True when the column type is `names` (or an array of it). */
function typedBy(type: ColumnType, names: ReadonlySet<string>): boolean {
  if (type.kind === "array") return typedBy(type.of, names);
  return type.kind === "raw" && names.has(type.sql.replace(/(\s*\[\d*\])+$/, "").trim());
}

/** "films.studio, orders.span": the columns of `tables` typed by the object (a range type: or by its multirange type). */
function columnsUsing(type: DatabaseObject, tables: readonly TableSchema[]): string[] {
  const names = namesOf(type, type.name);
  if (type.kind === "rangeType") {
    const multirange = rangeTypePartsOf(type.definition)?.multirangeTypeName ?? defaultMultirangeName(type.name);
    for (const n of namesOf(type, multirange)) names.add(n);
  }
  return tables.flatMap((t) => t.columns.filter((c) => typedBy(c.type, names)).map((c) => `${t.schema ? `${t.schema}.` : ""}${t.name}.${c.name}`));
}

/** Why the composite type's change cannot be made where it is used, or null when it can. */
function compositeBlocked(op: ReplaceObjectOp, columns: readonly string[], users: readonly DatabaseObject[]): string | null {
  const from = compositeAttributesOf(op.existing.definition);
  const to = compositeAttributesOf(op.object.definition);
  // Unused, any change can be made: in place, or by DROP TYPE and CREATE TYPE.
  if (!from || !to || columns.length + users.length === 0) return null;
  const forward = compositeTypeChange(from, to);
  const back = compositeTypeChange(to, from);
  const inUse = [...columns.map((c) => `column ${c}`), ...users.map(objectLabel)].join(", ");
  if (columns.length > 0 && forward && forward.alter.length > 0) {
    return `PostgreSQL cannot change the type or collation of ${forward.alter.map((a) => a.name).join(", ")} while ${inUse} ${columns.length + users.length === 1 ? "uses" : "use"} the type: add an attribute under a new name, copy the values into it with UPDATE, then drop the old attribute (two revisions), or move the columns off the type first`;
  }
  if (!forward || !back) {
    const which = forward ? "the downgrade" : "the change";
    return `ALTER TYPE only appends attributes, so ${which} needs DROP TYPE, which PostgreSQL refuses while ${inUse} ${columns.length + users.length === 1 ? "uses" : "use"} the type: add and drop attributes at the end of the list only (the order the model gives must be one ALTER TYPE can reach both ways), or write the revision by hand`;
  }
  return null;
}

/**
 * The operations without the replaces of composite and range types that PostgreSQL would refuse
 * where they are used (by columns of `actual`, or by objects that depend on them), and for each a
 * message saying what to do instead.
 */
export function userTypeChanges(ops: readonly Operation[], actual: readonly TableSchema[], actualObjects: readonly DatabaseObject[]): { ops: Operation[]; unmanaged: string[] } {
  const blocked = new Set<Operation>();
  const unmanaged: string[] = [];
  for (const op of ops) {
    if (op.kind !== "replaceObject" || (op.object.kind !== "compositeType" && op.object.kind !== "rangeType")) continue;
    const existing = op.existing;
    const key = objectKey(existing);
    const columns = columnsUsing(existing, actual);
    const users = actualObjects.filter((o) => (o.dependsOn ?? []).includes(key));
    let reason: string | null = null;
    if (existing.kind === "rangeType" && (columns.length > 0 || users.length > 0)) {
      const inUse = [...columns.map((c) => `column ${c}`), ...users.map(objectLabel)].join(", ");
      reason = `PostgreSQL cannot alter a range type, and dropping it to create it again is refused while ${inUse} ${columns.length + users.length === 1 ? "uses" : "use"} it: create a range type under a new name, move the columns to it (ALTER COLUMN … TYPE … USING), then drop the old one`;
    } else if (existing.kind === "compositeType") reason = compositeBlocked(op, columns, users);
    if (reason === null) continue;
    blocked.add(op);
    unmanaged.push(`${objectLabel(existing)}: the model says ${op.object.definition}, the database holds ${existing.definition}; ${reason}`);
  }
  return { ops: ops.filter((op) => !blocked.has(op)), unmanaged };
}
