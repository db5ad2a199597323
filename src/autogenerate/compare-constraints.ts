/**
 * Constraint differences of one table: primary key, foreign keys, unique, check and exclusion
 * constraints. A constraint whose definition changed is dropped and created again (there is no
 * ALTER CONSTRAINT that covers every change); every drop carries the constraint it removes. The
 * one change made in place is validating a NOT VALID foreign key or check (VALIDATE CONSTRAINT).
 */
import { constraintNameForDrop } from "../operations/constraint-names.js";
import type { DropConstraintOp, ExistingConstraint, Operation, ValidatableConstraint } from "../operations/types.js";
import type { CheckSchema, ConstraintTiming, ExclusionSchema, ForeignKeySchema, TableSchema, UniqueSchema } from "../catalog/types.js";
import { onTable } from "./compare-context.js";
import type { ExpressionKey } from "./compare-expressions.js";
import { sameElement } from "./compare-indexes.js";
import { matchObjects, sameColumns, type MatchedPair } from "./compare-match.js";
import { sameAction, sameExpression } from "./compare-values.js";

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

/** True when two constraints are both validated or both NOT VALID. */
function sameValidity(a: { notValid?: boolean }, b: { notValid?: boolean }): boolean {
  return !!a.notValid === !!b.notValid;
}

/**
 * Splits changed pairs into those a VALIDATE CONSTRAINT turns into the target (the same
 * constraint, NOT VALID in the database and valid in the model) and the rest, dropped and added
 * again (a valid constraint cannot be made NOT VALID in place).
 */
function validations<T extends { name?: string | null; notValid?: boolean }>(
  actual: TableSchema,
  changed: readonly MatchedPair<T>[],
  sameDefinition: (a: T, b: T) => boolean,
  existing: (c: T) => ValidatableConstraint,
): { validate: Operation[]; rest: MatchedPair<T>[] } {
  const validate: Operation[] = [];
  const rest: MatchedPair<T>[] = [];
  for (const pair of changed) {
    if (pair.actual.name && pair.actual.notValid && !pair.target.notValid && sameDefinition(pair.target, pair.actual)) {
      validate.push({ kind: "validateConstraint", ...onTable(actual), name: pair.actual.name, type: existing(pair.actual).type, existing: existing(pair.actual) });
    } else rest.push(pair);
  }
  return { validate, rest };
}

function compareForeignKeys(target: TableSchema, actual: TableSchema): Operation[] {
  const match = matchObjects(target.foreignKeys, actual.foreignKeys, (a, b) => sameForeignKey(a, b) && sameValidity(a, b));
  const { validate, rest } = validations(actual, match.changed, sameForeignKey, (fk) => ({ type: "foreignKey", constraint: fk }));
  const drops = [...rest.map((p) => p.actual), ...match.removed];
  const creates = [...rest.map((p) => p.target), ...match.added];
  return [
    ...drops.map((fk) => dropConstraint(actual, { type: "foreignKey", constraint: fk })),
    ...validate,
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
  const sameCheck = (a: CheckSchema, b: CheckSchema): boolean => key(a.expression) === key(b.expression);
  const match = matchObjects<CheckSchema>(target.checks, actual.checks, (a, b) => sameCheck(a, b) && sameValidity(a, b));
  const { validate, rest } = validations(actual, match.changed, sameCheck, (c) => ({ type: "check", constraint: c }));
  return [
    ...[...rest.map((p) => p.actual), ...match.removed].map((c) => dropConstraint(actual, { type: "check", constraint: c })),
    ...validate,
    ...[...rest.map((p) => p.target), ...match.added].map((c): Operation => ({ kind: "createCheckConstraint", ...onTable(target), constraint: c })),
  ];
}

/**
 * True when two exclusion constraints exclude the same rows the same way: method, elements
 * (what each indexes, with its options, and its operator), INCLUDE columns, predicate, timing.
 * Expressions compare by the expression key, so `during WITH &&` and `NOT cancelled` as written
 * equal what pg_get_constraintdef prints back.
 */
function sameExclusion(a: ExclusionSchema, b: ExclusionSchema, key: ExpressionKey): boolean {
  return (
    a.using.toLowerCase() === b.using.toLowerCase() &&
    a.elements.length === b.elements.length &&
    a.elements.every((element, i) => sameElement(element, b.elements[i]!, key) && element.operator === b.elements[i]!.operator) &&
    sameColumns(a.include ?? [], b.include ?? []) &&
    sameExpression(a.where, b.where, key) &&
    sameTiming(a, b)
  );
}

function compareExclusions(target: TableSchema, actual: TableSchema, key: ExpressionKey): Operation[] {
  const match = matchObjects<ExclusionSchema>(target.exclusions ?? [], actual.exclusions ?? [], (a, b) => sameExclusion(a, b, key));
  return [
    ...[...match.changed.map((p) => p.actual), ...match.removed].map((x) => dropConstraint(actual, { type: "exclusion", constraint: x })),
    ...[...match.changed.map((p) => p.target), ...match.added].map((x): Operation => ({ kind: "createExclusionConstraint", ...onTable(target), constraint: x })),
  ];
}

/** Operations that turn `actual`'s constraints into `target`'s (one table present on both sides). */
export function compareConstraints(target: TableSchema, actual: TableSchema, key: ExpressionKey): Operation[] {
  return [
    ...comparePrimaryKey(target, actual),
    ...compareForeignKeys(target, actual),
    ...compareUniques(target, actual),
    ...compareChecks(target, actual, key),
    ...compareExclusions(target, actual, key),
  ];
}
