/**
 * MySQL's own re-spelling of the expressions it stores, undone so that what the model writes
 * and what information_schema prints compare equal: MySQL 8 adds character-set introducers to
 * string literals in CHECK texts (`_utf8mb4'a'`). Normalisation (compare.ts) applies this to
 * both sides; the compare engine's expression key does the rest.
 */
import { lexSql } from "../../core/sql-lexer.js";
import { joinTokens } from "../../core/sql-tokens.js";
import { MYSQL_SYNTAX } from "./sql-syntax.js";

/**
 * The expression without character-set introducers before string literals, for comparing; the
 * text itself when it has none.
 */
export function foldMysqlSpellings(sql: string): string {
  const tokens = lexSql(sql, MYSQL_SYNTAX);
  const kept = tokens.filter((t, i) => !(t.kind === "word" && /^_[a-z0-9]+$/i.test(t.text) && tokens[i + 1]?.kind === "string"));
  return kept.length === tokens.length ? sql : joinTokens(kept);
}
