/**
 * What a SQLite table has beyond the neutral TableSchema: its triggers and table options
 * (WITHOUT ROWID, STRICT). A rebuild drops the old table, which drops its triggers, so it must
 * recreate them; the neutral schema has no place for them, so reflection records them here,
 * keyed by the TableSchema object it returned, and the rebuild looks them up.
 */
import type { TableSchema } from "../../catalog/types.js";

/** Triggers and options of one reflected table. */
export interface TableExtras {
  /** CREATE TRIGGER statements as stored in sqlite_schema. */
  triggers: string[];
  /** Text after the column list, e.g. "WITHOUT ROWID" or "STRICT"; "" for none. */
  options: string;
}

const extras = new WeakMap<TableSchema, TableExtras>();

/** Records the extras of a table returned by reflection. */
export function rememberTableExtras(table: TableSchema, value: TableExtras): void {
  extras.set(table, value);
}

/**
 * The extras recorded for this exact TableSchema object. A table not produced by reflection
 * (one athanor created in the same offline run) has none, which is also true of its SQL.
 */
export function tableExtras(table: TableSchema): TableExtras {
  return extras.get(table) ?? { triggers: [], options: "" };
}
