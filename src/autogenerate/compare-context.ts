/**
 * What the per-table comparisons share: the dialect facts they branch on and the list that
 * collects warnings about changes autogenerate cannot decide safely.
 */
import type { OnTable } from "../operations/types.js";
import type { ExpressionKey } from "./compare-expressions.js";
import type { ColumnSchema, DatabaseSchema, TableRef, TableSchema } from "../catalog/types.js";

/** Settings and output shared by the comparison of one schema pair. */
export interface DiffContext {
  /** Enums are named types (PostgreSQL): enum columns compare by type name, not by values. */
  namedEnums: boolean;
  /** The database stores table and column comments. */
  comments: boolean;
  /** The comparison key of an expression, with the dialect's own re-spellings undone first. */
  expressionKey: ExpressionKey;
  /** Collects human-readable warnings. */
  warnings: string[];
  /** Collects differences autogenerate does not turn into operations (CompareResult.unmanaged). */
  unmanaged: string[];
  /** The database's table defaults (DatabaseSchema.tableDefaults): an absent table collation or engine means these. */
  tableDefaults?: DatabaseSchema["tableDefaults"];
  /**
   * The tables as written (filtered, not normalised), so that what an operation creates is what
   * the model or the database says (`now()`, `'0'::bigint`), while the comparison itself works
   * on the normalised forms. Absent: the normalised table is used.
   */
  written?: { target(ref: TableRef): TableSchema | undefined; actual(ref: TableRef): TableSchema | undefined };
}

/**
 * The normalised column with the spellings of the same column as written on one side: its
 * default (unless normalisation made the column generate its values, e.g. a serial-style
 * nextval default) and a raw type (a declared type such as NVARCHAR(160) that normalisation
 * reads as the portable type it means).
 */
export function writtenColumn(table: TableSchema | undefined, normalized: ColumnSchema): ColumnSchema {
  const written = table?.columns.find((c) => c.name === normalized.name);
  if (!written) return normalized;
  return {
    ...normalized,
    ...(normalized.generated || written.generated || written.default === undefined ? {} : { default: written.default }),
    ...(written.type.kind === "raw" && normalized.generated?.kind !== "autoincrement" ? { type: written.type } : {}),
  };
}

/** The normalised table with its columns as written on one side (see writtenColumn). */
export function writtenTable(table: TableSchema | undefined, normalized: TableSchema): TableSchema {
  return table ? { ...normalized, columns: normalized.columns.map((c) => writtenColumn(table, c)) } : normalized;
}

/** The `schema`/`table` fields of an operation on `ref`; `schema` only when there is one. */
export function onTable(ref: TableRef): OnTable {
  return ref.schema ? { schema: ref.schema, table: ref.name } : { table: ref.name };
}

/** A stable key for a table (or enum) within a schema, for maps and sets. */
export function refKey(schema: string | null | undefined, name: string): string {
  return `${schema ?? ""}\u0000${name}`;
}
