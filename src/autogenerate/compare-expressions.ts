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
 * Each dialect's normalisation first undoes its own re-spellings (PostgreSQL's casts and
 * `= ANY (ARRAY[…])`, MySQL's character-set introducers: `dialects/<name>/expression-spellings.ts`);
 * the key folds only what is the same in every dialect: a one-element IN stored as `=`, BETWEEN
 * as two comparisons, a sign written apart from its number.
 */
import type { SqlToken } from "../core/sql-lexer.js";
import { closingBracket, isToken, syntheticToken } from "../core/sql-tokens.js";
import { KEYWORDS_BEFORE_PAREN, tokenizeSql } from "./compare-sql-tokens.js";

type Node = { token: SqlToken } | { open: "(" | "["; children: Node[] };

/** Binding strength: higher binds tighter. `ATOM` for operands with no operator at all. */
const ATOM = 100;
const NEVER = -1;
const WORD_LEVEL: Record<string, number> = { or: 1, xor: 1.5, and: 2, not: 3, is: 4, isnull: 4, notnull: 4, in: 6, like: 6, ilike: 6, between: 6, similar: 6, glob: 6, regexp: 6, rlike: 6 };
const OP_LEVEL: Record<string, number> = { "=": 5, "<>": 5, "<": 5, ">": 5, "<=": 5, ">=": 5, "<=>": 5, "+": 8, "-": 8, "*": 9, "/": 9, "%": 9, "::": 12 };
/**
 * Words where a parenthesised operand next to them starts or ends (context that binds nothing):
 * also WHERE, whose condition is whole (a policy's `EXISTS (SELECT … WHERE (a = b))`).
 */
const BOUNDARY_WORDS = new Set(["then", "else", "end", "when", "case", "asc", "desc", "nulls", "where"]);
/** Words whose following parentheses hold a list or a sub-query, never a plain operand. */
const LIST_WORDS = new Set(["in", "any", "all", "some", "exists", "array", "values", "over", "filter", "within"]);

/** Canonical spelling of one token inside a key. */
function canonicalToken(token: SqlToken): SqlToken {
  if (token.kind === "ident") return syntheticToken("word", token.value.toLowerCase());
  if (token.kind === "word") return { ...token, text: token.value };
  if (token.kind === "string") return { ...token, text: `'${token.value.replace(/'/g, "''")}'` };
  if (token.kind === "op" && token.value === "!=") return syntheticToken("op", "<>");
  if (token.kind === "op" && token.value === "==") return syntheticToken("op", "=");
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

/** True when `token` ends an operand, so a following sign is a binary operator, not part of a number. */
function endsOperand(token: SqlToken | undefined): boolean {
  if (!token) return false;
  if (token.kind === "number" || token.kind === "string" || token.kind === "ident") return true;
  if (token.kind === "word") return WORD_LEVEL[token.value] === undefined && !BOUNDARY_WORDS.has(token.value) && token.value !== "then";
  return isToken(token, ")") || isToken(token, "]");
}

const numberToken = (value: string): SqlToken => syntheticToken("number", value);
const wordToken = (value: string): SqlToken => syntheticToken("word", value);
const opToken = (value: string): SqlToken => syntheticToken("op", value);
const punctToken = (value: string): SqlToken => syntheticToken("punct", value);

/** A sign written apart from its number (`- 5`, as a rewrite may leave it) joined to the number. */
function joinSigns(input: SqlToken[]): SqlToken[] {
  const out: SqlToken[] = [];
  for (let i = 0; i < input.length; i++) {
    const t = input[i]!;
    if ((isToken(t, "-") || isToken(t, "+")) && input[i + 1]?.kind === "number" && !endsOperand(out[out.length - 1])) {
      out.push(numberToken(`${t.value === "-" ? "-" : ""}${input[i + 1]!.value}`));
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
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

/** The comparison key of an expression (see expressionKey), as the compare engine asks for it. */
export type ExpressionKey = (sql: string) => string;

/**
 * The comparison key of an SQL expression: lower-cased words, unquoted identifiers, `!=` as `<>`,
 * simple BETWEENs as two comparisons, redundant parentheses removed, one space between tokens.
 * `fold` first undoes the dialect's own re-spellings (Dialect.foldExpression).
 */
export function expressionKey(sql: string, fold?: (sql: string) => string): string {
  if (fold) sql = fold(sql);
  const tokens = expandBetween(foldSingleIn(joinSigns(tokenizeSql(sql).map(canonicalToken))));
  const tree = buildTree(tokens, 0, tokens.length);
  if (!tree) return tokens.map((t) => t.text).join(" ");
  return flatten(simplify(tree), []).join(" ");
}
