/**
 * Finds `$n` placeholders outside literals, quoted identifiers, dollar-quoted strings and
 * comments (with the shared lexer under PostgreSQL's rules), so offline output can inline values
 * without corrupting SQL that merely contains a dollar sign and digits in text.
 */
import { lexSql } from "../../core/sql-lexer.js";
import { POSTGRES_SYNTAX } from "./sql-syntax.js";

/**
 * Calls `replace(n, text)` for every `$n` placeholder in `sql` and returns the SQL with each
 * placeholder replaced by what it returned.
 */
export function scanPlaceholders(sql: string, replace: (index: number, original: string) => string): string {
  let out = "";
  let last = 0;
  for (const token of lexSql(sql, POSTGRES_SYNTAX)) {
    if (token.kind !== "param") continue;
    out += sql.slice(last, token.start) + replace(Number(token.text.slice(1)), token.text);
    last = token.end;
  }
  return out + sql.slice(last);
}
