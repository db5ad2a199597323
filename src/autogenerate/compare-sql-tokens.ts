/**
 * The reading of SQL expressions for comparison keys: the shared lexer under standard SQL with
 * both identifier quotes (the dialects' own spellings are undone by their normalisation before
 * keys are built), with words lower-cased so keywords compare without case.
 */
import { lexSql, STANDARD_SQL_SYNTAX, type SqlToken } from "../core/sql-lexer.js";

/** Splits SQL into tokens, dropping whitespace and comments; a word's value is its lower-cased text. */
export function tokenizeSql(src: string): SqlToken[] {
  return lexSql(src, STANDARD_SQL_SYNTAX).map((t) => (t.kind === "word" ? { ...t, value: t.text.toLowerCase() } : t));
}

/** Words after which a parenthesis opens an operand rather than a function call's arguments. */
export const KEYWORDS_BEFORE_PAREN: ReadonlySet<string> = new Set([
  "and", "or", "not", "xor", "when", "then", "else", "case", "is", "like", "ilike", "glob", "regexp", "rlike",
  "between", "similar", "escape", "in", "any", "all", "some", "exists", "array", "on", "as", "select", "where", "from",
]);
