/**
 * SQLite's token helpers. Reflection reads constraint names, CHECK texts, generated-column
 * expressions and index elements out of the CREATE statements stored in `sqlite_schema`, and
 * `inlineParams` must find `?` placeholders without touching strings; both tokenize with the
 * shared lexer under SQLite's rules (sql-syntax.ts).
 */
import { lexSql, type SqlToken } from "../../core/sql-lexer.js";
import { SQLITE_SYNTAX } from "./sql-syntax.js";

/** One token with its position in the source, so callers can slice the original text. */
export type Token = SqlToken;

/** Splits SQLite SQL into tokens, dropping whitespace and comments. Never throws. */
export function tokenize(src: string): Token[] {
  return lexSql(src, SQLITE_SYNTAX);
}

/** True for a bare word equal to `keyword`, ignoring ASCII case. */
export function isKeyword(token: Token | undefined, keyword: string): boolean {
  return token !== undefined && token.kind === "word" && token.text.toUpperCase() === keyword;
}

/** True for a token that names something: a bare word, a quoted identifier, or a string used as one. */
export function isName(token: Token | undefined): token is Token {
  return token !== undefined && (token.kind === "word" || token.kind === "ident" || token.kind === "string");
}

/** True for the punctuation character `ch`. */
export function isPunct(token: Token | undefined, ch: string): boolean {
  return token !== undefined && token.kind === "punct" && token.text === ch;
}

/** Index of the `)` that closes the `(` at `open`, or the last index when unbalanced. */
export function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")")) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return tokens.length - 1;
}

/** Splits tokens[from, to) at commas that sit outside any parentheses. */
export function splitTopLevel(tokens: Token[], from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")")) depth--;
    else if (depth === 0 && isPunct(tokens[i], ",")) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (start < to) parts.push([start, to]);
  return parts;
}
