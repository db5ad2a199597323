/**
 * Column defaults on PostgreSQL: writing a DefaultValue as DDL, and reading the deparsed
 * expression (`pg_get_expr(adbin, adrelid, true)`) back into the DefaultValue a model would hold.
 *
 * Reading strips the cast PostgreSQL adds to literals (`'abc'::text`, `'-1'::integer`,
 * `'a'::"Status"`) and turns numbers and booleans into literal values. Anything else stays an
 * SQL expression, verbatim: `now()`, `transaction_timestamp()` and `CURRENT_TIMESTAMP` mean the
 * same instant, but PostgreSQL stores and prints each as written (pg_get_expr), so folding them
 * would call two different catalogs equal and leave the difference unreported.
 */
import type { ColumnType, DefaultValue } from "../../catalog/types.js";
import { lexSql } from "../../core/sql-lexer.js";
import { quoteLiteral } from "./quote.js";
import { POSTGRES_SYNTAX } from "./sql-syntax.js";

const NUMERIC_KINDS = new Set<ColumnType["kind"]>(["smallint", "integer", "bigint", "numeric", "real", "double"]);
const IDENT = String.raw`(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)`;
/** `::type` as PostgreSQL deparses it: schema-qualified, multi-word, with modifiers and `[]`. */
const CAST = new RegExp(String.raw`^::${IDENT}(?:\.${IDENT})?(?: ${IDENT})*(?:\(\d+(?:,\s*\d+)?\))?(?: ${IDENT})*(?:\[\])*$`);
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * The DDL text of a default: literals through quoteLiteral, expressions verbatim — in
 * parentheses when they are more than one term (`now() AT TIME ZONE 'utc'`, `a AND b`), which
 * DEFAULT takes only so: its grammar is PostgreSQL's restricted b_expr.
 */
export function defaultSql(value: DefaultValue): string {
  if (value.kind === "literal") return quoteLiteral(value.value);
  const text = value.sql.trim();
  return isOneTerm(text) ? text : `(${text})`;
}

/** True when no whitespace separates two tokens outside parentheses and brackets: `f(x, y)`, `'{}'::jsonb`, `ARRAY[1, 2]`. */
function isOneTerm(text: string): boolean {
  let depth = 0;
  let previousEnd: number | undefined;
  for (const token of lexSql(text, POSTGRES_SYNTAX)) {
    if (depth === 0 && previousEnd !== undefined && token.start > previousEnd) return false;
    if (token.text === "(" || token.text === "[") depth++;
    else if (token.text === ")" || token.text === "]") depth--;
    previousEnd = token.end;
  }
  return true;
}

/** Removes parentheses that wrap the whole expression. */
function stripOuterParens(text: string): string {
  let s = text.trim();
  while (s.startsWith("(") && s.endsWith(")")) {
    let depth = 0;
    let wrapsAll = true;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "(") depth++;
      else if (s[i] === ")") depth--;
      if (depth === 0 && i < s.length - 1) {
        wrapsAll = false;
        break;
      }
    }
    if (!wrapsAll) break;
    s = s.slice(1, -1).trim();
  }
  return s;
}

/** Parses a leading string literal (`'…'` or `E'…'`); returns its value and where it ends, or undefined. */
function readStringLiteral(text: string): { value: string; end: number } | undefined {
  if (!/^[Ee]?'/.test(text)) return undefined;
  const first = lexSql(text, POSTGRES_SYNTAX)[0];
  return first?.kind === "string" && !first.unterminated ? { value: first.value, end: first.end } : undefined;
}

/** A number when `text` is one JavaScript represents exactly, otherwise the text itself. */
function exactNumber(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

/**
 * The DefaultValue for a deparsed default expression on a column of `type`, or null for a NULL
 * default: PostgreSQL stores `DEFAULT NULL` for some types (`NULL::character varying`) and not for
 * others (text), so a NULL default is always reported as no default, which means the same.
 */
export function parseReflectedDefault(expression: string, type: ColumnType): DefaultValue | null {
  const text = stripOuterParens(expression);
  const lower = text.toLowerCase();
  if (lower === "null" || /^null::/.test(lower)) return null;
  if (lower === "true" || lower === "false") return { kind: "literal", value: lower === "true" };
  if (NUMBER.test(text)) return { kind: "literal", value: exactNumber(text) };
  const literal = readStringLiteral(text);
  if (literal) {
    const rest = text.slice(literal.end);
    if (rest === "" || CAST.test(rest)) {
      // A literal cast to plain `interval` on an `interval hour to minute` (or `interval(0)`)
      // column was written with that cast: a bare literal would be cast to the column's type,
      // modifiers and all, which PostgreSQL keeps and prints. The cast stays in the expression.
      if (rest === "::interval" && type.kind === "raw" && /^interval\b./i.test(type.sql)) return { kind: "sql", sql: text };
      if (NUMERIC_KINDS.has(type.kind) && NUMBER.test(literal.value)) return { kind: "literal", value: exactNumber(literal.value) };
      if (type.kind === "boolean" && /^(true|false)$/i.test(literal.value)) return { kind: "literal", value: literal.value.toLowerCase() === "true" };
      return { kind: "literal", value: literal.value };
    }
  }
  return { kind: "sql", sql: text };
}

/** True when a deparsed default is a sequence call, i.e. the default a serial column gets. */
export function isNextvalDefault(expression: string): boolean {
  return /^nextval\('(?:[^']|'')+'::regclass\)$/.test(stripOuterParens(expression));
}

/** Splits a regclass text (`seq`, `"Seq"`, `sch.seq`) into its unquoted parts. */
function regclassParts(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let part = "";
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        part += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ".") part += text[i++];
    }
    parts.push(part);
    if (text[i] === ".") i++;
    else if (i < text.length) return [];
  }
  return parts;
}

/** The sequence a `nextval('…'::regclass)` default calls, as schema (if written) and name; undefined for other defaults. */
export function nextvalSequence(expression: string): { schema?: string; name: string } | undefined {
  const match = /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(stripOuterParens(expression));
  if (!match) return undefined;
  const parts = regclassParts(match[1]!.replace(/''/g, "'"));
  if (parts.length === 1) return { name: parts[0]! };
  if (parts.length === 2) return { schema: parts[0]!, name: parts[1]! };
  return undefined;
}

/**
 * True when `expression` calls the sequence a serial column `table.column` (in `schema`) would
 * own: `<table>_<column>_seq`. Such a default is what `serial` spells out, whether or not the
 * sequence is formally OWNED BY the column (pg_dump output and hand-written schemas often omit it).
 * A schema-qualified sequence must be in `schema` (null: only unqualified names match).
 */
export function isSerialStyleDefault(expression: string, schema: string | null, table: string, column: string): boolean {
  const sequence = nextvalSequence(expression);
  if (!sequence || (sequence.schema !== undefined && sequence.schema !== schema)) return false;
  const expected = `${table}_${column}_seq`;
  return Buffer.byteLength(expected, "utf8") <= 63 && sequence.name === expected;
}

/**
 * The default a column holds, for reflection: null for a NULL default (the same as none), the
 * literal when writing that literal stores this very text again (`0`, `'abc'::text`, `true`),
 * otherwise the expression exactly as PostgreSQL prints it (`now()`, `'0'::bigint`), so that
 * pull writes what the database holds. Compare folds the literal spellings (parseReflectedDefault).
 */
export function reflectedDefault(expression: string, type: ColumnType): DefaultValue | null {
  const parsed = parseReflectedDefault(expression, type);
  if (parsed === null) return null;
  const text = expression.trim();
  if (parsed.kind === "sql") return { kind: "sql", sql: text };
  // A quoted number ('0'::bigint) is stored as written; the bare literal would be stored as 0.
  // Only a negative literal comes back quoted, cast to its own type ('-1'::integer).
  if (typeof parsed.value === "number" && !NUMBER.test(text) && text !== `'${parsed.value}'::${negativeLiteralType(parsed.value)}`) return { kind: "sql", sql: text };
  return parsed;
}

/** The type PostgreSQL gives a bare negative number, or "" for a non-negative one (never quoted). */
function negativeLiteralType(value: number): string {
  if (value >= 0) return "";
  if (!Number.isInteger(value)) return "numeric";
  return value >= -2147483648 ? "integer" : Number.isSafeInteger(value) ? "bigint" : "numeric";
}
