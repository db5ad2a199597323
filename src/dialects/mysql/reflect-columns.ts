/**
 * One information_schema.COLUMNS row → ColumnSchema, normalised so that a column created by
 * compile reflects back as it was written: display widths dropped, tinyint(1) as boolean,
 * `current_timestamp()` as CURRENT_TIMESTAMP, MariaDB's quoted literal defaults unquoted,
 * utf8 spelled utf8mb3, and MariaDB's json alias (longtext + json_valid CHECK) as json.
 */
import type { ColumnGeneration, ColumnSchema, ColumnType, DefaultValue } from "../../catalog/types.js";
import type { ServerFlavour } from "./server-info.js";
import { parseColumnType } from "./types.js";
import { parseStringLiteral } from "./literals.js";
import { isWrappedInParens } from "./column-sql.js";

/** A COLUMNS row as the query aliases it. */
export interface ColumnRow {
  table_schema: string;
  table_name: string;
  column_name: string;
  column_default: string | null;
  is_nullable: string;
  data_type: string;
  column_type: string;
  collation_name: string | null;
  extra: string;
  column_comment: string;
  generation_expression: string | null;
  /** Bytes per character of the column's character set (CHARACTER_SETS.MAXLEN); null for other columns. */
  charset_maxlen?: number | null;
}

/** Text from a catalog value: MySQL 8 returns some columns as binary strings. */
export function catalogText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return String(value);
}

/** Removes one pair of parentheses that wraps the whole expression (MySQL 8 adds them). */
export function stripOuterParens(sql: string): string {
  const text = sql.trim();
  return isWrappedInParens(text) ? text.slice(1, -1).trim() : text;
}

const TIMESTAMP_EXPRESSION = /^(?:current_timestamp|now|localtimestamp|localtime)\s*(?:\(\s*(\d*)\s*\))?$/i;

/** `current_timestamp()`, `now()` and friends in the one spelling compile writes: CURRENT_TIMESTAMP[(p)]. */
export function canonicalExpression(sql: string): string {
  const text = sql.trim();
  const m = TIMESTAMP_EXPRESSION.exec(text);
  if (m) return m[1] ? `CURRENT_TIMESTAMP(${m[1]})` : "CURRENT_TIMESTAMP";
  return text;
}

/** utf8 is utf8mb3 (MariaDB 10.6+ and MySQL 8.0.30+ say so); one spelling for compare. */
export function normaliseCollation(name: string): string {
  return name.toLowerCase().replace(/^utf8_/, "utf8mb3_");
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A literal default read back as text, typed like the value compile would have been given. */
function typedLiteral(text: string, type: ColumnType): DefaultValue {
  if (type.kind === "boolean" && (text === "0" || text === "1")) return { kind: "literal", value: text === "1" };
  const numeric = ["smallint", "integer", "bigint", "numeric", "real", "double"].includes(type.kind);
  if (numeric && NUMBER.test(text)) {
    const n = Number(text);
    // Keep the text when a JavaScript number would change the value.
    if (/^[+-]?\d+$/.test(text) ? Number.isSafeInteger(n) : text.replace(/^[+-]?0*|\.|e.*$/gi, "").length <= 15) return { kind: "literal", value: n };
  }
  return { kind: "literal", value: text };
}

/**
 * The default from COLUMN_DEFAULT. MariaDB writes literals as SQL ('abc', 5), NULL as the text
 * NULL and expressions bare; MySQL writes literals unquoted and flags expressions with
 * DEFAULT_GENERATED in EXTRA. A NULL default and no default are the same thing: null.
 */
export function parseDefault(raw: string | null, extra: string, type: ColumnType, flavour: ServerFlavour): DefaultValue | null {
  if (raw === null) return null;
  if (flavour === "mariadb") {
    if (raw === "NULL") return null;
    if (raw.startsWith("'")) {
      const value = parseStringLiteral(raw);
      if (value !== undefined) return typedLiteral(value, type);
    }
    if (NUMBER.test(raw)) return typedLiteral(raw, type);
    return { kind: "sql", sql: canonicalExpression(raw) };
  }
  if (/DEFAULT_GENERATED/i.test(extra) || TIMESTAMP_EXPRESSION.test(raw.trim()) || /^b'[01]*'$/i.test(raw)) {
    return { kind: "sql", sql: canonicalExpression(raw) };
  }
  return typedLiteral(raw, type);
}

/** AUTO_INCREMENT or a generated column, from EXTRA and GENERATION_EXPRESSION. */
function generationOf(row: ColumnRow): ColumnGeneration | null {
  if (/\bauto_increment\b/i.test(row.extra)) return { kind: "autoincrement" };
  const m = /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.exec(row.extra);
  if (m && row.generation_expression) {
    return { kind: "computed", sql: stripOuterParens(row.generation_expression), stored: (m[1] ?? "").toUpperCase() !== "VIRTUAL" };
  }
  return null;
}

/**
 * Builds the ColumnSchema for a row. `isJsonAlias` says the column is MariaDB's json alias (its
 * json_valid check was found); `tableCollation` is the table default, so only differing
 * collations are reported.
 */
export function reflectColumn(row: ColumnRow, tableCollation: string | null, flavour: ServerFlavour, isJsonAlias: boolean): ColumnSchema {
  const type: ColumnType = isJsonAlias ? { kind: "json" } : parseColumnType(row.column_type, row.column_name);
  const generated = generationOf(row);
  const onUpdate = /\bon update (\S.*)$/i.exec(row.extra);
  const collation = row.collation_name && !isJsonAlias ? normaliseCollation(row.collation_name) : null;
  return {
    name: row.column_name,
    type,
    nullable: row.is_nullable === "YES",
    default: generated?.kind === "computed" ? null : parseDefault(row.column_default, row.extra, type, flavour),
    generated,
    comment: row.column_comment ? row.column_comment : null,
    onUpdate: onUpdate ? canonicalExpression(onUpdate[1] ?? "") : null,
    collation: collation && collation !== (tableCollation ? normaliseCollation(tableCollation) : null) ? collation : null,
  };
}
