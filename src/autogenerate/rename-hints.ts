/**
 * Possible renames. A model cannot say that a column or table was renamed, so compare sees a drop
 * and an add. Turning that into a rename would be a guess, and a wrong guess loses data either
 * way, so autogenerate keeps the drop and the add and points out the pairs that look like a
 * rename: the CLI prints the hints and render writes them into the revision as comments.
 */
import type { Operation } from "../operations/types.js";
import type { ColumnSchema, TableSchema } from "../catalog/types.js";
import { tableLabel } from "../catalog/types.js";
import { refKey } from "./compare-context.js";
import { sameType } from "./compare-values.js";

/** One drop + add pair that may be a rename. */
export interface RenameHint {
  kind: "column" | "table";
  schema: string | null;
  /** For column hints, the table holding both columns. */
  table?: string;
  from: string;
  to: string;
  /** What to tell the user, including the operation to write instead. */
  message: string;
}

/** Types equal in every respect, enum names and values included. */
function identicalType(a: ColumnSchema["type"], b: ColumnSchema["type"]): boolean {
  return sameType(a, b, true) && sameType(a, b, false);
}

function sameColumnSet(a: TableSchema, b: TableSchema): boolean {
  if (a.columns.length !== b.columns.length) return false;
  return a.columns.every((column) => {
    const other = b.columns.find((c) => c.name === column.name);
    return other !== undefined && identicalType(column.type, other.type);
  });
}

function flatten(ops: readonly Operation[]): Operation[] {
  return ops.flatMap((op) => (op.kind === "batchAlterTable" ? op.operations : [op]));
}

function schemaOption(schema: string | null): string {
  return schema ? `, schema: ${JSON.stringify(schema)}` : "";
}

function columnHints(ops: Operation[]): RenameHint[] {
  const hints: RenameHint[] = [];
  for (const drop of ops) {
    if (drop.kind !== "dropColumn" || !drop.existing) continue;
    for (const add of ops) {
      if (add.kind !== "addColumn" || refKey(add.schema, add.table) !== refKey(drop.schema, drop.table)) continue;
      if (!identicalType(drop.existing.type, add.column.type)) continue;
      const schema = drop.schema ?? null;
      const label = tableLabel({ schema, name: drop.table });
      const call = `op.alterColumn(${JSON.stringify(drop.table)}, ${JSON.stringify(drop.column)}, { newName: ${JSON.stringify(add.column.name)}${schemaOption(schema)} })`;
      hints.push({
        kind: "column",
        schema,
        table: drop.table,
        from: drop.column,
        to: add.column.name,
        message: `column ${label}.${drop.column} was dropped and ${label}.${add.column.name} added with the same type: if this is a rename, replace the two operations with ${call} to keep the data`,
      });
    }
  }
  return hints;
}

function tableHints(ops: Operation[]): RenameHint[] {
  const hints: RenameHint[] = [];
  for (const drop of ops) {
    if (drop.kind !== "dropTable" || !drop.existing) continue;
    for (const create of ops) {
      if (create.kind !== "createTable" || (create.table.schema ?? null) !== (drop.schema ?? null)) continue;
      if (!sameColumnSet(drop.existing, create.table)) continue;
      const schema = drop.schema ?? null;
      const call = `op.renameTable(${JSON.stringify(drop.table)}, ${JSON.stringify(create.table.name)}${schema ? `, { schema: ${JSON.stringify(schema)} }` : ""})`;
      hints.push({
        kind: "table",
        schema,
        from: drop.table,
        to: create.table.name,
        message: `table ${tableLabel({ schema, name: drop.table })} was dropped and ${tableLabel(create.table)} created with the same columns: if this is a rename, replace the two operations with ${call} to keep the data`,
      });
    }
  }
  return hints;
}

/**
 * The drop + add pairs among `ops` that may be renames: a dropped and an added column of one
 * table with the same type, or a dropped and a created table with the same columns. Looks inside
 * batchAlterTable operations too.
 */
export function detectRenameHints(ops: readonly Operation[]): RenameHint[] {
  const flat = flatten(ops);
  return [...tableHints(flat), ...columnHints(flat)];
}
