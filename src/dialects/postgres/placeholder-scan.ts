/**
 * A small PostgreSQL lexer that finds `$n` placeholders outside literals, quoted identifiers,
 * dollar-quoted strings and comments, so offline output can inline values without corrupting
 * SQL that merely contains a dollar sign and digits in text.
 */

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Index just past a quoted run that starts at `start` with `quote`; a doubled quote continues it. */
function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === "\\") i += 2;
    else if (ch === quote && sql[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return sql.length;
}

/** Index just past a (nestable) block comment starting at `start`. */
function skipBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return sql.length;
}

/**
 * Calls `replace(n, text)` for every `$n` placeholder in `sql` and returns the SQL with each
 * placeholder replaced by what it returned.
 */
export function scanPlaceholders(sql: string, replace: (index: number, original: string) => string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const prev = i > 0 ? sql[i - 1]! : "";
    let end = i + 1;
    if (ch === "'") {
      const escaped = (prev === "E" || prev === "e") && (i < 2 || !IDENT_CHAR.test(sql[i - 2]!));
      end = skipQuoted(sql, i, "'", escaped);
    } else if (ch === '"') {
      end = skipQuoted(sql, i, '"', false);
    } else if (sql.startsWith("--", i)) {
      const nl = sql.indexOf("\n", i);
      end = nl < 0 ? sql.length : nl + 1;
    } else if (sql.startsWith("/*", i)) {
      end = skipBlockComment(sql, i);
    } else if (ch === "$" && !IDENT_CHAR.test(prev)) {
      const digits = /^\$(\d+)/.exec(sql.slice(i));
      if (digits) {
        out += replace(Number(digits[1]), digits[0]);
        i += digits[0].length;
        continue;
      }
      const tag = DOLLAR_TAG.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        end = close < 0 ? sql.length : close + tag[0].length;
      }
    }
    out += sql.slice(i, end);
    i = end;
  }
  return out;
}
