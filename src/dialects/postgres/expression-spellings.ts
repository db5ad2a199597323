/**
 * PostgreSQL's own re-spellings of the expressions it stores (CHECK conditions, defaults, index
 * expressions and predicates, generated columns), undone so that what the model writes and what
 * `pg_get_expr` prints compare equal. Normalisation (compare.ts) applies this to both sides; the
 * compare engine's expression key then takes care of what every dialect shares (case, quoting,
 * parentheses, BETWEEN).
 *
 * Folded: `::type` casts (PostgreSQL adds them to literals and to columns in mixed-type
 * expressions; `'-5'::integer` is the number -5), `= ANY (ARRAY[…])` as IN and `<> ALL
 * (ARRAY[…])` as NOT IN, and `~~`/`~~*` (and their negations) as LIKE/ILIKE.
 */
import { lexSql, type SqlToken } from "../../core/sql-lexer.js";
import { closingBracket, isToken, joinTokens, syntheticToken } from "../../core/sql-tokens.js";
import { POSTGRES_SYNTAX } from "./sql-syntax.js";

/** Words that continue a multi-word type name after a cast (`::character varying`). */
const TYPE_WORDS = new Set(["varying", "precision", "with", "without", "time", "zone"]);
const LIKE_OPERATORS: Record<string, string[]> = { "~~": ["LIKE"], "~~*": ["ILIKE"], "!~~": ["NOT", "LIKE"], "!~~*": ["NOT", "ILIKE"] };
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const NUMERIC_TYPES = new Set(["integer", "int", "int2", "int4", "int8", "smallint", "bigint", "numeric", "decimal", "real", "double", "float4", "float8"]);

const word = (text: string): SqlToken => syntheticToken("word", text);
const punct = (text: string): SqlToken => syntheticToken("punct", text);

/** The index just past a type name starting at `i` (words, qualification, modifiers, `[]`). */
function skipTypeName(tokens: SqlToken[], i: number): number {
  if (tokens[i]?.kind !== "word" && tokens[i]?.kind !== "ident") return i;
  i++;
  while (isToken(tokens[i], ".") && (tokens[i + 1]?.kind === "word" || tokens[i + 1]?.kind === "ident")) i += 2;
  while (tokens[i]?.kind === "word" && TYPE_WORDS.has(tokens[i]!.text.toLowerCase())) i++;
  if (isToken(tokens[i], "(")) {
    const close = closingBracket(tokens, i);
    if (close > 0) i = close + 1;
  }
  while (isToken(tokens[i], "[") && isToken(tokens[i + 1], "]")) i += 2;
  return i;
}

/** `= ANY (ARRAY[…])` → `IN (…)` and `<> ALL (ARRAY[…])` → `NOT IN (…)`, extra parentheses allowed. */
function foldArrayComparison(tokens: SqlToken[], i: number): { replacement: SqlToken[]; end: number } | undefined {
  const negated = isToken(tokens[i], "<>") && isToken(tokens[i + 1], "all");
  if (!negated && !(isToken(tokens[i], "=") && isToken(tokens[i + 1], "any"))) return undefined;
  const open = i + 2;
  let depth = 0;
  while (isToken(tokens[open + depth], "(")) depth++;
  const arrayAt = open + depth;
  if (depth === 0 || !isToken(tokens[arrayAt], "array") || !isToken(tokens[arrayAt + 1], "[")) return undefined;
  const closeBracket = closingBracket(tokens, arrayAt + 1);
  if (closeBracket < 0) return undefined;
  for (let k = 1; k <= depth; k++) if (!isToken(tokens[closeBracket + k], ")")) return undefined;
  const items = tokens.slice(arrayAt + 2, closeBracket);
  const head = negated ? [word("NOT"), word("IN")] : [word("IN")];
  return { replacement: [...head, punct("("), ...items, punct(")")], end: closeBracket + depth + 1 };
}

/** Casts removed (a quoted number cast to a numeric type becomes the number) and LIKE operators spelled out. */
function foldCastsAndLike(input: SqlToken[]): SqlToken[] {
  const out: SqlToken[] = [];
  for (let i = 0; i < input.length; i++) {
    const t = input[i]!;
    if (isToken(t, "::")) {
      // PostgreSQL prints negative and decimal constants as quoted literals: '-5'::integer.
      const prev = out[out.length - 1];
      if (prev?.kind === "string" && NUMBER.test(prev.value) && NUMERIC_TYPES.has(input[i + 1]?.text.toLowerCase() ?? "")) out[out.length - 1] = syntheticToken("number", prev.value);
      i = skipTypeName(input, i + 1) - 1;
      continue;
    }
    if (t.kind === "op" && LIKE_OPERATORS[t.text]) {
      out.push(...LIKE_OPERATORS[t.text]!.map(word));
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * The expression with PostgreSQL's re-spellings folded (see the module comment), for comparing;
 * the text itself when there was nothing to fold.
 */
export function foldPostgresSpellings(sql: string): string {
  const lexed = lexSql(sql, POSTGRES_SYNTAX);
  const tokens = foldCastsAndLike(lexed);
  let changed = tokens.length !== lexed.length || tokens.some((t, i) => t !== lexed[i]);
  const folded: SqlToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const array = foldArrayComparison(tokens, i);
    if (array) {
      folded.push(...array.replacement);
      i = array.end - 1;
      changed = true;
    } else {
      folded.push(tokens[i]!);
    }
  }
  return changed ? joinTokens(folded) : sql;
}
