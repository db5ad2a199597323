/**
 * A NOT NULL column without a default, added to a table that already exists, has no value for
 * the rows already there: PostgreSQL and SQLite reject the ADD, and MariaDB (outside strict mode)
 * fills in invented values (0, ''). A careful engineer writes it in three steps instead — add the
 * column nullable, fill it, then set NOT NULL — and that is what autogenerate writes, with a
 * warning naming the fill to write between the steps. Nothing is invented: left unfilled, the
 * NOT NULL step fails on a table with rows.
 */
import type { ColumnSchema, TableSchema } from "../catalog/types.js";
import { tableLabel } from "../catalog/types.js";
import type { ColumnPosition, Operation } from "../operations/types.js";
import { onTable } from "./compare-context.js";

/** True when `column` needs the three-step shape to be added to the existing `table`. */
export function needsBackfill(table: TableSchema, column: ColumnSchema): boolean {
  const inKey = table.primaryKey?.columns.includes(column.name) ?? false;
  return !column.nullable && (column.default === null || column.default === undefined) && !column.generated && !inKey;
}

/** The add-nullable, set-NOT-NULL pair for `column`, and the warning that asks for the fill between them. */
export function addRequiredColumn(table: TableSchema, column: ColumnSchema, position?: ColumnPosition): { ops: Operation[]; warning: string } {
  const label = `${tableLabel(table)}.${column.name}`;
  const ops: Operation[] = [
    { kind: "addColumn", ...onTable(table), column: { ...column, nullable: true }, ...(position ? { position } : {}) },
    {
      kind: "alterColumn",
      ...onTable(table),
      column: column.name,
      nullable: false,
      existingType: column.type,
      existingNullable: true,
      existingDefault: null,
      existingComment: column.comment ?? null,
      existingGenerated: null,
    },
  ];
  const warning =
    `column ${label} is NOT NULL without a default and its table exists, so it is added nullable and set NOT NULL afterwards: ` +
    `fill it in between (await op.execute(sql\`UPDATE … SET ${column.name} = … WHERE ${column.name} IS NULL\`)), or the NOT NULL step fails on a table with rows`;
  return { ops, warning };
}
