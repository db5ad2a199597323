/**
 * CREATE TABLE from a TableSchema: columns and table constraints inline, then one CREATE INDEX per
 * index, then the table and column comments (PostgreSQL has no inline comment syntax).
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { TableRef, TableSchema } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { columnCommentStatement, columnDefinitionSql, tableCommentStatement } from "./column-sql.js";
import { checkSql, foreignKeySql, primaryKeySql, uniqueSql } from "./constraint-sql.js";
import { createIndexStatement } from "./index-sql.js";
import { quoteTable } from "./quote.js";

/** The statements that create `table` with everything it holds. */
export function createTableStatements(table: TableSchema): Statement[] {
  const ref: TableRef = { schema: table.schema, name: table.name };
  if (table.columns.length === 0) {
    throw new UnsupportedOperationError(`Table "${table.name}" has no columns.`, { hint: "Give the table at least one column." });
  }
  const lines = table.columns.map((column) => columnDefinitionSql(column, ref));
  if (table.primaryKey) lines.push(primaryKeySql(table.primaryKey));
  for (const unique of table.uniques) lines.push(uniqueSql(unique));
  for (const check of table.checks) lines.push(checkSql(check));
  for (const fk of table.foreignKeys) lines.push(foreignKeySql(fk));
  const statements: Statement[] = [{ sql: `CREATE TABLE ${quoteTable(ref)} (\n  ${lines.join(",\n  ")}\n)` }];
  for (const index of table.indexes) statements.push(createIndexStatement(ref, index));
  if (table.comment !== undefined && table.comment !== null) statements.push(tableCommentStatement(ref, table.comment));
  for (const column of table.columns) {
    if (column.comment !== undefined && column.comment !== null) statements.push(columnCommentStatement(ref, column.name, column.comment));
  }
  return statements;
}
