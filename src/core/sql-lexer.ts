/**
 * The one SQL lexer. Every part of athanor that must see where strings, quoted identifiers,
 * comments and placeholders start and end (expression keys, SQLite's CREATE-statement parser,
 * offline placeholder inlining, MySQL literal reading) tokenizes with this, each dialect passing
 * its own syntax (`SqlSyntax`, defined in `dialects/<name>/sql-syntax.ts`). Regular expressions
 * get these boundaries wrong; five hand-written scanners used to get them right in five
 * slightly different ways.
 */

/**
 * `word`: a bare identifier or keyword; `ident`: a quoted identifier; `blob`: a hex or bit
 * string (`X'0A'`, `B'101'`; its value is its text); `param`: a placeholder (`$1`, `?`, `:name`).
 */
export type SqlTokenKind = "word" | "ident" | "string" | "number" | "blob" | "param" | "op" | "punct";

/** One token with its place in the source, so callers can slice or replace the original text. */
export interface SqlToken {
  kind: SqlTokenKind;
  /** The source text of the token. */
  text: string;
  /** Strings and quoted identifiers: the content with quotes removed and escapes undone; otherwise the text. */
  value: string;
  start: number;
  end: number;
  /** Set on a string or quoted identifier whose closing quote is missing. */
  unterminated?: true;
}

/** What differs between the dialects' lexical rules. */
export interface SqlSyntax {
  /** How `"…"` reads: a quoted identifier (standard SQL) or a string (MySQL's default mode). */
  doubleQuote: "identifier" | "string";
  /** Backticks quote identifiers (MySQL, SQLite). */
  backtickIdentifiers: boolean;
  /** `[…]` quotes identifiers (SQLite); otherwise brackets are punctuation (PostgreSQL arrays). */
  bracketIdentifiers: boolean;
  /**
   * Where a backslash escapes the next character inside strings: in every string (MySQL), only
   * in `E'…'` strings (PostgreSQL), or nowhere (SQLite, standard SQL).
   */
  backslashEscapes: "always" | "e-strings" | "never";
  /** `$tag$…$tag$` strings (PostgreSQL). */
  dollarQuotes: boolean;
  /** `#` starts a line comment (MySQL). */
  hashComments: boolean;
  /** `--` starts a comment only when whitespace or the end follows it (MySQL). */
  dashCommentNeedsSpace: boolean;
  /** Block comments nest (PostgreSQL). */
  nestedComments: boolean;
  /** Placeholder forms: `$1` (PostgreSQL), `?` and `?1` (MySQL, SQLite), `:name`/`@name`/`$name` (SQLite). */
  placeholders: { dollarNumber?: boolean; question?: boolean; named?: string };
}

/** Standard SQL with both identifier quotes: the neutral reading used for comparison keys. */
export const STANDARD_SQL_SYNTAX: SqlSyntax = {
  doubleQuote: "identifier",
  backtickIdentifiers: true,
  bracketIdentifiers: false,
  backslashEscapes: "e-strings",
  dollarQuotes: false,
  hashComments: false,
  dashCommentNeedsSpace: false,
  nestedComments: false,
  placeholders: {},
};

const OPERATOR_CHARS = "+-*/<>=!~|&%^@#?:";
/** An operator may end in + or - only if it also holds one of these (PostgreSQL's rule; harmless elsewhere). */
const SIGN_TAIL_ALLOWED = /[~!@#%^&|`?]/;
const PUNCT = "(),[].;";
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
/** Backslash escapes that mean a control character; any other escaped character stands for itself. */
const C_STYLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", "0": "\0", Z: "\x1a" };
const E_STRING_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };

/** How backslashes read inside one string: not at all, as in MySQL, or as in PostgreSQL's E'…'. */
type Backslashes = "none" | "c-style" | "e-string";

/** Identifiers start with a letter or underscore; every character at or above U+0080 counts as a letter. */
function isIdentStart(ch: string | undefined): boolean {
  return ch !== undefined && (/[A-Za-z_]/.test(ch) || ch.charCodeAt(0) >= 0x80);
}

function isIdentPart(ch: string | undefined): boolean {
  return ch !== undefined && (/[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) >= 0x80);
}

/**
 * Reads a run opened at `start` and closed by `close`, where a doubled closer stands for one and
 * a backslash may escape the next character (MySQL keeps the backslash of `\%` and `\_`, which
 * are LIKE escapes).
 */
function readQuoted(src: string, start: number, close: string, backslashes: Backslashes): { value: string; end: number; terminated: boolean } {
  let value = "";
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (backslashes !== "none" && ch === "\\" && i + 1 < src.length) {
      const next = src[i + 1]!;
      if (backslashes === "c-style") value += next === "%" || next === "_" ? `\\${next}` : (C_STYLE_ESCAPES[next] ?? next);
      else value += E_STRING_ESCAPES[next] ?? next;
      i += 2;
    } else if (ch === close) {
      if (src[i + 1] === close) {
        value += close;
        i += 2;
        continue;
      }
      return { value, end: i + 1, terminated: true };
    } else {
      value += ch;
      i++;
    }
  }
  return { value, end: src.length, terminated: false };
}

/** Index just past a block comment starting at `start`. */
function skipBlockComment(src: string, start: number, nested: boolean): number {
  if (!nested) {
    const close = src.indexOf("*/", start + 2);
    return close < 0 ? src.length : close + 2;
  }
  let depth = 0;
  let i = start;
  while (i < src.length) {
    if (src.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (src.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return src.length;
}

/** Index just past a number starting at `start`: decimal with fraction and exponent, or 0x hex. */
function readNumber(src: string, start: number): number {
  let i = start;
  if (src[i] === "0" && (src[i + 1] === "x" || src[i + 1] === "X") && /[0-9A-Fa-f]/.test(src[i + 2] ?? "")) {
    i += 2;
    while (/[0-9A-Fa-f]/.test(src[i] ?? "")) i++;
    return i;
  }
  while (/[0-9_]/.test(src[i] ?? "")) i++;
  if (src[i] === ".") {
    i++;
    while (/[0-9_]/.test(src[i] ?? "")) i++;
  }
  if ((src[i] === "e" || src[i] === "E") && (/[0-9]/.test(src[i + 1] ?? "") || (/[+-]/.test(src[i + 1] ?? "") && /[0-9]/.test(src[i + 2] ?? "")))) {
    i += 2;
    while (/[0-9]/.test(src[i] ?? "")) i++;
  }
  return i;
}

/** The operator starting at `start`, cut back so it does not swallow a following sign. */
function readOperator(src: string, start: number): number {
  let end = start;
  while (end < src.length && OPERATOR_CHARS.includes(src[end]!)) {
    if (end > start && (src.startsWith("--", end) || src.startsWith("/*", end))) break;
    end++;
  }
  let text = src.slice(start, end);
  while (text.length > 1 && /[+-]$/.test(text) && !SIGN_TAIL_ALLOWED.test(text)) text = text.slice(0, -1);
  return start + text.length;
}

/** The end of a placeholder starting at `i`, or -1 when none starts there. */
function placeholderEnd(src: string, i: number, syntax: SqlSyntax): number {
  const ch = src[i]!;
  const { dollarNumber, question, named } = syntax.placeholders;
  let end = i + 1;
  if (dollarNumber && ch === "$" && /[0-9]/.test(src[i + 1] ?? "") && !isIdentPart(src[i - 1])) {
    while (/[0-9]/.test(src[end] ?? "")) end++;
    return end;
  }
  if (question && ch === "?") {
    while (/[0-9]/.test(src[end] ?? "")) end++;
    return end;
  }
  if (named?.includes(ch) && isIdentStart(src[i + 1]) && !(ch === ":" && src[i - 1] === ":")) {
    while (isIdentPart(src[end])) end++;
    return end;
  }
  return -1;
}

/** True when a `--` at `i` starts a comment under `syntax`. */
function startsDashComment(src: string, i: number, syntax: SqlSyntax): boolean {
  if (!src.startsWith("--", i)) return false;
  return !syntax.dashCommentNeedsSpace || i + 2 >= src.length || /\s/.test(src[i + 2]!);
}

/**
 * Splits SQL into tokens under a dialect's lexical rules, dropping whitespace and comments.
 * Never throws: odd input yields odd tokens (an unclosed string runs to the end, marked).
 */
export function lexSql(src: string, syntax: SqlSyntax = STANDARD_SQL_SYNTAX): SqlToken[] {
  const tokens: SqlToken[] = [];
  const push = (kind: SqlTokenKind, start: number, end: number, value?: string, terminated = true): void => {
    const text = src.slice(start, end);
    tokens.push({ kind, text, value: value ?? text, start, end, ...(terminated ? {} : { unterminated: true as const }) });
  };
  const plainStrings: Backslashes = syntax.backslashEscapes === "always" ? "c-style" : "none";
  const quoted = (kind: SqlTokenKind, start: number, quoteAt: number, close: string, backslashes: Backslashes): number => {
    const q = readQuoted(src, quoteAt, close, backslashes);
    push(kind, start, q.end, q.value, q.terminated);
    return q.end;
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const next = src[i + 1];
    const prefixed = next === "'" && !isIdentPart(src[i - 1]);
    if (/\s/.test(ch)) {
      i++;
    } else if (startsDashComment(src, i, syntax) || (syntax.hashComments && ch === "#")) {
      const nl = src.indexOf("\n", i);
      i = nl < 0 ? src.length : nl + 1;
    } else if (ch === "/" && next === "*") {
      i = skipBlockComment(src, i, syntax.nestedComments);
    } else if (ch === "'") {
      i = quoted("string", i, i, "'", plainStrings);
    } else if (prefixed && (ch === "E" || ch === "e")) {
      i = quoted("string", i, i + 1, "'", syntax.backslashEscapes === "never" ? "none" : syntax.backslashEscapes === "always" ? "c-style" : "e-string");
    } else if (prefixed && (ch === "N" || ch === "n")) {
      i = quoted("string", i, i + 1, "'", plainStrings);
    } else if (prefixed && /[xXbB]/.test(ch)) {
      const q = readQuoted(src, i + 1, "'", "none");
      push("blob", i, q.end, undefined, q.terminated);
      i = q.end;
    } else if (ch === '"') {
      const asString = syntax.doubleQuote === "string";
      i = quoted(asString ? "string" : "ident", i, i, '"', asString ? plainStrings : "none");
    } else if (ch === "`" && syntax.backtickIdentifiers) {
      i = quoted("ident", i, i, "`", "none");
    } else if (ch === "[" && syntax.bracketIdentifiers) {
      // `]` cannot be doubled inside brackets: the first one closes.
      const close = src.indexOf("]", i + 1);
      const end = close < 0 ? src.length : close + 1;
      push("ident", i, end, src.slice(i + 1, close < 0 ? src.length : close), close >= 0);
      i = end;
    } else if (syntax.dollarQuotes && ch === "$" && !isIdentPart(src[i - 1]) && DOLLAR_TAG.test(src.slice(i, i + 64))) {
      const tag = DOLLAR_TAG.exec(src.slice(i))![0];
      const close = src.indexOf(tag, i + tag.length);
      const end = close < 0 ? src.length : close + tag.length;
      push("string", i, end, src.slice(i + tag.length, close < 0 ? src.length : close), close >= 0);
      i = end;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(next ?? ""))) {
      const end = readNumber(src, i);
      push("number", i, end);
      i = end;
    } else if (isIdentStart(ch)) {
      let end = i + 1;
      while (isIdentPart(src[end])) end++;
      push("word", i, end);
      i = end;
    } else if (placeholderEnd(src, i, syntax) > 0) {
      const end = placeholderEnd(src, i, syntax);
      push("param", i, end);
      i = end;
    } else if (PUNCT.includes(ch)) {
      push("punct", i, i + 1);
      i++;
    } else if (OPERATOR_CHARS.includes(ch)) {
      const end = readOperator(src, i);
      push("op", i, end);
      i = end;
    } else {
      push("op", i, i + 1);
      i++;
    }
  }
  return tokens;
}
