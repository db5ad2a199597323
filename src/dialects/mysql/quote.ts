/**
 * Quoting for MySQL and MariaDB: backtick identifiers, string literals for DDL contexts that
 * cannot bind values, the `?` placeholder, and inlining of bound values for offline `--sql` output.
 */
import type { Statement } from "../dialect.js";
import type { TableRef } from "../../catalog/types.js";
import { MigrateError } from "../../errors.js";
import { lexSql } from "../../core/sql-lexer.js";
import { MYSQL_SYNTAX } from "./sql-syntax.js";

/** Quotes an identifier with backticks, doubling embedded backticks. */
export function quoteIdentifier(name: string): string {
  return "`" + name.replace(/`/g, "``") + "`";
}

/**
 * Quotes a table reference. On MySQL a `schema` is a database name, so a qualified reference is
 * `db`.`table`; normally it is null and the connection's database is used.
 */
export function quoteTable(ref: TableRef): string {
  return ref.schema ? `${quoteIdentifier(ref.schema)}.${quoteIdentifier(ref.name)}` : quoteIdentifier(ref.name);
}

/**
 * Quotes a literal for DDL (defaults, comments, enum values). Quotes are doubled rather than
 * backslash-escaped, and backslashes are escaped as `\\`: under the default SQL mode that reads
 * back as one backslash, and even under NO_BACKSLASH_ESCAPES the doubled quote keeps the literal
 * closed, so no input can break out of it.
 */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new MigrateError("model", `The number ${value} cannot be written as a MySQL literal.`, {
        hint: "Use a finite number, or NULL.",
      });
    }
    return String(value);
  }
  return "'" + value.replace(/\\/g, "\\\\").replace(/'/g, "''") + "'";
}

/** MySQL binds with `?` whatever the position. */
export function placeholder(_index: number): string {
  return "?";
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A Date as a DATETIME literal in UTC, matching the driver's `timezone: "Z"`. */
function dateLiteral(d: Date): string {
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `'${text}'`;
}

/** Renders one bound value as SQL text (offline output only). */
export function valueLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return quoteLiteral(value);
  if (value instanceof Date) return dateLiteral(value);
  if (value instanceof Uint8Array) return `X'${Buffer.from(value).toString("hex")}'`;
  return quoteLiteral(JSON.stringify(value));
}

/**
 * Offsets of the `?` placeholders in `sql`, skipping quoted strings, quoted identifiers and
 * comments, where a question mark is just text.
 */
export function placeholderOffsets(sql: string): number[] {
  return lexSql(sql, MYSQL_SYNTAX).filter((t) => t.kind === "param").map((t) => t.start);
}

/** Inlines a statement's bound values as literals, for `--sql` output only. */
export function inlineParams(statement: Statement): string {
  const params = statement.params ?? [];
  if (params.length === 0) return statement.sql;
  const offsets = placeholderOffsets(statement.sql);
  if (offsets.length !== params.length) {
    throw new MigrateError("sql", `The statement has ${offsets.length} placeholder(s) but ${params.length} bound value(s): ${statement.sql}`, {
      hint: "Bind every value with the sql`…` template and do not write a literal ? outside quotes in the SQL text.",
    });
  }
  let out = "";
  let last = 0;
  offsets.forEach((offset, n) => {
    out += statement.sql.slice(last, offset) + valueLiteral(params[n]);
    last = offset + 1;
  });
  return out + statement.sql.slice(last);
}
