/**
 * Data operations: raw SQL (`execute`) and multi-row INSERT (`bulkInsert`). Values are always
 * bound as `$n` parameters; a bulk insert is split so no statement exceeds PostgreSQL's limit of
 * 65535 parameters.
 */
import type { BulkInsertOp, ExecuteOp } from "../../operations/types.js";
import { isSqlFragment, joinFragment } from "../../core/sql.js";
import type { ColumnType, TableRef } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { placeholder, quoteIdentifier, quoteTable } from "./quote.js";

/** The protocol's limit on bound parameters in one statement (a 16-bit count). */
export const MAX_BIND_PARAMETERS = 65535;

/** `execute`: a plain string verbatim, a fragment with its values bound. */
export function executeStatements(op: ExecuteOp): Statement[] {
  if (!isSqlFragment(op.sql)) return [{ sql: op.sql }];
  const { sql, params } = joinFragment(op.sql, placeholder);
  return params.length > 0 ? [{ sql, params }] : [{ sql }];
}

function isJsonType(type: ColumnType | undefined): boolean {
  return type?.kind === "json" || type?.kind === "jsonb";
}

/**
 * The value to bind. JSON columns get JSON text even for strings and arrays (the driver would
 * send a JS array in PostgreSQL array syntax); bigints go as decimal text.
 */
function bindValue(value: unknown, type: ColumnType | undefined): unknown {
  if (value === null) return null;
  if (isJsonType(type)) return JSON.stringify(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** The inserted columns: the declared ones first (in their order), then others as first seen. */
function insertedColumns(op: BulkInsertOp): string[] {
  const present = new Set<string>();
  for (const row of op.rows) for (const [key, value] of Object.entries(row)) if (value !== undefined) present.add(key);
  const ordered = (op.columns ?? []).map((c) => c.name).filter((name) => present.has(name));
  for (const name of present) if (!ordered.includes(name)) ordered.push(name);
  return ordered;
}

/** `bulkInsert`: multi-row INSERTs; a value left undefined in a row takes the column default. */
export function bulkInsertStatements(op: BulkInsertOp): Statement[] {
  const table: TableRef = { schema: op.schema, name: op.table };
  if (op.rows.length === 0) return [];
  const columns = insertedColumns(op);
  if (columns.length === 0) return op.rows.map(() => ({ sql: `INSERT INTO ${quoteTable(table)} DEFAULT VALUES` }));
  const types = new Map((op.columns ?? []).map((c) => [c.name, c.type] as const));
  const head = `INSERT INTO ${quoteTable(table)} (${columns.map(quoteIdentifier).join(", ")}) VALUES `;
  const perStatement = Math.max(1, Math.floor(MAX_BIND_PARAMETERS / columns.length));
  const statements: Statement[] = [];
  for (let start = 0; start < op.rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = op.rows.slice(start, start + perStatement).map((row) => {
      const cells = columns.map((name) => {
        const value = row[name];
        if (value === undefined) return "DEFAULT";
        params.push(bindValue(value, types.get(name)));
        return placeholder(params.length);
      });
      return `(${cells.join(", ")})`;
    });
    statements.push({ sql: head + tuples.join(", "), params });
  }
  return statements;
}
