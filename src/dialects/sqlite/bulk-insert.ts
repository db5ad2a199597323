/**
 * bulkInsert as multi-row INSERT statements with bound values. Rows with the same set of keys
 * share a statement (a missing key means "use the column default", which a multi-row VALUES
 * list cannot say), and statements are chunked to stay under SQLite's bound-variable limit.
 */
import type { BulkInsertOp } from "../../operations/types.js";
import type { ColumnType } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier } from "./quote.js";

/** SQLite's historical SQLITE_MAX_VARIABLE_NUMBER; newer builds allow more, none allow less. */
const MAX_BOUND_VALUES = 999;

/** A row value as SQLite stores it: booleans 1/0, dates ISO text, objects and json columns JSON text. */
function storable(value: unknown, type: ColumnType | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (type?.kind === "json" || type?.kind === "jsonb") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return type?.kind === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** Consecutive rows with the same keys, in order. */
function groupRows(rows: Record<string, unknown>[]): Array<{ keys: string[]; rows: Record<string, unknown>[] }> {
  const groups: Array<{ keys: string[]; signature: string; rows: Record<string, unknown>[] }> = [];
  for (const row of rows) {
    const keys = Object.keys(row);
    const signature = JSON.stringify([...keys].sort());
    const last = groups[groups.length - 1];
    if (last && last.signature === signature) last.rows.push(row);
    else groups.push({ keys, signature, rows: [row] });
  }
  return groups;
}

/** The INSERT statements for a bulkInsert. */
export function bulkInsertStatements(op: BulkInsertOp): Statement[] {
  const table = quoteIdentifier(op.table);
  const types = new Map((op.columns ?? []).map((c) => [c.name, c.type]));
  const statements: Statement[] = [];
  for (const group of groupRows(op.rows)) {
    if (group.keys.length === 0) {
      for (let i = 0; i < group.rows.length; i++) statements.push({ sql: `INSERT INTO ${table} DEFAULT VALUES` });
      continue;
    }
    const columns = group.keys.map(quoteIdentifier).join(", ");
    const tuple = `(${group.keys.map(() => "?").join(", ")})`;
    const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / group.keys.length));
    for (let start = 0; start < group.rows.length; start += perStatement) {
      const chunk = group.rows.slice(start, start + perStatement);
      statements.push({
        sql: `INSERT INTO ${table} (${columns}) VALUES ${chunk.map(() => tuple).join(", ")}`,
        params: chunk.flatMap((row) => group.keys.map((key) => storable(row[key], types.get(key)))),
      });
    }
  }
  return statements;
}
