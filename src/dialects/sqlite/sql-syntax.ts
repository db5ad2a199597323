/** SQLite's lexical rules for the shared SQL lexer (core/sql-lexer.ts). */
import type { SqlSyntax } from "../../core/sql-lexer.js";

/**
 * Identifiers in `"…"`, backticks or `[…]`; strings without backslash escapes; `?`, `?NNN`,
 * `:name`, `@name` and `$name` placeholders.
 */
export const SQLITE_SYNTAX: SqlSyntax = {
  doubleQuote: "identifier",
  backtickIdentifiers: true,
  bracketIdentifiers: true,
  backslashEscapes: "never",
  dollarQuotes: false,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedComments: false,
  placeholders: { question: true, named: ":@$" },
};
