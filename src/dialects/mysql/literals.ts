/**
 * Reading MySQL string literals back out of information_schema text: MariaDB's COLUMN_DEFAULT
 * (`'it''s'`, `'a\\b'`) and enum lists in COLUMN_TYPE (`enum('a','b''c')`). Both quote-doubling
 * and backslash escapes occur, depending on how the value was written; the shared lexer under
 * MySQL's rules (sql-syntax.ts) reads both.
 */
import { lexSql } from "../../core/sql-lexer.js";
import { MYSQL_SYNTAX } from "./sql-syntax.js";

/** The value of `text` when it is exactly one quoted literal, else undefined. */
export function parseStringLiteral(text: string): string | undefined {
  const tokens = lexSql(text, MYSQL_SYNTAX);
  const only = tokens[0];
  if (tokens.length !== 1 || only!.kind !== "string" || only!.unterminated || only!.start !== 0 || only!.end !== text.length) return undefined;
  return only!.value;
}

/** The values of a comma-separated list of quoted literals (`'a','b'`), or undefined if malformed. */
export function parseStringLiterals(text: string): string[] | undefined {
  const tokens = lexSql(text, MYSQL_SYNTAX);
  const values: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const literal = tokens[i]!;
    if (literal.kind !== "string" || literal.unterminated || /^[nN]/.test(literal.text)) return undefined;
    values.push(literal.value);
    const comma = tokens[i + 1];
    if (comma && !(comma.kind === "punct" && comma.text === ",")) return undefined;
    if (comma && i + 2 >= tokens.length) return undefined;
  }
  return values.length > 0 ? values : undefined;
}
