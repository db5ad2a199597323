/**
 * The one engine that applies operations to a table's definition, the way the database would.
 * The runtime's tracker (what a run knows of each table between operations, online and offline)
 * and SQLite's rebuild (the definition it creates) both use it, so they cannot disagree.
 *
 * It knows no SQL: how names compare and how a column reference is renamed inside an expression
 * (a check, an index expression or predicate, a computed column) are the dialect's, passed in as
 * `IdentifierRules`. Edits also track where each column's values come from in the table as it was
 * when the edit began (renamed columns from their old name, `using` from its expression, new
 * columns from nothing), which is what a rebuild copies.
 */
import { SqlError } from "../errors.js";
import type { ColumnPosition, Operation, TableLevelOperation } from "./types.js";
import type { ColumnSchema, IndexElement, TableRef, TableSchema } from "../catalog/types.js";

/** How a dialect compares identifiers and renames a column inside SQL text. */
export interface IdentifierRules {
  /** True when the database takes the two names for the same column, index or constraint. */
  sameName(a: string, b: string): boolean;
  /** `text` with its references to column `from` renamed to `to`; absent: expressions keep their text. */
  renameColumn?(text: string, from: string, to: string): string;
}

/** Names compare exactly and expressions are left alone. */
export const exactNames: IdentifierRules = { sameName: (a, b) => a === b };

/** Where a column's values come from: a column of the table before the edit, an expression over it, or nothing (a new column). */
export type ColumnOrigin = { column: string } | { expression: string } | null;

/** A table definition being edited, and where its columns' values come from. */
export interface TableEdit {
  table: TableSchema;
  /** Per column, by its current name: the origin of its values. */
  origins: Map<string, ColumnOrigin>;
}

/** Starts editing a copy of `table`; every existing column comes from itself. */
export function startEdit(table: TableSchema): TableEdit {
  const copy = structuredClone(table);
  return { table: copy, origins: new Map(copy.columns.map((c) => [c.name, { column: c.name }])) };
}

function definitionError(message: string, hint: string): SqlError {
  return new SqlError(message, undefined, { hint });
}

function findColumn(table: TableSchema, name: string, rules: IdentifierRules): ColumnSchema {
  const column = table.columns.find((c) => rules.sameName(c.name, name));
  if (!column) {
    throw definitionError(`Table "${table.name}" has no column "${name}".`, `Its columns are: ${table.columns.map((c) => `"${c.name}"`).join(", ") || "(none)"}; fix the column name in the revision.`);
  }
  return column;
}

function includes(columns: readonly string[], name: string, rules: IdentifierRules): boolean {
  return columns.some((c) => rules.sameName(c, name));
}

function indexUses(elements: readonly IndexElement[], name: string, rules: IdentifierRules): boolean {
  return elements.some((e) => "column" in e && rules.sameName(e.column, name));
}

/** True when a column takes part in a key, unique constraint, foreign key or index (by column list). */
export function columnIsKeyed(table: TableSchema, name: string, rules: IdentifierRules = exactNames): boolean {
  return (
    includes(table.primaryKey?.columns ?? [], name, rules) ||
    table.uniques.some((u) => includes(u.columns, name, rules)) ||
    table.foreignKeys.some((f) => includes(f.columns, name, rules)) ||
    table.indexes.some((i) => indexUses(i.elements, name, rules)) ||
    (table.exclusions ?? []).some((x) => indexUses(x.elements, name, rules))
  );
}

function renameColumn(edit: TableEdit, column: ColumnSchema, to: string, rules: IdentifierRules): void {
  const t = edit.table;
  const from = column.name;
  if (!rules.sameName(from, to) && t.columns.some((c) => rules.sameName(c.name, to))) {
    throw definitionError(`Cannot rename "${t.name}"."${from}" to "${to}": that column already exists.`, "Pick a new name that no other column of the table uses.");
  }
  const swap = (names: string[]): string[] => names.map((n) => (rules.sameName(n, from) ? to : n));
  const text = (sql: string): string => rules.renameColumn?.(sql, from, to) ?? sql;
  column.name = to;
  if (t.primaryKey) t.primaryKey.columns = swap(t.primaryKey.columns);
  for (const u of t.uniques) u.columns = swap(u.columns);
  for (const f of t.foreignKeys) {
    f.columns = swap(f.columns);
    if (f.onDeleteColumns) f.onDeleteColumns = swap(f.onDeleteColumns);
    if (rules.sameName(f.referencedTable, t.name)) f.referencedColumns = swap(f.referencedColumns);
  }
  for (const c of t.checks) {
    c.expression = text(c.expression);
    if (c.column !== undefined && rules.sameName(c.column, from)) c.column = to;
  }
  for (const c of t.columns) if (c.generated?.kind === "computed") c.generated = { ...c.generated, sql: text(c.generated.sql) };
  for (const i of [...t.indexes, ...(t.exclusions ?? [])]) {
    i.elements = i.elements.map((e) => ("column" in e ? { ...e, column: rules.sameName(e.column, from) ? to : e.column } : { ...e, expression: text(e.expression) }));
    if (i.where) i.where = text(i.where);
    if (i.include) i.include = swap(i.include);
  }
  const origin = edit.origins.get(from) ?? null;
  edit.origins.delete(from);
  edit.origins.set(to, origin);
}

/** Where addColumn puts a column in `t.columns`; throws when `after` names no column of the table. */
function insertionIndex(t: TableSchema, position: ColumnPosition | undefined, rules: IdentifierRules): number {
  if (!position) return t.columns.length;
  if ("first" in position) return 0;
  return t.columns.indexOf(findColumn(t, position.after, rules)) + 1;
}

function dropColumn(edit: TableEdit, name: string, rules: IdentifierRules): void {
  const t = edit.table;
  const column = findColumn(t, name, rules);
  t.columns = t.columns.filter((c) => c !== column);
  edit.origins.delete(column.name);
  // As PostgreSQL does: keys, unique constraints and indexes over the column go with it.
  if (t.primaryKey && includes(t.primaryKey.columns, name, rules)) t.primaryKey = null;
  t.uniques = t.uniques.filter((u) => !includes(u.columns, name, rules));
  t.foreignKeys = t.foreignKeys.filter((f) => !includes(f.columns, name, rules));
  t.indexes = t.indexes.filter((i) => !indexUses(i.elements, name, rules));
  if (t.exclusions) t.exclusions = t.exclusions.filter((x) => !indexUses(x.elements, name, rules));
}

function constraintNotFound(t: TableSchema, kind: string, name: string): SqlError {
  return definitionError(
    `Table "${t.name}" has no ${kind} constraint named "${name}".`,
    "Check the constraint's name against the table (`migrate check` or the database's catalog), or pass `existing` so an unnamed constraint can be matched by its definition.",
  );
}

function dropConstraint(edit: TableEdit, op: Extract<TableLevelOperation, { kind: "dropConstraint" }>, rules: IdentifierRules): void {
  const t = edit.table;
  const existing = op.existing;
  const byName = (n: string | null | undefined): boolean => !!n && rules.sameName(n, op.name);
  if (op.type === "primaryKey") {
    if (!t.primaryKey || (t.primaryKey.name && !byName(t.primaryKey.name))) throw constraintNotFound(t, "primary key", op.name);
    t.primaryKey = null;
    return;
  }
  if (op.type === "check") {
    const exp = existing?.type === "check" ? existing.constraint.expression.trim() : undefined;
    const i = t.checks.findIndex((c) => byName(c.name) || (!c.name && exp !== undefined && c.expression.trim() === exp));
    if (i < 0) throw constraintNotFound(t, "check", op.name);
    t.checks.splice(i, 1);
    return;
  }
  if (op.type === "exclusion") {
    // PostgreSQL names every exclusion constraint, so the name finds it.
    const i = (t.exclusions ?? []).findIndex((x) => byName(x.name));
    if (i < 0) throw constraintNotFound(t, "exclusion", op.name);
    t.exclusions!.splice(i, 1);
    return;
  }
  const list = op.type === "unique" ? t.uniques : t.foreignKeys;
  const cols = existing && (existing.type === "unique" || existing.type === "foreignKey") ? existing.constraint.columns : undefined;
  const i = list.findIndex((c) => byName(c.name) || (!c.name && cols !== undefined && c.columns.length === cols.length && c.columns.every((n, k) => rules.sameName(n, cols[k] as string))));
  if (i < 0) throw constraintNotFound(t, op.type === "unique" ? "unique" : "foreign key", op.name);
  list.splice(i, 1);
}

/** A NOT VALID foreign key or check becomes valid (its definition is unchanged). */
function validateConstraint(t: TableSchema, op: Extract<TableLevelOperation, { kind: "validateConstraint" }>, rules: IdentifierRules): void {
  const list: { name?: string | null; notValid?: boolean }[] = op.type === "check" ? t.checks : t.foreignKeys;
  const found = list.find((c) => !!c.name && rules.sameName(c.name, op.name));
  if (!found) throw constraintNotFound(t, op.type === "check" ? "check" : "foreign key", op.name);
  delete found.notValid;
}

/** Storage parameters after SET (a value) and RESET (null); undefined when none are left. */
function withChanges(parameters: Record<string, string> | undefined, changes: Record<string, string | null>): Record<string, string> | undefined {
  const next = { ...(parameters ?? {}) };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * Applies one table-level operation to the definition being edited, or throws an SqlError when
 * the table cannot take it (a missing column, a name already taken, an unknown constraint).
 */
export function applyEdit(edit: TableEdit, op: TableLevelOperation, rules: IdentifierRules = exactNames): void {
  const t = edit.table;
  switch (op.kind) {
    case "addColumn":
      if (t.columns.some((c) => rules.sameName(c.name, op.column.name))) {
        throw definitionError(`Table "${t.name}" already has a column "${op.column.name}".`, "Pick another column name, or alter the existing column instead.");
      }
      t.columns.splice(insertionIndex(t, op.position, rules), 0, structuredClone(op.column));
      edit.origins.set(op.column.name, null);
      return;
    case "dropColumn":
      return dropColumn(edit, op.column, rules);
    case "alterColumn": {
      const column = findColumn(t, op.column, rules);
      if (op.type !== undefined) column.type = structuredClone(op.type);
      if (op.nullable !== undefined) column.nullable = op.nullable;
      if (op.default !== undefined) column.default = op.default;
      if (op.comment !== undefined) column.comment = op.comment;
      if (op.generated !== undefined) column.generated = op.generated;
      if (op.collation !== undefined) {
        column.collation = op.collation;
        if (op.collationSchema) column.collationSchema = op.collationSchema;
        else delete column.collationSchema;
      }
      if (op.onUpdate !== undefined) column.onUpdate = op.onUpdate;
      if (op.using) edit.origins.set(column.name, { expression: op.using });
      if (op.newName !== undefined && op.newName !== column.name) renameColumn(edit, column, op.newName, rules);
      return;
    }
    case "createIndex":
      if (t.indexes.some((i) => rules.sameName(i.name, op.index.name))) {
        if (op.ifNotExists) return;
        throw definitionError(`Table "${t.name}" already has an index "${op.index.name}".`, "Pick another index name, or drop the old index first.");
      }
      t.indexes.push(structuredClone(op.index));
      return;
    case "dropIndex": {
      const before = t.indexes.length;
      t.indexes = t.indexes.filter((i) => !rules.sameName(i.name, op.name));
      if (t.indexes.length === before && !op.ifExists) throw definitionError(`Table "${t.name}" has no index "${op.name}".`, "Check the index name, or pass ifExists: true.");
      return;
    }
    case "createPrimaryKey":
      if (t.primaryKey) throw definitionError(`Table "${t.name}" already has a primary key.`, 'Drop the existing primary key first (dropConstraint with type "primaryKey").');
      t.primaryKey = structuredClone(op.constraint);
      return;
    case "replacePrimaryKey":
      // The old key needs no name to go (a SQLite rebuild writes the new one).
      t.primaryKey = structuredClone(op.constraint);
      return;
    case "alterTableOptions":
      if (op.collation !== undefined) t.collation = op.collation;
      if (op.engine !== undefined) t.engine = op.engine;
      if (op.rowLevelSecurity === "disabled") delete t.rowLevelSecurity;
      else if (op.rowLevelSecurity !== undefined) t.rowLevelSecurity = op.rowLevelSecurity;
      if (op.unlogged === true) t.unlogged = true;
      else if (op.unlogged === false) delete t.unlogged;
      if (op.storageParameters) t.storageParameters = withChanges(t.storageParameters, op.storageParameters);
      if (t.storageParameters === undefined) delete t.storageParameters;
      return;
    case "alterIndexOptions": {
      const index = t.indexes.find((i) => rules.sameName(i.name, op.name));
      if (!index) throw definitionError(`Table "${t.name}" has no index "${op.name}".`, "Check the index name.");
      index.storageParameters = withChanges(index.storageParameters, op.storageParameters);
      if (index.storageParameters === undefined) delete index.storageParameters;
      return;
    }
    case "createForeignKey":
      t.foreignKeys.push(structuredClone(op.constraint));
      return;
    case "createUniqueConstraint":
      t.uniques.push(structuredClone(op.constraint));
      return;
    case "createCheckConstraint":
      t.checks.push(structuredClone(op.constraint));
      return;
    case "createExclusionConstraint":
      (t.exclusions ??= []).push(structuredClone(op.constraint));
      return;
    case "validateConstraint":
      return validateConstraint(t, op, rules);
    case "dropConstraint":
      return dropConstraint(edit, op, rules);
    case "createTableComment":
      t.comment = op.comment;
      return;
    case "dropTableComment":
      t.comment = null;
      return;
  }
}

/** `table` after `ops`, a new object (the input is left as it was); throws as applyEdit does. */
export function applyToTable(table: TableSchema, ops: readonly TableLevelOperation[], rules: IdentifierRules = exactNames): TableSchema {
  const edit = startEdit(table);
  for (const op of ops) applyEdit(edit, op, rules);
  return edit.table;
}

/** The key of a table among known tables: "schema.name". */
export function tableKey(ref: TableRef): string {
  return `${ref.schema ?? ""}.${ref.name}`;
}

/** The existing table an operation changes in place or renames (not creates or drops), if any. */
export function tableChangedInPlace(op: Operation): TableRef | undefined {
  switch (op.kind) {
    case "createTable":
    case "dropTable":
    // setComment leaves the tracked definitions as they were: what compiles from them (SQLite's
    // rebuild, MySQL's MODIFY and foreign-key handling) writes no index or constraint comment.
    case "setComment":
    case "createEnum":
    case "dropEnum":
    case "addEnumValue":
    case "renameEnumValue":
    case "createSchema":
    case "dropSchema":
    case "createObject":
    case "dropObject":
    case "replaceObject":
    case "execute":
    case "bulkInsert":
      return undefined;
    case "renameTable":
      return { schema: op.schema ?? null, name: op.from };
    default:
      return { schema: op.schema ?? null, name: op.table };
  }
}

/** The table-level operations of `op` on its table (a batch's operations, or the operation itself). */
export function tableLevelParts(op: Operation): TableLevelOperation[] {
  if (op.kind === "batchAlterTable") return op.operations.map((inner) => ({ ...inner, schema: op.schema, table: op.table }));
  return tableChangedInPlace(op) && op.kind !== "renameTable" ? [op as TableLevelOperation] : [];
}
