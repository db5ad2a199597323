/**
 * PostgreSQL quoting: identifiers, table references, literals for the DDL places where values
 * cannot be bound (defaults, comments, CHECK text), `$n` placeholders, and inlining bound values
 * for offline `--sql` output.
 */
import type { Statement } from "../dialect.js";
import type { TableRef } from "../../catalog/types.js";
import { scanPlaceholders } from "./placeholder-scan.js";

/** Quotes an identifier with double quotes, doubling embedded double quotes. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a table (or any schema-qualified object) reference: `"schema"."name"` or `"name"`. */
export function quoteTable(ref: TableRef): string {
  return ref.schema ? `${quoteIdentifier(ref.schema)}.${quoteIdentifier(ref.name)}` : quoteIdentifier(ref.name);
}

/**
 * Quotes a literal. Strings double their single quotes; a string holding a backslash is written
 * as an `E'…'` literal with doubled backslashes, which means the same thing whatever
 * `standard_conforming_strings` is set to. Non-finite numbers become the quoted spellings
 * PostgreSQL accepts for float and numeric columns.
 */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (Number.isFinite(value)) return String(value);
    return `'${Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity"}'`;
  }
  const doubled = value.replace(/'/g, "''");
  return value.includes("\\") ? `E'${doubled.replace(/\\/g, "\\\\")}'` : `'${doubled}'`;
}

/** The placeholder for the n-th bound value (1-based). */
export function placeholder(index: number): string {
  return `$${index}`;
}

/** PostgreSQL's array input syntax for a (possibly nested) JavaScript array. */
function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : item instanceof Date ? item.toISOString() : String(item);
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(",")}}`;
}

/**
 * Renders one bound value as SQL text. Used only for `--sql` output; at run time values are always
 * bound. Mirrors what the `pg` driver sends: arrays in array syntax, other objects as JSON.
 */
function inlineValue(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return quoteLiteral(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (value instanceof Uint8Array) return `${quoteLiteral(`\\x${Buffer.from(value).toString("hex")}`)}::bytea`;
  if (Array.isArray(value)) return quoteLiteral(arrayLiteral(value));
  return quoteLiteral(JSON.stringify(value));
}

/**
 * Replaces `$n` placeholders with inlined literals, leaving `$n` inside string literals, quoted
 * identifiers, dollar-quoted bodies and comments untouched.
 */
export function inlineParams(statement: Statement): string {
  const params = statement.params ?? [];
  if (params.length === 0) return statement.sql;
  return scanPlaceholders(statement.sql, (index, original) => (index >= 1 && index <= params.length ? inlineValue(params[index - 1]) : original));
}

/** A dollar-quote tag that does not occur in `body`, for a DO block around it. */
export function dollarTag(body: string): string {
  let tag = "$athanor$";
  for (let i = 1; body.includes(tag); i++) tag = `$athanor_${i}$`;
  return tag;
}
