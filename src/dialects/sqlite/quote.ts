/**
 * Quoting for SQLite: identifiers in double quotes, string literals in single quotes (each with
 * the quote character doubled), and the offline renderer that inlines bound values for `--sql`.
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { Statement } from "../dialect.js";
import type { TableRef } from "../../catalog/types.js";
import { tokenize } from "./sql-tokens.js";

/** `"name"`, with embedded double quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The quoted table name. SQLite has no schemas in athanor's sense (capabilities.schemas is
 * false), so `ref.schema` is not used: a PostgreSQL-style schema name would name an attached
 * database here, which is never what a portable model means.
 */
export function quoteTable(ref: TableRef): string {
  return quoteIdentifier(ref.name);
}

/** A literal for DDL contexts: strings quoted, numbers as written, booleans as 1/0, null as NULL. */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new UnsupportedOperationError(`SQLite has no literal for the number ${value}.`, {
        hint: "Use a finite number, or NULL for a missing value.",
      });
    }
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}

/** SQLite placeholders are positional `?` regardless of the index. */
export function placeholder(_index: number): string {
  return "?";
}

/** Renders any bound value as an SQLite literal (offline output only). */
function literalFor(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return quoteLiteral(value);
  if (value instanceof Uint8Array) return `X'${Buffer.from(value).toString("hex").toUpperCase()}'`;
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  return quoteLiteral(JSON.stringify(value));
}

/**
 * The statement with each `?` replaced by its value as a literal, for offline `--sql` scripts.
 * Placeholders inside strings, quoted identifiers and comments are left alone.
 */
export function inlineParams(statement: Statement): string {
  const params = statement.params ?? [];
  if (params.length === 0) return statement.sql;
  let out = "";
  let last = 0;
  let next = 0;
  for (const token of tokenize(statement.sql)) {
    if (token.kind !== "param" || token.text !== "?") continue;
    out += statement.sql.slice(last, token.start) + literalFor(params[next++]);
    last = token.end;
  }
  return out + statement.sql.slice(last);
}
