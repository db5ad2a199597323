/**
 * The refusals of PostgreSQL's UNLOGGED tables and storage parameters (`with: { … }` on a table
 * or an index) by a database that has neither (MySQL/MariaDB, SQLite): one message per feature,
 * naming the table or index, so every dialect says it the same way. MySQL would otherwise
 * silently drop them, and autogenerate would never converge.
 */
import { UnsupportedOperationError } from "../errors.js";
import type { IndexSchema, TableSchema } from "../catalog/types.js";

/** Refuses an UNLOGGED table (or an alterTableOptions that sets `unlogged`). */
export function refuseUnlogged(database: string, table: string): never {
  throw new UnsupportedOperationError(`${database} has no UNLOGGED tables (table ${table} is declared unlogged: true).`, {
    hint: `Leave unlogged out of the ${database} model (it is PostgreSQL's), or branch on op.dialect in a revision that also targets PostgreSQL.`,
  });
}

/** Refuses storage parameters of a table, or of one of its indexes when `index` names it. */
export function refuseStorageParameters(database: string, table: string, index?: string): never {
  const where = index ? `index ${index} on ${table}` : `table ${table}`;
  throw new UnsupportedOperationError(`${database} has no storage parameters (with: { … } on ${where}).`, {
    hint: `Leave with out of the ${database} model (storage parameters are PostgreSQL's), or branch on op.dialect in a revision that also targets PostgreSQL.`,
  });
}

/** Refuses an index declared with storage parameters. */
export function withoutIndexStorage(database: string, table: string, index: IndexSchema): IndexSchema {
  if (index.storageParameters && Object.keys(index.storageParameters).length > 0) refuseStorageParameters(database, table, index.name);
  return index;
}

/** The table, when it is logged and neither it nor its indexes hold storage parameters. */
export function withoutStorage(database: string, table: TableSchema): TableSchema {
  if (table.unlogged) refuseUnlogged(database, table.name);
  if (table.storageParameters && Object.keys(table.storageParameters).length > 0) refuseStorageParameters(database, table.name);
  for (const index of table.indexes) withoutIndexStorage(database, table.name, index);
  return table;
}

/** Refuses an alterTableOptions that touches persistence or storage parameters. */
export function refuseStorageOptions(database: string, op: { table: string; unlogged?: boolean; storageParameters?: Record<string, string | null> }): void {
  if (op.unlogged !== undefined) refuseUnlogged(database, op.table);
  if (op.storageParameters !== undefined) refuseStorageParameters(database, op.table);
}
