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
  /** addColumn can place a column among the others (the dialect's `columnPositions`). */
  columnPositions: boolean;
  /** The database stores table and column comments. */
  comments: boolean;
  /**
   * An index's comment is part of its definition (MySQL/MariaDB `COMMENT '…'`): a change of it
   * alone drops and creates the index again instead of a setComment.
   */
  indexCommentsInDefinition?: boolean;
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
  /**
   * Columns (columnKey) whose enum type is swapped (enum-swap.ts): the swap sets their default to
   * the model's as it converts them back, so the column diff must not change it again around the
   * swap, where the old default may name a value the new type lacks. Filled by compareEnums.
   */
  swapDefaults?: Set<string>;
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
  // A nextval default that normalisation reads as autoincrement (to compare it with serial()) is
  // written as the default it is: a serial would own a new sequence instead of using that one.
  if (normalized.generated?.kind === "autoincrement" && !written.generated && written.default?.kind === "sql") return { ...normalized, generated: null, default: written.default };
  return {
    ...normalized,
    ...(normalized.generated || written.generated || written.default === undefined ? {} : { default: written.default }),
    ...(written.type.kind === "raw" && normalized.generated?.kind !== "autoincrement" ? { type: written.type } : {}),
  };
}

/**
 * The normalised constraints in the order written on one side, each with the referential
 * actions as written there (an explicit NO ACTION, which normalisation reads as none, stays
 * explicit): normalisation may sort constraints into a canonical order, and a created table
 * declares them as the model or the database did. Pairs by identity of the written item's
 * definition; normalised items without a written counterpart keep their place at the end.
 */
function writtenOrder<T extends { name?: string | null }>(written: readonly T[], normalized: readonly T[], key: (item: T) => string, restore: (w: T, n: T) => T = (_w, n) => n): T[] {
  const left = [...normalized];
  const out: T[] = [];
  for (const w of written) {
    const i = left.findIndex((n) => (n.name ?? null) === (w.name ?? null) && key(n) === key(w));
    if (i >= 0) out.push(restore(w, left.splice(i, 1)[0]!));
  }
  return [...out, ...left];
}

const byColumns = (item: { columns: readonly string[] }): string => item.columns.join("\u0000");

/**
 * `normalized` with the layout flag (`inline`: declared on its column) of `written`, which a
 * normalisation drops where the database does not keep it (PostgreSQL, MySQL), so that a
 * created table declares its keys where the model did.
 */
function writtenLayout<T extends { inline?: boolean }>(written: T | null | undefined, normalized: T): T {
  if (!written?.inline || normalized.inline) return normalized;
  return { ...normalized, inline: true };
}

/**
 * The normalised table with its columns and constraints as written on one side (see
 * writtenColumn, writtenOrder, writtenLayout). A primary-key column keeps its nullability as written: a
 * normalisation may read a key column as NOT NULL because the database makes it so (SQLite's
 * rowid alias), and the created column is then declared as written.
 */
export function writtenTable(table: TableSchema | undefined, normalized: TableSchema): TableSchema {
  if (!table) return normalized;
  const key = new Set(normalized.primaryKey?.columns ?? []);
  const keyNullability = (c: ColumnSchema): ColumnSchema => {
    const written = key.has(c.name) ? table.columns.find((w) => w.name === c.name) : undefined;
    return written ? { ...c, nullable: written.nullable } : c;
  };
  return {
    ...normalized,
    columns: normalized.columns.map((c) => keyNullability(writtenColumn(table, c))),
    primaryKey: normalized.primaryKey ? writtenLayout(table.primaryKey, normalized.primaryKey) : normalized.primaryKey,
    foreignKeys: writtenOrder(table.foreignKeys, normalized.foreignKeys, byColumns, (w, n) => ({
      ...writtenLayout(w, n),
      ...(n.onDelete === null && w.onDelete === "NO ACTION" ? { onDelete: w.onDelete } : {}),
      ...(n.onUpdate === null && w.onUpdate === "NO ACTION" ? { onUpdate: w.onUpdate } : {}),
    })),
    uniques: writtenOrder(table.uniques, normalized.uniques, byColumns, writtenLayout),
    checks: writtenOrder(table.checks, normalized.checks, (c) => c.expression),
  };
}

/** The `schema`/`table` fields of an operation on `ref`; `schema` only when there is one. */
export function onTable(ref: TableRef): OnTable {
  return ref.schema ? { schema: ref.schema, table: ref.name } : { table: ref.name };
}

/** A stable key for a table (or enum) within a schema, for maps and sets. */
export function refKey(schema: string | null | undefined, name: string): string {
  return `${schema ?? ""}\u0000${name}`;
}

/** A stable key for a column of a table, for sets such as DiffContext.swapDefaults. */
export function columnKey(table: TableRef, column: string): string {
  return `${refKey(table.schema, table.name)}\u0000${column}`;
}
