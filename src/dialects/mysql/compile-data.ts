/**
 * Data operations: raw SQL (`execute`) and multi-row INSERTs (`bulkInsert`). Values are always
 * bound with `?`; a row that lacks a column gets the column's DEFAULT.
 */
import type { BulkInsertOp, ExecuteOp } from "../../operations/types.js";
import type { ColumnType } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { joinFragment } from "../../core/sql.js";
import { placeholder, quoteIdentifier, quoteTable } from "./quote.js";

/** Rows per INSERT at most, and bound values per INSERT at most (well under MySQL's 65535). */
const MAX_ROWS_PER_INSERT = 1000;
const MAX_VALUES_PER_INSERT = 10_000;

/** Compiles raw SQL; a SqlFragment's values become `?` parameters. */
export function compileExecute(op: ExecuteOp): Statement[] {
  if (typeof op.sql === "string") return [{ sql: op.sql }];
  const { sql, params } = joinFragment(op.sql, placeholder);
  return [params.length > 0 ? { sql, params } : { sql }];
}

/** Converts a value for a column of a known type: booleans as 1/0, JSON as text. */
function convert(value: unknown, type: ColumnType | undefined): unknown {
  if (value === null || value === undefined || type === undefined) return value;
  if (type.kind === "boolean" && typeof value === "boolean") return value ? 1 : 0;
  // A string is taken to be JSON text already; anything else is serialised.
  if ((type.kind === "json" || type.kind === "jsonb") && typeof value !== "string") return JSON.stringify(value);
  return value;
}

/** The columns to insert: the declared ones first, then any other key the rows use. */
function insertColumns(op: BulkInsertOp): string[] {
  const names = new Set<string>(op.columns?.map((c) => c.name) ?? []);
  for (const row of op.rows) for (const key of Object.keys(row)) names.add(key);
  return [...names];
}

/** Compiles a bulk insert into one or more multi-row INSERT statements. */
export function compileBulkInsert(op: BulkInsertOp): Statement[] {
  if (op.rows.length === 0) return [];
  const columns = insertColumns(op);
  const types = new Map<string, ColumnType>(op.columns?.map((c) => [c.name, c.type]) ?? []);
  const head = `INSERT INTO ${quoteTable({ schema: op.schema, name: op.table })} (${columns.map(quoteIdentifier).join(", ")}) VALUES `;
  const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_VALUES_PER_INSERT / Math.max(1, columns.length))));
  const statements: Statement[] = [];
  for (let start = 0; start < op.rows.length; start += perInsert) {
    const params: unknown[] = [];
    const tuples = op.rows.slice(start, start + perInsert).map((row) => {
      const cells = columns.map((name) => {
        const value = row[name];
        if (value === undefined) return "DEFAULT";
        params.push(convert(value, types.get(name)));
        return "?";
      });
      return `(${cells.join(", ")})`;
    });
    statements.push({ sql: head + tuples.join(", "), params });
  }
  return statements;
}
