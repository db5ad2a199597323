/**
 * Applies table-level operations to a table definition, the way the database would: the result
 * is the definition a rebuild creates. It also tracks where each new column's values come from
 * in the old table (renamed columns map to their old name, new columns to nothing), which is
 * what the rebuild's INSERT … SELECT copies.
 */
import { SqlError, UnsupportedOperationError } from "../../errors.js";
import type { TableLevelOperation } from "../../operations/types.js";
import type { ColumnSchema, IndexElement, TableSchema } from "../../catalog/types.js";
import { foldName, sameName } from "./names.js";
import { quoteIdentifier } from "./quote.js";
import { isPunct, tokenize } from "./sql-tokens.js";

/** A table definition being edited, and where its columns' values come from. */
export interface TableEdit {
  table: TableSchema;
  /** Per column (folded name): an SQL expression over the old table, or null for a new column. */
  sources: Map<string, string | null>;
}

/**
 * Starts editing a copy of `table`; every existing column is copied from itself. Generated
 * columns have a source too (they can be read), so one that becomes a plain column keeps its
 * values; the rebuild never writes into a column that is still generated.
 */
export function startEdit(table: TableSchema): TableEdit {
  const copy = structuredClone(table);
  const sources = new Map<string, string | null>();
  for (const column of copy.columns) sources.set(foldName(column.name), quoteIdentifier(column.name));
  return { table: copy, sources };
}

function definitionError(message: string, hint: string): SqlError {
  return new SqlError(message, undefined, { hint });
}

function findColumn(table: TableSchema, name: string): ColumnSchema {
  const column = table.columns.find((c) => sameName(c.name, name));
  if (!column) {
    throw definitionError(`Table "${table.name}" has no column "${name}".`, `Its columns are: ${table.columns.map((c) => `"${c.name}"`).join(", ") || "(none)"}; fix the column name in the revision.`);
  }
  return column;
}

/**
 * Renames `from` to `to` wherever the identifier appears as a column reference in `text`
 * (not in strings, not after a dot, not as a function name).
 */
export function renameIdentifier(text: string, from: string, to: string): string {
  const tokens = tokenize(text);
  let out = "";
  let last = 0;
  tokens.forEach((t, i) => {
    if ((t.kind !== "word" && t.kind !== "quoted") || !sameName(t.value, from)) return;
    if (isPunct(tokens[i - 1], ".") || isPunct(tokens[i + 1], "(")) return;
    out += text.slice(last, t.start) + quoteIdentifier(to);
    last = t.end;
  });
  return out + text.slice(last);
}

function includes(columns: string[], name: string): boolean {
  return columns.some((c) => sameName(c, name));
}

function indexUses(elements: IndexElement[], name: string): boolean {
  return elements.some((e) => "column" in e && sameName(e.column, name));
}

/** True when a column takes part in a key, unique constraint or index (by column list). */
export function columnIsKeyed(table: TableSchema, name: string): boolean {
  return (
    includes(table.primaryKey?.columns ?? [], name) ||
    table.uniques.some((u) => includes(u.columns, name)) ||
    table.foreignKeys.some((f) => includes(f.columns, name)) ||
    table.indexes.some((i) => indexUses(i.elements, name))
  );
}

function renameColumn(edit: TableEdit, column: ColumnSchema, to: string): void {
  const t = edit.table;
  const from = column.name;
  if (!sameName(from, to) && t.columns.some((c) => sameName(c.name, to))) {
    throw definitionError(`Cannot rename "${t.name}"."${from}" to "${to}": that column already exists.`, "Pick a new name that no other column of the table uses.");
  }
  const swap = (names: string[]): string[] => names.map((n) => (sameName(n, from) ? to : n));
  const text = (sql: string): string => renameIdentifier(sql, from, to);
  column.name = to;
  if (t.primaryKey) t.primaryKey.columns = swap(t.primaryKey.columns);
  for (const u of t.uniques) u.columns = swap(u.columns);
  for (const f of t.foreignKeys) {
    f.columns = swap(f.columns);
    if (sameName(f.referencedTable, t.name)) f.referencedColumns = swap(f.referencedColumns);
  }
  for (const c of t.checks) c.expression = text(c.expression);
  for (const c of t.columns) if (c.generated?.kind === "computed") c.generated = { ...c.generated, sql: text(c.generated.sql) };
  for (const i of t.indexes) {
    i.elements = i.elements.map((e) => ("column" in e ? { ...e, column: sameName(e.column, from) ? to : e.column } : { ...e, expression: text(e.expression) }));
    if (i.where) i.where = text(i.where);
  }
  const source = edit.sources.get(foldName(from)) ?? null;
  edit.sources.delete(foldName(from));
  edit.sources.set(foldName(to), source);
}

function dropColumn(edit: TableEdit, name: string): void {
  const t = edit.table;
  const column = findColumn(t, name);
  t.columns = t.columns.filter((c) => c !== column);
  edit.sources.delete(foldName(column.name));
  // As PostgreSQL does: keys, unique constraints and indexes over the column go with it.
  if (t.primaryKey && includes(t.primaryKey.columns, name)) t.primaryKey = null;
  t.uniques = t.uniques.filter((u) => !includes(u.columns, name));
  t.foreignKeys = t.foreignKeys.filter((f) => !includes(f.columns, name));
  t.indexes = t.indexes.filter((i) => !indexUses(i.elements, name));
}

function constraintNotFound(t: TableSchema, kind: string, name: string): SqlError {
  return definitionError(`Table "${t.name}" has no ${kind} constraint named "${name}".`, "SQLite only knows constraint names written in CREATE TABLE; reflect the table to see them, or pass `existing` so the constraint can be matched by its definition.");
}

function dropConstraint(edit: TableEdit, op: Extract<TableLevelOperation, { kind: "dropConstraint" }>): void {
  const t = edit.table;
  const existing = op.existing;
  const byName = (n: string | null | undefined): boolean => !!n && sameName(n, op.name);
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
  const list = op.type === "unique" ? t.uniques : t.foreignKeys;
  const cols = existing && existing.type !== "check" ? existing.constraint.columns : undefined;
  const i = list.findIndex((c) => byName(c.name) || (!c.name && cols !== undefined && c.columns.length === cols.length && c.columns.every((n, k) => sameName(n, cols[k]))));
  if (i < 0) throw constraintNotFound(t, op.type === "unique" ? "unique" : "foreign key", op.name);
  list.splice(i, 1);
}

/** Applies one operation to the definition being edited. */
export function applyEdit(edit: TableEdit, op: TableLevelOperation): void {
  const t = edit.table;
  switch (op.kind) {
    case "addColumn":
      if (t.columns.some((c) => sameName(c.name, op.column.name))) {
        throw definitionError(`Table "${t.name}" already has a column "${op.column.name}".`, "Pick another column name, or alter the existing column instead.");
      }
      t.columns.push(structuredClone(op.column));
      edit.sources.set(foldName(op.column.name), null);
      return;
    case "dropColumn":
      return dropColumn(edit, op.column);
    case "alterColumn": {
      const column = findColumn(t, op.column);
      if (op.type !== undefined) column.type = op.type;
      if (op.nullable !== undefined) column.nullable = op.nullable;
      if (op.default !== undefined) column.default = op.default;
      if (op.generated !== undefined) column.generated = op.generated;
      if (op.using) edit.sources.set(foldName(column.name), op.using);
      if (op.newName !== undefined && op.newName !== column.name) renameColumn(edit, column, op.newName);
      return;
    }
    case "createIndex":
      if (t.indexes.some((i) => sameName(i.name, op.index.name))) {
        if (op.ifNotExists) return;
        throw definitionError(`Table "${t.name}" already has an index "${op.index.name}".`, "Pick another index name, or drop the old index first.");
      }
      t.indexes.push(structuredClone(op.index));
      return;
    case "dropIndex": {
      const before = t.indexes.length;
      t.indexes = t.indexes.filter((i) => !sameName(i.name, op.name));
      if (t.indexes.length === before && !op.ifExists) {
        throw definitionError(`Table "${t.name}" has no index "${op.name}".`, "Check the index name, or pass ifExists: true.");
      }
      return;
    }
    case "createPrimaryKey":
      if (t.primaryKey) throw definitionError(`Table "${t.name}" already has a primary key.`, "Drop the existing primary key first (dropConstraint with type \"primaryKey\").");
      t.primaryKey = structuredClone(op.constraint);
      return;
    case "createForeignKey":
      t.foreignKeys.push(structuredClone(op.constraint));
      return;
    case "createUniqueConstraint":
      t.uniques.push(structuredClone(op.constraint));
      return;
    case "createCheckConstraint":
      t.checks.push(structuredClone(op.constraint));
      return;
    case "dropConstraint":
      return dropConstraint(edit, op);
    case "createTableComment":
    case "dropTableComment":
      throw new UnsupportedOperationError(`SQLite has no table comments (${op.kind} on "${t.name}").`, {
        hint: "Remove the comment operation for SQLite; SQLite cannot store comments.",
      });
  }
}
