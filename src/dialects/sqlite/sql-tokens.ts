/**
 * A small SQLite tokenizer. Reflection reads constraint names, CHECK texts, generated-column
 * expressions and index elements out of the CREATE statements stored in `sqlite_schema`, and
 * `inlineParams` must find `?` placeholders without touching strings; both need to know where
 * strings, quoted identifiers and comments start and end, which regular expressions get wrong.
 */

/** What a token is. `word` covers bare identifiers and keywords alike (SQLite does not reserve most). */
export type TokenKind = "word" | "quoted" | "string" | "number" | "blob" | "param" | "punct" | "op";

/** One token with its position in the source, so callers can slice the original text. */
export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** Identifier or string value with quotes removed and escapes undone; the text otherwise. */
  value: string;
  start: number;
  end: number;
}

const PUNCT = new Set(["(", ")", ",", ";", "."]);

/** SQLite treats every character at or above U+0080 as part of an identifier. */
function isIdentStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}

function isIdentPart(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}

/** Reads a quoted run starting at `start` whose closing character is `close`; doubling escapes it. */
function readQuoted(src: string, start: number, close: string, doubling: boolean): { end: number; value: string } {
  let i = start + 1;
  let value = "";
  while (i < src.length) {
    const ch = src[i];
    if (ch === close) {
      if (doubling && src[i + 1] === close) {
        value += close;
        i += 2;
        continue;
      }
      return { end: i + 1, value };
    }
    value += ch;
    i++;
  }
  return { end: src.length, value };
}

function readNumber(src: string, start: number): number {
  let i = start;
  if (src[i] === "0" && (src[i + 1] === "x" || src[i + 1] === "X")) {
    i += 2;
    while (i < src.length && /[0-9A-Fa-f]/.test(src[i])) i++;
    return i;
  }
  while (i < src.length && /[0-9_]/.test(src[i])) i++;
  if (src[i] === ".") {
    i++;
    while (i < src.length && /[0-9_]/.test(src[i])) i++;
  }
  if ((src[i] === "e" || src[i] === "E") && /[0-9+-]/.test(src[i + 1] ?? "")) {
    i += 2;
    while (i < src.length && /[0-9]/.test(src[i])) i++;
  }
  return i;
}

/** Splits SQL text into tokens, dropping whitespace and comments. Never throws. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string): void => {
    const text = src.slice(start, end);
    tokens.push({ kind, text, value: value ?? text, start, end });
  };
  while (i < src.length) {
    const ch = src[i];
    const next = src[i + 1] ?? "";
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && next === "-") {
      const nl = src.indexOf("\n", i);
      i = nl < 0 ? src.length : nl + 1;
    } else if (ch === "/" && next === "*") {
      const close = src.indexOf("*/", i + 2);
      i = close < 0 ? src.length : close + 2;
    } else if ((ch === "x" || ch === "X") && next === "'") {
      const q = readQuoted(src, i + 1, "'", true);
      push("blob", i, q.end);
      i = q.end;
    } else if (ch === "'") {
      const q = readQuoted(src, i, "'", true);
      push("string", i, q.end, q.value);
      i = q.end;
    } else if (ch === '"' || ch === "`") {
      const q = readQuoted(src, i, ch, true);
      push("quoted", i, q.end, q.value);
      i = q.end;
    } else if (ch === "[") {
      const q = readQuoted(src, i, "]", false);
      push("quoted", i, q.end, q.value);
      i = q.end;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(next))) {
      const end = readNumber(src, i);
      push("number", i, end);
      i = end;
    } else if (isIdentStart(ch)) {
      let end = i + 1;
      while (end < src.length && isIdentPart(src[end])) end++;
      push("word", i, end);
      i = end;
    } else if (ch === "?") {
      let end = i + 1;
      while (end < src.length && /[0-9]/.test(src[end])) end++;
      push("param", i, end);
      i = end;
    } else if ((ch === ":" || ch === "@" || ch === "$") && isIdentStart(next)) {
      let end = i + 1;
      while (end < src.length && isIdentPart(src[end])) end++;
      push("param", i, end);
      i = end;
    } else if (PUNCT.has(ch)) {
      push("punct", i, i + 1);
      i++;
    } else {
      const two = src.slice(i, i + 2);
      const len = ["||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->"].includes(two) ? (src.slice(i, i + 3) === "->>" ? 3 : 2) : 1;
      push("op", i, i + len);
      i += len;
    }
  }
  return tokens;
}

/** True for a bare word equal to `keyword`, ignoring ASCII case. */
export function isKeyword(token: Token | undefined, keyword: string): boolean {
  return token !== undefined && token.kind === "word" && token.text.toUpperCase() === keyword;
}

/** True for a token that names something: a bare word, a quoted identifier, or a string used as one. */
export function isName(token: Token | undefined): token is Token {
  return token !== undefined && (token.kind === "word" || token.kind === "quoted" || token.kind === "string");
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
