/**
 * CREATE TABLE from a TableSchema: columns and table constraints inline (a NOT VALID check or
 * foreign key after it, with ALTER TABLE … ADD) and the constraints' comments, then one CREATE
 * INDEX per index with its comment, then the table and column comments (PostgreSQL has no inline
 * comment syntax). A
 * partitioned table ends with PARTITION BY; a partition is CREATE TABLE … PARTITION OF its parent
 * with its bound, its own constraints inline, and no columns (they are the parent's). An
 * inheriting table lists its own columns and constraints, then INHERITS (its parents, in order).
 * Row-level security is switched on after it (ALTER TABLE … ENABLE ROW LEVEL SECURITY). An
 * unlogged table is CREATE UNLOGGED TABLE, storage parameters (the TOAST table's too) its WITH (…).
 */
import { UnsupportedOperationError } from "../../errors.js";
import { tableLabel, type TableRef, type TableSchema } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { columnCommentStatement, columnDefinitionSql, serialSequenceStatements, tableCommentStatement } from "./column-sql.js";
import { addCheckSql, addForeignKeySql, checkSql, exclusionSql, foreignKeySql, primaryKeySql, uniqueSql } from "./constraint-sql.js";
import { constraintCommentsOf, indexCommentStatements } from "./comment-sql.js";
import { createIndexStatement } from "./index-sql.js";
import { rowLevelSecurityStatement } from "./policy-sql.js";
import { quoteTable } from "./quote.js";
import { withClause } from "./storage-sql.js";

/** The statements that create `table` with everything it holds. */
export function createTableStatements(table: TableSchema): Statement[] {
  const ref: TableRef = { schema: table.schema, name: table.name };
  const inherits = table.inherits ?? [];
  if (table.columns.length === 0 && inherits.length === 0) {
    throw new UnsupportedOperationError(`Table "${table.name}" has no columns.`, { hint: "Give the table at least one column." });
  }
  const partitionOf = table.partitionOf;
  const lines = partitionOf ? [] : table.columns.map((column) => columnDefinitionSql(column, ref));
  if (table.primaryKey) lines.push(primaryKeySql(table.primaryKey));
  for (const unique of table.uniques) lines.push(uniqueSql(unique));
  // A NOT VALID check is added after the table: inside CREATE TABLE it would be validated.
  for (const check of table.checks) if (!check.notValid) lines.push(checkSql(check));
  for (const exclusion of table.exclusions ?? []) lines.push(exclusionSql(exclusion));
  // So is a NOT VALID foreign key.
  for (const fk of table.foreignKeys) if (!fk.notValid) lines.push(foreignKeySql(fk));
  const body = lines.length > 0 ? ` (\n  ${lines.join(",\n  ")}\n)` : "";
  // A child with nothing of its own still needs its (empty) column list before INHERITS.
  const parents = inherits.length > 0 ? `${body || " ()"} INHERITS (${inherits.map((p) => quoteTable({ schema: p.schema, name: p.table })).join(", ")})` : body;
  const create = table.unlogged ? "UNLOGGED TABLE" : "TABLE";
  const head = partitionOf
    ? `CREATE ${create} ${quoteTable(ref)} PARTITION OF ${quoteTable({ schema: partitionOf.schema ?? table.schema, name: partitionOf.table })}${body} ${partitionOf.bound}`
    : `CREATE ${create} ${quoteTable(ref)}${parents}`;
  // WITH (…) comes last, after INHERITS and PARTITION BY.
  const storage = withClause(table.storageParameters, { of: "table" }, `Table ${tableLabel(ref)}`);
  const serials = serialSequenceStatements(ref, partitionOf ? [] : table.columns);
  const statements: Statement[] = [...serials.before, { sql: `${head}${table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : ""}${storage}` }, ...serials.after];
  for (const check of table.checks) if (check.notValid) statements.push({ sql: `ALTER TABLE ${quoteTable(ref)} ${addCheckSql(check)}` });
  for (const fk of table.foreignKeys) if (fk.notValid) statements.push({ sql: `ALTER TABLE ${quoteTable(ref)} ${addForeignKeySql(fk)}` });
  // Each constraint's comment once it exists, each index's right after its CREATE INDEX.
  statements.push(...constraintCommentsOf(table));
  // Row-level security is no part of CREATE TABLE: it is switched on right after, before any row arrives.
  if (table.rowLevelSecurity) statements.push(rowLevelSecurityStatement(ref, table.rowLevelSecurity, true));
  for (const index of table.indexes) statements.push(createIndexStatement(ref, index), ...indexCommentStatements(ref, index));
  if (table.comment !== undefined && table.comment !== null) statements.push(tableCommentStatement(ref, table.comment));
  for (const column of partitionOf ? [] : table.columns) {
    if (column.comment !== undefined && column.comment !== null) statements.push(columnCommentStatement(ref, column.name, column.comment));
  }
  return statements;
}
