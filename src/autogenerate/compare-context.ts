/**
 * What the per-table comparisons share: the dialect facts they branch on and the list that
 * collects warnings about changes autogenerate cannot decide safely.
 */
import type { OnTable } from "../operations/types.js";
import type { TableRef } from "../catalog/types.js";

/** Settings and output shared by the comparison of one schema pair. */
export interface DiffContext {
  /** Enums are named types (PostgreSQL): enum columns compare by type name, not by values. */
  namedEnums: boolean;
  /** The database stores table and column comments. */
  comments: boolean;
  /** Collects human-readable warnings. */
  warnings: string[];
}

/** The `schema`/`table` fields of an operation on `ref`; `schema` only when there is one. */
export function onTable(ref: TableRef): OnTable {
  return ref.schema ? { schema: ref.schema, table: ref.name } : { table: ref.name };
}

/** A stable key for a table (or enum) within a schema, for maps and sets. */
export function refKey(schema: string | null | undefined, name: string): string {
  return `${schema ?? ""}\u0000${name}`;
}
