/**
 * Column defaults, written and read back so that a default compiled by athanor reflects as the
 * very same DefaultValue: literals are written bare (numbers, quoted strings, NULL), SQL
 * expressions in parentheses — except SQLite's three bare keywords — and reading undoes exactly
 * that. Reading uses the DEFAULT clause as written in CREATE TABLE, because the pragma strips
 * the parentheses that tell an expression `(1)` from a literal `1`.
 */
import type { ColumnType, DefaultValue } from "../../catalog/types.js";
import { quoteLiteral } from "./quote.js";
import { closingParen, isPunct, tokenize } from "./sql-tokens.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Defaults SQLite accepts bare (not in parentheses): its time keywords and TRUE/FALSE. */
const BARE_KEYWORDS = new Set(["CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "TRUE", "FALSE"]);

/**
 * The text after DEFAULT for `value`. An SQL default that is a number spelt otherwise than its
 * value prints is written bare: that is how `DEFAULT 0.0` (Rails' float and decimal defaults)
 * keeps its text, which a number value would print as `0` (reflectDefault reads it so). Any
 * other SQL default, `(1)` included, keeps its parentheses.
 */
export function defaultSql(value: DefaultValue): string {
  if (value.kind === "literal") return quoteLiteral(value.value);
  const text = value.sql.trim();
  return BARE_KEYWORDS.has(text.toUpperCase()) || isRespeltNumber(text) ? text : `(${text})`;
}

/**
 * A numeric literal whose spelling is not how its value prints (`0.0`, `1e3`, `+5`). SQLite
 * keeps that spelling in sqlite_schema.sql, so it is a default of its own, not the number.
 */
export function isRespeltNumber(text: string): boolean {
  return NUMBER.test(text) && String(Number(text)) !== text;
}

/**
 * True when SQLite's ALTER TABLE ADD COLUMN accepts this default: a constant, not
 * CURRENT_TIMESTAMP and friends, not a parenthesised expression.
 */
export function isConstantDefault(value: DefaultValue | null | undefined): boolean {
  return value === null || value === undefined || value.kind === "literal" || /^(TRUE|FALSE)$/i.test(value.sql.trim()) || isRespeltNumber(value.sql.trim());
}

/**
 * The DefaultValue for a DEFAULT clause's text (`raw`, as written in CREATE TABLE). A boolean
 * column's 1/0 reads back as true/false, since that is how booleans are written; the keywords
 * TRUE and FALSE read back as the SQL they are.
 */
export function reflectDefault(raw: string, type: ColumnType): DefaultValue {
  const text = raw.trim();
  const tokens = tokenize(text);
  if (tokens.length > 0 && isPunct(tokens[0], "(") && closingParen(tokens, 0) === tokens.length - 1) {
    return { kind: "sql", sql: text.slice(tokens[0].end, tokens[tokens.length - 1].start).trim() };
  }
  if (NUMBER.test(text)) {
    const n = Number(text);
    const exact = Number.isSafeInteger(n) || !/^[+-]?\d+$/.test(text);
    // A number spelt otherwise than the value prints (0.0, 1e3, +5) keeps its spelling as SQL.
    if (exact && !isRespeltNumber(text)) {
      if (type.kind === "boolean" && (n === 0 || n === 1)) return { kind: "literal", value: n === 1 };
      return { kind: "literal", value: n };
    }
    return { kind: "sql", sql: text };
  }
  if (tokens.length === 1 && tokens[0].kind === "string") return { kind: "literal", value: tokens[0].value };
  const upper = text.toUpperCase();
  if (upper === "NULL") return { kind: "literal", value: null };
  // TRUE and FALSE stay as written: a literal boolean is written 1/0 (defaultSql), and pull must
  // write down the keyword the database holds; compare reads both as the boolean.
  return { kind: "sql", sql: text };
}
