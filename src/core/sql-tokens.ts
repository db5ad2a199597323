/** Small helpers over the shared lexer's tokens (core/sql-lexer.ts), for code that reads or rewrites SQL. */
import type { SqlToken } from "./sql-lexer.js";

/** True for a token that is the given punctuation, operator or (case-insensitive) keyword. */
export function isToken(token: SqlToken | undefined, value: string): boolean {
  if (!token) return false;
  if (token.kind === "word") return token.text.toLowerCase() === value.toLowerCase();
  return (token.kind === "op" || token.kind === "punct") && token.text === value;
}

/** The index of the bracket closing the one at `open`, or -1 when unbalanced. */
export function closingBracket(tokens: readonly SqlToken[], open: number): number {
  const opening = tokens[open]?.text;
  const closing = opening === "(" ? ")" : opening === "[" ? "]" : undefined;
  if (!closing) return -1;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "punct") continue;
    if (t.text === "(" || t.text === "[") depth++;
    else if (t.text === ")" || t.text === "]") {
      depth--;
      if (depth === 0) return t.text === closing ? i : -1;
    }
  }
  return -1;
}

/** A token made up by a rewrite (it has no place in any source). */
export function syntheticToken(kind: SqlToken["kind"], text: string): SqlToken {
  return { kind, text, value: text, start: -1, end: -1 };
}

/**
 * SQL text for tokens, one space between each: the same tokens again when lexed back, which is
 * all a rewrite for comparison needs (the spacing of the original is not kept).
 */
export function joinTokens(tokens: readonly SqlToken[]): string {
  return tokens.map((t) => t.text).join(" ");
}
