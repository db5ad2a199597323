/**
 * MySQL's own re-spelling of the expressions it stores, undone so that what the model writes
 * and what information_schema prints compare equal: MySQL 8 adds character-set introducers to
 * string literals in CHECK texts (`_utf8mb4'a'`), and MariaDB prints some functions under
 * another of their names (`lcase`, `substr`, `pow`). Normalisation (compare.ts) applies this to
 * both sides; the compare engine's expression key does the rest.
 */
import { lexSql } from "../../core/sql-lexer.js";
import { joinTokens } from "../../core/sql-tokens.js";
import { MYSQL_SYNTAX } from "./sql-syntax.js";

/**
 * Functions MariaDB stores under another of their names (`lower(a)` is printed `lcase(\`a\`)`,
 * `substring` and `mid` as `substr`, `power` as `pow`): each of a group is folded to one name,
 * on both sides, so either spelling in the model matches the stored one.
 */
const SAME_FUNCTION: Readonly<Record<string, string>> = {
  lcase: "lower",
  ucase: "upper",
  substring: "substr",
  mid: "substr",
  power: "pow",
  character_length: "char_length",
};

/**
 * The expression without character-set introducers before string literals and with each
 * function of several names under one of them, for comparing; the text itself when neither occurs.
 */
export function foldMysqlSpellings(sql: string): string {
  const tokens = lexSql(sql, MYSQL_SYNTAX);
  let changed = false;
  const kept = tokens.flatMap((t, i) => {
    if (t.kind === "word" && /^_[a-z0-9]+$/i.test(t.text) && tokens[i + 1]?.kind === "string") {
      changed = true;
      return [];
    }
    const same = t.kind === "word" && tokens[i + 1]?.text === "(" ? SAME_FUNCTION[t.text.toLowerCase()] : undefined;
    if (same === undefined) return [t];
    changed = true;
    return [{ ...t, text: same }];
  });
  return changed ? joinTokens(kept) : sql;
}
