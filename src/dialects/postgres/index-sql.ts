/**
 * CREATE INDEX and DROP INDEX. CONCURRENTLY cannot run inside a transaction block, so those
 * statements are marked `transactional: false` and the runner commits around them.
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { IndexElement, IndexSchema, TableRef } from "../../catalog/types.js";
import { tableLabel } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier, quoteTable } from "./quote.js";
import { storageParameterActions, withClause } from "./storage-sql.js";

/** Options of CREATE INDEX beyond the index itself. */
export interface CreateIndexOptions {
  concurrently?: boolean;
  ifNotExists?: boolean;
}

/** What follows an element: `[COLLATE c] [opclass] [DESC] [NULLS FIRST|LAST]`, in PostgreSQL's order. */
function elementOptionsSql(element: IndexElement): string {
  let sql = "";
  if (element.collation) sql += ` COLLATE ${quoteTable({ schema: element.collationSchema, name: element.collation })}`;
  if (element.opclass) sql += ` ${quoteTable({ schema: element.opclassSchema, name: element.opclass })}`;
  if (element.descending) sql += " DESC";
  if (element.nulls) sql += element.nulls === "first" ? " NULLS FIRST" : " NULLS LAST";
  return sql;
}

/**
 * One element of an index or exclusion constraint: `"col" [options]` or `(expr) [options]`.
 * `owner` names what it belongs to in the refusal of a prefix length (`Index "x" on "t"`).
 */
export function indexElementSql(element: IndexElement, owner: string): string {
  if ("expression" in element) return `(${element.expression})${elementOptionsSql(element)}`;
  if (element.length !== undefined) {
    throw new UnsupportedOperationError(`${owner} uses a prefix length on column "${element.column}"; PostgreSQL has no prefix indexes.`, {
      hint: `Index an expression instead, e.g. { expression: "left(${quoteIdentifier(element.column)}, ${element.length})" }, or drop the length for PostgreSQL.`,
    });
  }
  return `${quoteIdentifier(element.column)}${elementOptionsSql(element)}`;
}

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] "name" ON t [USING m] (…) [INCLUDE (…)] [NULLS NOT DISTINCT] [WITH (…)] [WHERE …]` */
export function createIndexStatement(table: TableRef, index: IndexSchema, options: CreateIndexOptions = {}): Statement {
  if (index.elements.length === 0) {
    throw new UnsupportedOperationError(`Index "${index.name}" on "${tableLabel(table)}" has no columns or expressions.`, {
      hint: "Give the index at least one column or expression.",
    });
  }
  let sql = `CREATE ${index.unique ? "UNIQUE " : ""}INDEX `;
  if (options.concurrently) sql += "CONCURRENTLY ";
  if (options.ifNotExists) sql += "IF NOT EXISTS ";
  // The index always lives in its table's schema, so its own name is never qualified here.
  sql += `${quoteIdentifier(index.name)} ON ${quoteTable(table)}`;
  if (index.using) sql += ` USING ${quoteIdentifier(index.using)}`;
  sql += ` (${index.elements.map((e) => indexElementSql(e, `Index "${index.name}" on "${tableLabel(table)}"`)).join(", ")})`;
  if (index.include && index.include.length > 0) sql += ` INCLUDE (${index.include.map(quoteIdentifier).join(", ")})`;
  if (index.nullsNotDistinct) sql += " NULLS NOT DISTINCT";
  sql += withClause(index.storageParameters, { of: "index", using: index.using }, `Index "${index.name}" on "${tableLabel(table)}"`);
  if (index.where) sql += ` WHERE ${index.where}`;
  return options.concurrently ? { sql, transactional: false } : { sql };
}

/** `DROP INDEX [CONCURRENTLY] [IF EXISTS] "schema"."name"` */
export function dropIndexStatement(schema: string | null | undefined, name: string, options: { concurrently?: boolean; ifExists?: boolean } = {}): Statement {
  let sql = "DROP INDEX ";
  if (options.concurrently) sql += "CONCURRENTLY ";
  if (options.ifExists) sql += "IF EXISTS ";
  sql += quoteTable({ schema, name });
  return options.concurrently ? { sql, transactional: false } : { sql };
}

/** `ALTER INDEX "schema"."name" SET (…), RESET (…)`: an index's storage parameters changed in place. */
export function alterIndexStorageStatement(schema: string | null | undefined, name: string, using: string | null | undefined, changes: Record<string, string | null>, table: TableRef): Statement[] {
  const actions = storageParameterActions(changes, { of: "index", using }, `Index "${name}" on "${tableLabel(table)}"`);
  return actions.length > 0 ? [{ sql: `ALTER INDEX ${quoteTable({ schema, name })} ${actions.join(", ")}` }] : [];
}
