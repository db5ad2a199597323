/**
 * SQLite's identifier rules for the one table-state engine (operations/table-state.ts): names
 * compare case-insensitively for ASCII letters, and a renamed column is renamed inside checks,
 * index expressions and computed columns by token, as SQLite's own RENAME COLUMN does. The
 * runtime tracks SQLite tables with these rules, and a rebuild applies its operations with them.
 */
import type { IdentifierRules, TableEdit } from "../../operations/table-state.js";
import { sameName } from "./names.js";
import { quoteIdentifier } from "./quote.js";
import { isPunct, tokenize } from "./sql-tokens.js";

/**
 * Renames `from` to `to` wherever the identifier appears as a column reference in `text`
 * (not in strings, not after a dot, not as a function name).
 */
export function renameIdentifier(text: string, from: string, to: string): string {
  const tokens = tokenize(text);
  let out = "";
  let last = 0;
  tokens.forEach((t, i) => {
    if ((t.kind !== "word" && t.kind !== "ident") || !sameName(t.value, from)) return;
    if (isPunct(tokens[i - 1], ".") || isPunct(tokens[i + 1], "(")) return;
    out += text.slice(last, t.start) + quoteIdentifier(to);
    last = t.end;
  });
  return out + text.slice(last);
}

/** How SQLite compares names and renames a column inside SQL text. */
export const sqliteIdentifierRules: IdentifierRules = { sameName, renameColumn: renameIdentifier };

/** The SQL that reads a column's values from the table before the edit, or null for a new column. */
export function columnSource(edit: TableEdit, column: string): string | null {
  const origin = edit.origins.get(column) ?? null;
  if (origin === null) return null;
  return "column" in origin ? quoteIdentifier(origin.column) : origin.expression;
}
