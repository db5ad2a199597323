/**
 * Tracks table definitions through a sequence of operations without a database, so offline
 * `--sql` runs know what a table looks like when a later operation needs it (SQLite rebuilds).
 */
import type { Operation, TableLevelOperation } from "../operations/types.js";
import type { ColumnSchema, TableRef, TableSchema } from "../catalog/types.js";

/** Applies a table-level operation to a table definition, returning the new definition. */
function applyTableOperation(table: TableSchema, op: TableLevelOperation): TableSchema {
  const t: TableSchema = structuredClone(table);
  switch (op.kind) {
    case "addColumn":
      t.columns.push(structuredClone(op.column));
      break;
    case "dropColumn":
      t.columns = t.columns.filter((c) => c.name !== op.column);
      break;
    case "alterColumn": {
      const col = t.columns.find((c) => c.name === op.column);
      if (col) alterColumn(col, op);
      if (op.newName) renameColumnReferences(t, op.column, op.newName);
      break;
    }
    case "createIndex":
      t.indexes.push(structuredClone(op.index));
      break;
    case "dropIndex":
      t.indexes = t.indexes.filter((i) => i.name !== op.name);
      break;
    case "createPrimaryKey":
      t.primaryKey = structuredClone(op.constraint);
      break;
    case "createForeignKey":
      t.foreignKeys.push(structuredClone(op.constraint));
      break;
    case "createUniqueConstraint":
      t.uniques.push(structuredClone(op.constraint));
      break;
    case "createCheckConstraint":
      t.checks.push(structuredClone(op.constraint));
      break;
    case "dropConstraint":
      if (op.type === "primaryKey") t.primaryKey = null;
      t.foreignKeys = t.foreignKeys.filter((c) => c.name !== op.name);
      t.uniques = t.uniques.filter((c) => c.name !== op.name);
      t.checks = t.checks.filter((c) => c.name !== op.name);
      break;
    case "createTableComment":
      t.comment = op.comment;
      break;
    case "dropTableComment":
      t.comment = null;
      break;
  }
  return t;
}

function alterColumn(col: ColumnSchema, op: Extract<TableLevelOperation, { kind: "alterColumn" }>): void {
  if (op.type !== undefined) col.type = structuredClone(op.type);
  if (op.nullable !== undefined) col.nullable = op.nullable;
  if (op.default !== undefined) col.default = op.default;
  if (op.comment !== undefined) col.comment = op.comment;
  if (op.generated !== undefined) col.generated = op.generated;
  if (op.newName) col.name = op.newName;
}

function renameColumnReferences(t: TableSchema, from: string, to: string): void {
  const swap = (names: string[]) => names.map((n) => (n === from ? to : n));
  if (t.primaryKey) t.primaryKey.columns = swap(t.primaryKey.columns);
  for (const fk of t.foreignKeys) fk.columns = swap(fk.columns);
  for (const u of t.uniques) u.columns = swap(u.columns);
  for (const i of t.indexes) for (const e of i.elements) if ("column" in e && e.column === from) e.column = to;
}

/** The key of a table in a map of known tables: "schema.name". */
export function tableKey(ref: TableRef): string {
  return `${ref.schema ?? ""}.${ref.name}`;
}

/** Updates a map of known tables (keyed by tableKey) after `op` ran. Unknown tables stay unknown. */
export function applyToTableState(tables: Map<string, TableSchema>, op: Operation): void {
  switch (op.kind) {
    case "createTable":
      tables.set(tableKey(op.table), structuredClone(op.table));
      return;
    case "dropTable":
      tables.delete(tableKey({ schema: op.schema, name: op.table }));
      return;
    case "renameTable": {
      const from = tableKey({ schema: op.schema, name: op.from });
      const t = tables.get(from);
      tables.delete(from);
      if (t) tables.set(tableKey({ schema: op.schema, name: op.to }), { ...t, name: op.to });
      return;
    }
    case "batchAlterTable": {
      for (const inner of op.operations) applyToTableState(tables, { ...inner, schema: op.schema, table: op.table });
      return;
    }
    default: {
      const ref = tableChangedInPlace(op);
      const t = ref && tables.get(tableKey(ref));
      if (ref && t) tables.set(tableKey(ref), applyTableOperation(t, op as TableLevelOperation));
    }
  }
}

/** The existing table an operation changes in place (not creates, drops or renames), if any. */
export function tableChangedInPlace(op: Operation): TableRef | undefined {
  switch (op.kind) {
    case "createTable":
    case "dropTable":
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
      return { schema: op.schema, name: op.from };
    default:
      return { schema: op.schema, name: op.table };
  }
}
