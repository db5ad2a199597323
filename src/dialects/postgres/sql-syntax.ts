/** PostgreSQL's lexical rules for the shared SQL lexer (core/sql-lexer.ts). */
import type { SqlSyntax } from "../../core/sql-lexer.js";

/**
 * Standard strings (backslashes escape only in `E'…'`), `"` identifiers, `$tag$` strings,
 * nesting block comments and `$n` placeholders.
 */
export const POSTGRES_SYNTAX: SqlSyntax = {
  doubleQuote: "identifier",
  backtickIdentifiers: false,
  bracketIdentifiers: false,
  backslashEscapes: "e-strings",
  dollarQuotes: true,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedComments: true,
  placeholders: { dollarNumber: true },
};
