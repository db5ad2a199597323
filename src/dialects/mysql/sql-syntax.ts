/** MySQL's and MariaDB's lexical rules for the shared SQL lexer (core/sql-lexer.ts). */
import type { SqlSyntax } from "../../core/sql-lexer.js";

/**
 * The server's default SQL mode: backtick identifiers, `"…"` as a string (ANSI_QUOTES off),
 * backslash escapes in every string, `#` and `-- ` comments, `?` placeholders.
 */
export const MYSQL_SYNTAX: SqlSyntax = {
  doubleQuote: "string",
  backtickIdentifiers: true,
  bracketIdentifiers: false,
  backslashEscapes: "always",
  dollarQuotes: false,
  hashComments: true,
  dashCommentNeedsSpace: true,
  nestedComments: false,
  placeholders: { question: true },
};
