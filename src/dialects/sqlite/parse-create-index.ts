/**
 * Reads index elements and the partial-index predicate out of a stored CREATE INDEX statement.
 * An element that is just a column name becomes a column; anything else (a function call, a
 * COLLATE clause, arithmetic) is kept as the expression text exactly as written, so an index
 * compiled by athanor reflects back unchanged.
 */
import type { IndexElement } from "../../catalog/types.js";
import { closingParen, isKeyword, isName, isPunct, splitTopLevel, tokenize } from "./sql-tokens.js";

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
    let last = to - 1;
    let descending = false;
    if (isKeyword(tokens[last], "DESC") || isKeyword(tokens[last], "ASC")) {
      descending = isKeyword(tokens[last], "DESC");
      last--;
    }
    if (last < from) continue;
    const element: IndexElement =
      last === from && isName(tokens[from]) && tokens[from].kind !== "string"
        ? { column: tokens[from].value }
        : { expression: sql.slice(tokens[from].start, tokens[last].end) };
    if (descending) element.descending = true;
    elements.push(element);
  }
  let where: string | null = null;
  const after = tokens.slice(close + 1);
  if (isKeyword(after[0], "WHERE") && after.length > 1) {
    const end = isPunct(after[after.length - 1], ";") ? after.length - 2 : after.length - 1;
    where = sql.slice(after[1].start, after[end].end);
  }
  return { elements, where };
}
