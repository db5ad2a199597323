/**
 * A dialect-neutral SQL tokenizer for the short expressions schemas hold (CHECK conditions,
 * defaults, index expressions, generated columns). Compare uses it to build comparison keys, and
 * the dialects' normalisers use it to rewrite what their database stores into what a model
 * writes, without touching the inside of string literals or quoted identifiers.
 */

/** `word`: bare identifier or keyword; `ident`: quoted identifier; `op`: operator characters. */
export type SqlTokenKind = "word" | "ident" | "string" | "number" | "op" | "punct";

/** One token. `value` is the unquoted content of strings and identifiers, the text otherwise. */
export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
  value: string;
}

const OPERATOR_CHARS = "+-*/<>=!~|&%^@#?:";
/** An operator may end in + or - only if it also holds one of these (PostgreSQL's lexer rule). */
const SIGN_TAIL_ALLOWED = /[~!@#%^&|`?]/;
const PUNCT = "(),[].;";

function isIdentStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}

function isIdentPart(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) >= 0x80;
}

/** Reads a run closed by `quote`, where a doubled quote stands for one; returns content and end. */
function readQuoted(src: string, start: number, quote: string): { value: string; end: number } {
  let value = "";
  let i = start + 1;
  while (i < src.length) {
    if (src[i] === quote) {
      if (src[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += src[i];
    i++;
  }
  return { value, end: src.length };
}

/** The operator starting at `start`, cut back so it does not swallow a following sign. */
function readOperator(src: string, start: number): string {
  let end = start;
  while (end < src.length && OPERATOR_CHARS.includes(src[end]!)) {
    if (src.startsWith("--", end) || src.startsWith("/*", end)) break;
    end++;
  }
  let text = src.slice(start, end);
  while (text.length > 1 && /[+-]$/.test(text) && !SIGN_TAIL_ALLOWED.test(text)) text = text.slice(0, -1);
  return text;
}

/** Splits SQL into tokens, dropping whitespace and comments. Never throws: odd input yields odd tokens. */
export function tokenizeSql(src: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (src.startsWith("--", i)) {
      const nl = src.indexOf("\n", i);
      i = nl < 0 ? src.length : nl + 1;
    } else if (src.startsWith("/*", i)) {
      const close = src.indexOf("*/", i + 2);
      i = close < 0 ? src.length : close + 2;
    } else if (ch === "'" || (/[eEnN]/.test(ch) && src[i + 1] === "'")) {
      const quoteAt = ch === "'" ? i : i + 1;
      const { value, end } = readQuoted(src, quoteAt, "'");
      tokens.push({ kind: "string", text: src.slice(i, end), value });
      i = end;
    } else if (ch === '"' || ch === "`") {
      const { value, end } = readQuoted(src, i, ch);
      tokens.push({ kind: "ident", text: src.slice(i, end), value });
      i = end;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(src.slice(i))!;
      tokens.push({ kind: "number", text: match[0], value: match[0] });
      i += match[0].length;
    } else if (isIdentStart(ch)) {
      let end = i + 1;
      while (end < src.length && isIdentPart(src[end]!)) end++;
      const text = src.slice(i, end);
      tokens.push({ kind: "word", text, value: text.toLowerCase() });
      i = end;
    } else if (PUNCT.includes(ch)) {
      tokens.push({ kind: "punct", text: ch, value: ch });
      i++;
    } else if (OPERATOR_CHARS.includes(ch)) {
      const text = readOperator(src, i);
      tokens.push({ kind: "op", text, value: text });
      i += text.length;
    } else {
      tokens.push({ kind: "op", text: ch, value: ch });
      i++;
    }
  }
  return tokens;
}

/** True for a token that is the given punctuation, operator or (case-insensitive) keyword. */
export function isToken(token: SqlToken | undefined, value: string): boolean {
  if (!token) return false;
  if (token.kind === "word") return token.value === value.toLowerCase();
  return (token.kind === "op" || token.kind === "punct") && token.value === value;
}

/** The index of the bracket closing the one at `open`, or -1 when unbalanced. */
export function closingBracket(tokens: readonly SqlToken[], open: number): number {
  const opening = tokens[open]?.value;
  const closing = opening === "(" ? ")" : opening === "[" ? "]" : undefined;
  if (!closing) return -1;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "punct") continue;
    if (t.value === "(" || t.value === "[") depth++;
    else if (t.value === ")" || t.value === "]") {
      depth--;
      if (depth === 0) return t.value === closing ? i : -1;
    }
  }
  return -1;
}


/** Words after which a parenthesis opens an operand rather than a function call's arguments. */
export const KEYWORDS_BEFORE_PAREN: ReadonlySet<string> = new Set([
  "and", "or", "not", "xor", "when", "then", "else", "case", "is", "like", "ilike", "glob", "regexp", "rlike",
  "between", "similar", "escape", "in", "any", "all", "some", "exists", "array", "on", "as", "select", "where", "from",
]);
