/**
 * One complete MySQL column definition, as CREATE TABLE, ADD COLUMN and MODIFY/CHANGE COLUMN
 * need it: name, type, collation, generation, nullability, default, ON UPDATE, AUTO_INCREMENT
 * and comment, in the order both MySQL 8 and MariaDB accept.
 */
import type { ColumnSchema, ColumnType, DefaultValue } from "../../catalog/types.js";
import { UnsupportedOperationError } from "../../errors.js";
import { quoteIdentifier, quoteLiteral } from "./quote.js";
import { columnTypeSql, needsExpressionDefault } from "./types.js";

/** Expressions MySQL accepts as a default without parentheses (the CURRENT_TIMESTAMP family). */
const BARE_DEFAULT_EXPRESSION = /^(current_timestamp|now|localtime|localtimestamp)\s*(\(\s*\d*\s*\))?$/i;

/** True when `sql` is wrapped in one pair of parentheses that match each other. */
export function isWrappedInParens(sql: string): boolean {
  const text = sql.trim();
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

/** The DEFAULT clause's value for a column of type `type`. */
export function defaultSql(value: DefaultValue, type: ColumnType): string {
  if (value.kind === "sql") {
    const text = value.sql.trim();
    // MySQL 8 wants other expressions in parentheses; MariaDB accepts both forms.
    return BARE_DEFAULT_EXPRESSION.test(text) || isWrappedInParens(text) || /^null$/i.test(text) ? text : `(${text})`;
  }
  const literal = quoteLiteral(value.value);
  // MySQL rejects literal defaults on TEXT/BLOB/JSON but accepts the same literal as an expression.
  return value.value !== null && needsExpressionDefault(type) ? `(${literal})` : literal;
}

/** Whether the column has a default that must be written out. */
function hasDefault(column: ColumnSchema): column is ColumnSchema & { default: DefaultValue } {
  if (!column.default) return false;
  // NOT NULL DEFAULT NULL is an error in MySQL; for such a column "default null" just means "no default".
  return !(column.default.kind === "literal" && column.default.value === null && !column.nullable);
}

/** The full definition of `column`; `where` names it in error messages. */
export function columnDefinition(column: ColumnSchema, where: string): string {
  const parts = [quoteIdentifier(column.name), columnTypeSql(column.type, where)];
  if (column.collation) parts.push(`COLLATE ${quoteIdentifier(column.collation)}`);
  const generated = column.generated ?? null;
  if (generated?.kind === "computed") {
    parts.push(`GENERATED ALWAYS AS (${generated.sql}) ${generated.stored ? "STORED" : "VIRTUAL"}`);
    // MariaDB accepts neither NULL nor NOT NULL on a generated column; MySQL accepts both. Writing
    // NOT NULL only when asked for keeps the common case portable and makes the other fail loudly.
    if (!column.nullable) parts.push("NOT NULL");
    if (column.default) {
      throw new UnsupportedOperationError(`The generated column ${where} cannot also have a default.`, {
        hint: "Remove the default: a generated column's value always comes from its expression.",
      });
    }
  } else {
    parts.push(column.nullable ? "NULL" : "NOT NULL");
    if (hasDefault(column)) parts.push(`DEFAULT ${defaultSql(column.default, column.type)}`);
  }
  if (column.onUpdate) parts.push(`ON UPDATE ${column.onUpdate}`);
  if (generated?.kind === "autoincrement" || generated?.kind === "identity") {
    if (generated.sequence) {
      throw new UnsupportedOperationError(`MySQL has no sequence options for the AUTO_INCREMENT column ${where}.`, {
        hint: "Leave the sequence options (start, increment, …) out of the MySQL model; the table's next AUTO_INCREMENT value is data, set with op.execute(ALTER TABLE … AUTO_INCREMENT = n).",
      });
    }
    parts.push("AUTO_INCREMENT");
  }
  if (column.comment) parts.push(`COMMENT ${quoteLiteral(column.comment)}`);
  return parts.join(" ");
}
