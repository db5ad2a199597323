/**
 * Changing a named enum type's values where ALTER TYPE cannot (removing or reordering a value,
 * or undoing an ADD VALUE) by swapping the type, as a careful engineer does by hand: each column
 * that uses it becomes text (its default set aside), the type is dropped and created again with
 * the new values, and each column converts back — the dialect writes the `USING col::type` that
 * text → enum needs (an index or check that compares it with the enum's values is dropped before
 * and created after: enum-swap-dependents.ts); it gets the model's default back (EnumColumn.restoredDefault). Every step is an ordinary operation that carries its prior state, so the
 * swap reverses into the swap back. A row holding a value the new type lacks makes the
 * conversion fail (nothing is invented), which is why compare warns.
 */
import type { ColumnSchema, EnumSchema, TableSchema } from "../catalog/types.js";
import { tableLabel } from "../catalog/types.js";
import type { AlterColumnOp, Operation } from "../operations/types.js";
import { onTable, refKey } from "./compare-context.js";
import { swapDependents } from "./enum-swap-dependents.js";

/** A column that uses an enum type directly, with its table. */
export interface EnumColumn {
  table: TableSchema;
  column: ColumnSchema;
  /**
   * The default the column gets back on the new type, when it is not the one set aside: the
   * model's, for a swap that also changes the default (the old one may be a value the new type
   * lacks, so it cannot be restored first and changed after). Absent: the one set aside.
   */
  restoredDefault?: ColumnSchema["default"];
}

/**
 * The columns of `tables` whose type is the enum `key` itself and that `kept` still has; arrays
 * of it are returned apart.
 */
export function enumColumns(tables: readonly TableSchema[], key: string, kept: readonly TableSchema[]): { direct: EnumColumn[]; arrays: string[] } {
  const direct: EnumColumn[] = [];
  const arrays: string[] = [];
  const keptColumns = new Set(kept.flatMap((t) => t.columns.map((c) => `${refKey(t.schema, t.name)}\u0000${c.name}`)));
  for (const table of tables) {
    for (const column of table.columns) {
      if (!keptColumns.has(`${refKey(table.schema, table.name)}\u0000${column.name}`)) continue;
      const t = column.type;
      if (t.kind === "enum" && refKey(t.schema, t.name) === key) direct.push({ table, column });
      else if (t.kind === "array" && t.of.kind === "enum" && refKey(t.of.schema, t.of.name) === key) arrays.push(`${tableLabel(table)}.${column.name}`);
    }
  }
  return { direct, arrays };
}

/** The operations that give `from` the values `values`, converting `columns` (which use `from`). */
export function enumSwap(from: EnumSchema, values: readonly string[], columns: readonly EnumColumn[]): Operation[] {
  const to: EnumSchema = { ...from, values: [...values] };
  const enumType = (e: EnumSchema) => ({ kind: "enum" as const, name: e.name, values: [...e.values], schema: e.schema ?? null });
  const toText = columns.map(({ table, column }): AlterColumnOp => ({
    kind: "alterColumn",
    ...onTable(table),
    column: column.name,
    type: { kind: "text" },
    existingType: enumType(from),
    ...(column.default ? { default: null, existingDefault: column.default } : {}),
  }));
  const back = columns.map((c): AlterColumnOp => {
    const restored = "restoredDefault" in c ? c.restoredDefault : c.column.default;
    return {
      kind: "alterColumn",
      ...onTable(c.table),
      column: c.column.name,
      type: enumType(to),
      existingType: { kind: "text" },
      ...(restored ? { default: restored, existingDefault: null } : {}),
    };
  });
  // Indexes and checks that compare a swapped column with the enum's values cannot outlive the change to text.
  const byTable = new Map<TableSchema, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column.name]);
  const dependents = [...byTable].map(([table, names]) => swapDependents(table, names));
  const schema = from.schema ? { schema: from.schema } : {};
  return [
    ...dependents.flatMap((d) => d.before),
    ...toText,
    { kind: "dropEnum", ...schema, name: from.name, existing: from },
    { kind: "createEnum", enum: to },
    ...back,
    ...dependents.flatMap((d) => d.after),
  ];
}
