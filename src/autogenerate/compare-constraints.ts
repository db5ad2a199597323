/**
 * Constraint differences of one table: primary key, foreign keys, unique and check constraints.
 * A constraint whose definition changed is dropped and created again (there is no ALTER
 * CONSTRAINT that covers every change); every drop carries the constraint it removes.
 */
import { constraintNameForDrop } from "../operations/constraint-names.js";
import type { DropConstraintOp, ExistingConstraint, Operation } from "../operations/types.js";
import type { CheckSchema, ConstraintTiming, ForeignKeySchema, TableSchema, UniqueSchema } from "../catalog/types.js";
import { onTable } from "./compare-context.js";
import type { ExpressionKey } from "./compare-expressions.js";
import { matchObjects, sameColumns } from "./compare-match.js";
import { sameAction } from "./compare-values.js";

/** A dropConstraint for `existing` on `table`. */
export function dropConstraint(table: TableSchema, existing: ExistingConstraint): DropConstraintOp {
  return { kind: "dropConstraint", ...onTable(table), name: constraintNameForDrop(table.name, existing), type: existing.type, existing };
}

/** True when two constraints are checked at the same time (INITIALLY DEFERRED implies DEFERRABLE). */
function sameTiming(a: ConstraintTiming, b: ConstraintTiming): boolean {
  const deferrable = (c: ConstraintTiming): boolean => !!c.deferrable || !!c.initiallyDeferred;
  return deferrable(a) === deferrable(b) && !!a.initiallyDeferred === !!b.initiallyDeferred;
}

/** True when two keys' indexes store the same INCLUDE columns (in order: the index stores them so). */
function sameInclude(a: { include?: string[] }, b: { include?: string[] }): boolean {
  return sameColumns(a.include ?? [], b.include ?? []);
}

/** True when two unique constraints enforce the same thing the same way (names aside). */
function sameUnique(a: UniqueSchema, b: UniqueSchema): boolean {
  return sameColumns(a.columns, b.columns) && sameTiming(a, b) && !!a.nullsNotDistinct === !!b.nullsNotDistinct && sameInclude(a, b);
}

/** True when two foreign keys enforce the same reference with the same behaviour. */
function sameForeignKey(a: ForeignKeySchema, b: ForeignKeySchema): boolean {
  return (
    sameColumns(a.columns, b.columns) &&
    (a.referencedSchema ?? null) === (b.referencedSchema ?? null) &&
    a.referencedTable === b.referencedTable &&
    sameColumns(a.referencedColumns, b.referencedColumns) &&
    sameAction(a.onDelete, b.onDelete) &&
    sameAction(a.onUpdate, b.onUpdate) &&
    (a.match ?? null) === (b.match ?? null) &&
    sameColumns(a.onDeleteColumns ?? [], b.onDeleteColumns ?? []) &&
    sameTiming(a, b)
  );
}

function comparePrimaryKey(target: TableSchema, actual: TableSchema): Operation[] {
  const t = target.primaryKey && target.primaryKey.columns.length > 0 ? target.primaryKey : null;
  const a = actual.primaryKey && actual.primaryKey.columns.length > 0 ? actual.primaryKey : null;
  if (!t && !a) return [];
  if (t && a && sameColumns(t.columns, a.columns) && sameTiming(t, a) && sameInclude(t, a) && !!t.descending === !!a.descending && (!t.name || !a.name || t.name === a.name)) return [];
  // A changed key is replaced in one statement (MySQL keeps an AUTO_INCREMENT column keyed).
  if (t && a) return [{ kind: "replacePrimaryKey", ...onTable(target), constraint: t, existing: a }];
  if (a) return [dropConstraint(actual, { type: "primaryKey", constraint: a })];
  return t ? [{ kind: "createPrimaryKey", ...onTable(target), constraint: t }] : [];
}

function compareForeignKeys(target: TableSchema, actual: TableSchema): Operation[] {
  const match = matchObjects(target.foreignKeys, actual.foreignKeys, sameForeignKey);
  const drops = [...match.changed.map((p) => p.actual), ...match.removed];
  const creates = [...match.changed.map((p) => p.target), ...match.added];
  return [
    ...drops.map((fk) => dropConstraint(actual, { type: "foreignKey", constraint: fk })),
    ...creates.map((fk): Operation => ({ kind: "createForeignKey", ...onTable(target), constraint: fk })),
  ];
}

function compareUniques(target: TableSchema, actual: TableSchema): Operation[] {
  const match = matchObjects<UniqueSchema>(target.uniques, actual.uniques, sameUnique);
  return [
    ...[...match.changed.map((p) => p.actual), ...match.removed].map((u) => dropConstraint(actual, { type: "unique", constraint: u })),
    ...[...match.changed.map((p) => p.target), ...match.added].map((u): Operation => ({ kind: "createUniqueConstraint", ...onTable(target), constraint: u })),
  ];
}

function compareChecks(target: TableSchema, actual: TableSchema, key: ExpressionKey): Operation[] {
  // A check that changes validity is added again: NOT VALID cannot be set on a validated check.
  const match = matchObjects<CheckSchema>(target.checks, actual.checks, (a, b) => key(a.expression) === key(b.expression) && !!a.notValid === !!b.notValid);
  return [
    ...[...match.changed.map((p) => p.actual), ...match.removed].map((c) => dropConstraint(actual, { type: "check", constraint: c })),
    ...[...match.changed.map((p) => p.target), ...match.added].map((c): Operation => ({ kind: "createCheckConstraint", ...onTable(target), constraint: c })),
  ];
}

/** Operations that turn `actual`'s constraints into `target`'s (one table present on both sides). */
export function compareConstraints(target: TableSchema, actual: TableSchema, key: ExpressionKey): Operation[] {
  return [...comparePrimaryKey(target, actual), ...compareForeignKeys(target, actual), ...compareUniques(target, actual), ...compareChecks(target, actual, key)];
}
