/**
 * Comparison keys for SQL expressions. Databases hand back CHECK conditions, defaults and index
 * expressions re-spelled: keywords in another case, identifiers quoted, whitespace changed and
 * every sub-expression wrapped in parentheses (`a > 0 AND b > 0` comes back from PostgreSQL as
 * `((a > 0) AND (b > 0))`). The key is a canonical text in which those differences vanish; it is
 * only ever compared, never executed.
 *
 * Parentheses are removed only where that cannot change the meaning: around an operand whose
 * loosest operator binds tighter than the operators on either side of it. Operators whose
 * precedence differs between dialects (`||`, bit and JSON operators) keep their parentheses.
 *
 * The key also folds the alternative spellings the supported databases store: PostgreSQL's
 * `::type` casts (it adds them to literals and to columns in mixed-type expressions; `::` is
 * PostgreSQL-only syntax, so removing it cannot merge two different expressions of another
 * dialect), `= ANY (ARRAY[…])` for IN and `<> ALL (ARRAY[…])` for NOT IN, `~~` for LIKE, a
 * one-element IN stored as `=`, and MySQL's character-set introducers (`_utf8mb4'a'`).
 */
import { closingBracket, isToken, KEYWORDS_BEFORE_PAREN, tokenizeSql, type SqlToken } from "./compare-sql-tokens.js";

type Node = { token: SqlToken } | { open: "(" | "["; children: Node[] };

/** Binding strength: higher binds tighter. `ATOM` for operands with no operator at all. */
const ATOM = 100;
const NEVER = -1;
const WORD_LEVEL: Record<string, number> = { or: 1, xor: 1.5, and: 2, not: 3, is: 4, isnull: 4, notnull: 4, in: 6, like: 6, ilike: 6, between: 6, similar: 6, glob: 6, regexp: 6, rlike: 6 };
const OP_LEVEL: Record<string, number> = { "=": 5, "<>": 5, "<": 5, ">": 5, "<=": 5, ">=": 5, "<=>": 5, "+": 8, "-": 8, "*": 9, "/": 9, "%": 9, "::": 12 };
/** Words where a following parenthesised operand ends (right-hand context that binds nothing). */
const BOUNDARY_WORDS = new Set(["then", "else", "end", "when", "case", "asc", "desc", "nulls"]);
/** Words whose following parentheses hold a list or a sub-query, never a plain operand. */
const LIST_WORDS = new Set(["in", "any", "all", "some", "exists", "array", "values", "over", "filter", "within"]);

/** Canonical spelling of one token inside a key. */
function canonicalToken(token: SqlToken): SqlToken {
  if (token.kind === "ident") return { kind: "word", text: token.value.toLowerCase(), value: token.value.toLowerCase() };
  if (token.kind === "word") return { ...token, text: token.value };
  if (token.kind === "string") return { ...token, text: `'${token.value.replace(/'/g, "''")}'` };
  if (token.kind === "op" && token.value === "!=") return { kind: "op", text: "<>", value: "<>" };
  if (token.kind === "op" && token.value === "==") return { kind: "op", text: "=", value: "=" };
  return token;
}

const atom = (t: SqlToken | undefined): boolean => !!t && (t.kind === "word" || t.kind === "number" || t.kind === "string") && WORD_LEVEL[t.value] === undefined;
const starts = (t: SqlToken | undefined): boolean => !t || isToken(t, "(") || isToken(t, ",") || ["and", "or", "when", "then", "else", "where"].includes(t.value);
const ends = (t: SqlToken | undefined): boolean => !t || isToken(t, ")") || isToken(t, ",") || ["and", "or", "then", "else", "end"].includes(t.value);

/** `x [NOT] BETWEEN a AND b` with single-token operands, as PostgreSQL stores it (two comparisons). */
function expandBetween(tokens: SqlToken[]): SqlToken[] {
  const [word, op, paren] = [wordToken, opToken, punctToken];
  for (let i = 1; i < tokens.length; i++) {
    const negated = isToken(tokens[i], "not") && isToken(tokens[i + 1], "between");
    const at = negated ? i + 1 : i;
    if (!isToken(tokens[at], "between")) continue;
    const [x, a, and, b] = [tokens[i - 1], tokens[at + 1], tokens[at + 2], tokens[at + 3]];
    if (!atom(x) || !atom(a) || !isToken(and, "and") || !atom(b) || !starts(tokens[i - 2]) || !ends(tokens[at + 4])) continue;
    const body = negated ? [x!, op("<"), a!, word("or"), x!, op(">"), b!] : [x!, op(">="), a!, word("and"), x!, op("<="), b!];
    return expandBetween([...tokens.slice(0, i - 1), paren("("), ...body, paren(")"), ...tokens.slice(at + 4)]);
  }
  return tokens;
}

/** Words that continue a multi-word type name after a cast (`::character varying`). */
const TYPE_WORDS = new Set(["varying", "precision", "with", "without", "time", "zone"]);
const LIKE_OPERATORS: Record<string, string[]> = { "~~": ["like"], "~~*": ["ilike"], "!~~": ["not", "like"], "!~~*": ["not", "ilike"] };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const NUMERIC_TYPES = new Set(["integer", "int", "int2", "int4", "int8", "smallint", "bigint", "numeric", "decimal", "real", "double", "float4", "float8"]);

/** True when `token` ends an operand, so a following sign is a binary operator, not part of a number. */
function endsOperand(token: SqlToken | undefined): boolean {
  if (!token) return false;
  if (token.kind === "number" || token.kind === "string" || token.kind === "ident") return true;
  if (token.kind === "word") return WORD_LEVEL[token.value] === undefined && !BOUNDARY_WORDS.has(token.value) && token.value !== "then";
  return isToken(token, ")") || isToken(token, "]");
}

const numberToken = (value: string): SqlToken => ({ kind: "number", text: value, value });
const wordToken = (value: string): SqlToken => ({ kind: "word", text: value, value });
const opToken = (value: string): SqlToken => ({ kind: "op", text: value, value });
const punctToken = (value: string): SqlToken => ({ kind: "punct", text: value, value });

/** The index just past a type name starting at `i` (words, qualification, modifiers, `[]`). */
function skipTypeName(tokens: SqlToken[], i: number): number {
  if (tokens[i]?.kind !== "word") return i;
  i++;
  while (isToken(tokens[i], ".") && tokens[i + 1]?.kind === "word") i += 2;
  while (tokens[i]?.kind === "word" && TYPE_WORDS.has(tokens[i]!.value)) i++;
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
  let open = i + 2;
  let depth = 0;
  while (isToken(tokens[open + depth], "(")) depth++;
  const arrayAt = open + depth;
  if (depth === 0 || !isToken(tokens[arrayAt], "array") || !isToken(tokens[arrayAt + 1], "[")) return undefined;
  const closeBracket = closingBracket(tokens, arrayAt + 1);
  if (closeBracket < 0) return undefined;
  for (let k = 1; k <= depth; k++) if (!isToken(tokens[closeBracket + k], ")")) return undefined;
  const items = tokens.slice(arrayAt + 2, closeBracket);
  const head = negated ? [wordToken("not"), wordToken("in")] : [wordToken("in")];
  open = closeBracket + depth + 1;
  return { replacement: [...head, punctToken("("), ...items, punctToken(")")], end: open };
}

/** Folds the stored spellings listed in the module comment into one. */
function foldSpellings(input: SqlToken[]): SqlToken[] {
  const out: SqlToken[] = [];
  for (let i = 0; i < input.length; i++) {
    const t = input[i]!;
    if (t.kind === "word" && /^_[a-z0-9]+$/.test(t.value) && input[i + 1]?.kind === "string") continue;
    if (isToken(t, "::")) {
      // PostgreSQL prints negative and decimal constants as quoted literals: '-5'::integer.
      const prev = out[out.length - 1];
      if (prev?.kind === "string" && NUMBER.test(prev.value) && NUMERIC_TYPES.has(input[i + 1]?.value ?? "")) out[out.length - 1] = numberToken(prev.value);
      i = skipTypeName(input, i + 1) - 1;
      continue;
    }
    if ((isToken(t, "-") || isToken(t, "+")) && input[i + 1]?.kind === "number" && !endsOperand(out[out.length - 1])) {
      out.push(numberToken(`${t.value === "-" ? "-" : ""}${input[i + 1]!.value}`));
      i++;
      continue;
    }
    if (t.kind === "op" && LIKE_OPERATORS[t.value]) {
      out.push(...LIKE_OPERATORS[t.value]!.map(wordToken));
      continue;
    }
    out.push(t);
  }
  const folded: SqlToken[] = [];
  for (let i = 0; i < out.length; i++) {
    const array = foldArrayComparison(out, i);
    if (array) {
      folded.push(...array.replacement);
      i = array.end - 1;
    } else {
      folded.push(out[i]!);
    }
  }
  return foldSingleIn(folded);
}

/** `x IN (a)` → `x = a` and `x NOT IN (a)` → `x <> a`, as PostgreSQL stores a one-value list. */
function foldSingleIn(tokens: SqlToken[]): SqlToken[] {
  const out: SqlToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isToken(t, "in") && isToken(tokens[i + 1], "(") && tokens[i + 2] && isToken(tokens[i + 3], ")") && tokens[i + 2]!.kind !== "punct") {
      const negated = isToken(out[out.length - 1], "not");
      if (negated) out.pop();
      out.push(opToken(negated ? "<>" : "="), tokens[i + 2]!);
      i += 3;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Builds the bracket tree; undefined when brackets do not balance. */
function buildTree(tokens: SqlToken[], from: number, to: number): Node[] | undefined {
  const nodes: Node[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isToken(t, "(") || isToken(t, "[")) {
      const close = closingBracket(tokens, i);
      if (close < 0 || close >= to) return undefined;
      const children = buildTree(tokens, i + 1, close);
      if (!children) return undefined;
      nodes.push({ open: t.value as "(" | "[", children });
      i = close;
    } else if (isToken(t, ")") || isToken(t, "]")) {
      return undefined;
    } else {
      nodes.push({ token: t });
    }
  }
  return nodes;
}

/** How tightly a top-level token binds, or undefined for operands. `prev`/`next` disambiguate NOT. */
function tokenLevel(token: SqlToken, prev: Node | undefined, next: Node | undefined): number | undefined {
  if (token.kind === "word") {
    if (token.value === "not") {
      const p = prev && "token" in prev ? prev.token : undefined;
      const n = next && "token" in next ? next.token : undefined;
      // IS NOT, NOT IN, NOT LIKE, … are part of one comparison, not a boolean NOT.
      if (isToken(p, "is") || ["in", "like", "ilike", "between", "similar", "glob", "regexp"].includes(n?.value ?? "")) return 4;
    }
    return WORD_LEVEL[token.value];
  }
  if (token.kind === "op") return OP_LEVEL[token.value] ?? NEVER;
  return undefined;
}

/** The loosest binding among a group's top-level operators (CASE … END counts as one operand). */
function innerLevel(children: Node[]): number {
  let level = ATOM;
  let caseDepth = 0;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (!("token" in node)) continue;
    const t = node.token;
    if (isToken(t, ",") || isToken(t, "select")) return NEVER;
    if (isToken(t, "case")) caseDepth++;
    else if (isToken(t, "end") && caseDepth > 0) caseDepth--;
    else if (caseDepth === 0) {
      const l = tokenLevel(t, children[i - 1], children[i + 1]);
      if (l !== undefined) level = Math.min(level, l);
    }
  }
  return level;
}

/** How tightly the neighbour on one side binds the group; NEVER when the group is an argument list. */
function contextLevel(node: Node | undefined, side: "left" | "right", other: Node | undefined): number {
  if (!node) return 0;
  if (!("token" in node)) return side === "left" ? NEVER : ATOM;
  const t = node.token;
  if (isToken(t, "(") || isToken(t, ",") || isToken(t, ";")) return 0;
  if (t.kind === "word" && BOUNDARY_WORDS.has(t.value)) return 0;
  if (side === "left" && (t.kind === "ident" || (t.kind === "word" && (LIST_WORDS.has(t.value) || !KEYWORDS_BEFORE_PAREN.has(t.value))))) return NEVER;
  const level = tokenLevel(t, side === "left" ? undefined : other, side === "left" ? other : undefined);
  if (level !== undefined) return level === NEVER ? ATOM + 1 : level;
  return ATOM + 1;
}

/** Removes parentheses that do not change the meaning, innermost first. */
function simplify(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if ("token" in node) {
      out.push(node);
      continue;
    }
    const children = simplify(node.children);
    if (node.open === "[" || children.length === 0) {
      out.push({ open: node.open, children });
      continue;
    }
    const prev = out[out.length - 1];
    const left = contextLevel(prev, "left", undefined);
    const right = contextLevel(nodes[i + 1], "right", undefined);
    const context = Math.max(left, right);
    const inner = innerLevel(children);
    // AND and OR are associative, so `a AND (b AND c)` may lose its parentheses too.
    const removable = left !== NEVER && inner !== NEVER && (inner > context || (inner === context && (inner === 1 || inner === 2)));
    if (removable) out.push(...children);
    else out.push({ open: node.open, children });
  }
  return out;
}

function flatten(nodes: Node[], into: string[]): string[] {
  for (const node of nodes) {
    if ("token" in node) {
      into.push(node.token.text);
    } else {
      into.push(node.open);
      flatten(node.children, into);
      into.push(node.open === "(" ? ")" : "]");
    }
  }
  return into;
}

/**
 * The comparison key of an SQL expression: lower-cased words, unquoted identifiers, `!=` as `<>`,
 * simple BETWEENs as two comparisons, redundant parentheses removed, one space between tokens.
 */
export function expressionKey(sql: string): string {
  const tokens = expandBetween(foldSpellings(tokenizeSql(sql).map(canonicalToken)));
  const tree = buildTree(tokens, 0, tokens.length);
  if (!tree) return tokens.map((t) => t.text).join(" ");
  return flatten(simplify(tree), []).join(" ");
}
