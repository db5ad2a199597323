/**
 * Reads index elements and the partial-index predicate out of a stored CREATE INDEX statement.
 * An element's trailing `ASC`/`DESC` is its order and a trailing `COLLATE name` its collation
 * (as index_xinfo reports them); what remains is a column when it is just a column name, and
 * otherwise (a function call, arithmetic) the expression text exactly as written, so an index
 * compiled by athanor reflects back unchanged.
 */
import type { IndexElement } from "../../catalog/types.js";
import { closingParen, isKeyword, isName, isPunct, splitTopLevel, tokenize, type Token } from "./sql-tokens.js";

/** The element written in `sql` between tokens `from` and `to` (exclusive), or undefined when empty. */
function elementOf(sql: string, tokens: Token[], from: number, to: number): IndexElement | undefined {
  let last = to - 1;
  let descending = false;
  let collation: string | undefined;
  if (isKeyword(tokens[last], "DESC") || isKeyword(tokens[last], "ASC")) {
    descending = isKeyword(tokens[last], "DESC");
    last--;
  }
  if (last - 1 > from && isKeyword(tokens[last - 1], "COLLATE") && isName(tokens[last])) {
    collation = tokens[last]!.value;
    last -= 2;
  }
  if (last < from) return undefined;
  const first = tokens[from]!;
  const element: IndexElement = last === from && isName(first) && first.kind !== "string" ? { column: first.value } : { expression: sql.slice(first.start, tokens[last]!.end) };
  if (collation !== undefined) element.collation = collation;
  if (descending) element.descending = true;
  return element;
}

/**
 * An expression element as SQLite would store it: `a COLLATE nocase` written as an expression is
 * the column `a` with collation `nocase` (the text's own order and collation become the element's).
 */
export function splitIndexExpression(element: IndexElement): IndexElement {
  if (!("expression" in element)) return element;
  const tokens = tokenize(element.expression);
  const parsed = tokens.length > 0 ? elementOf(element.expression, tokens, 0, tokens.length) : undefined;
  if (!parsed) return element;
  const { expression: _text, descending, collation, ...rest } = element;
  const out: IndexElement = { ...parsed, ...rest };
  if (descending) out.descending = true;
  if (collation !== undefined) out.collation = collation;
  return out;
}

/** The parts of CREATE INDEX that the pragmas do not report. */
export interface ParsedIndex {
  elements: IndexElement[];
  where: string | null;
}

/** Parses `CREATE [UNIQUE] INDEX name ON table (elements) [WHERE expr]`. */
export function parseCreateIndex(sql: string): ParsedIndex {
  const tokens = tokenize(sql);
  const on = tokens.findIndex((t) => isKeyword(t, "ON"));
  const open = tokens.findIndex((t, i) => i > on && isPunct(t, "("));
  if (on < 0 || open < 0) return { elements: [], where: null };
  const close = closingParen(tokens, open);
  const elements: IndexElement[] = [];
  for (const [from, to] of splitTopLevel(tokens, open + 1, close)) {
    const element = elementOf(sql, tokens, from, to);
    if (element) elements.push(element);
  }
  let where: string | null = null;
  const after = tokens.slice(close + 1);
  if (isKeyword(after[0], "WHERE") && after.length > 1) {
    const end = isPunct(after[after.length - 1], ";") ? after.length - 2 : after.length - 1;
    where = sql.slice(after[1].start, after[end].end);
  }
  return { elements, where };
}
