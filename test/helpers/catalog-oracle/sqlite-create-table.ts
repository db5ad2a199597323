/**
 * The SQLite oracle's reading of a CREATE TABLE statement: its tokens (sqliteTokens) with the
 * constraints put in one canonical order, and nothing else changed. Each rule is a fact of
 * SQLite's parser (parse.y, build.c), where a constraint only sets a field or appends to its own
 * list, so where it is written does not reach the table SQLite builds:
 *
 * - within one column definition, constraints are ordered by kind (PRIMARY KEY / UNIQUE, NOT
 *   NULL, CHECK, DEFAULT, COLLATE, REFERENCES, GENERATED), keeping the written order among
 *   constraints of one kind; a `CONSTRAINT name` stays with the constraint it names;
 * - the bare `NULL` column constraint is dropped: the grammar accepts it and does nothing
 *   (`ccons ::= NULL onconf.` has no action; pragma table_xinfo reads notnull 0 either way);
 * - table constraints are ordered by kind (PRIMARY KEY and UNIQUE together, then CHECK, then
 *   FOREIGN KEY), keeping the written order within a kind. PRIMARY KEY and UNIQUE stay in one
 *   group because their order numbers the automatic indexes (sqlite_autoindex_<table>_<n>),
 *   which the index pragmas compare by name.
 *
 * Not folded, because SQLite does not treat them alike: a column-level PRIMARY KEY against a
 * table-level one (`INTEGER PRIMARY KEY DESC` is no rowid alias, `PRIMARY KEY (x DESC)` is, and
 * AUTOINCREMENT exists only in the column form), a column REFERENCES against a table FOREIGN
 * KEY, a column CHECK against a table CHECK (their place in the check list), explicit
 * `ON DELETE NO ACTION` against none, `DEFAULT NULL` against no default. Anything this reader does
 * not recognise leaves the statement's tokens exactly as written.
 */

type Group = string[];

const COLUMN_RANK: Record<string, number> = { primary: 0, unique: 0, not: 1, check: 2, default: 3, collate: 4, references: 5, generated: 6, as: 6 };
const TABLE_RANK: Record<string, number> = { primary: 0, unique: 0, check: 1, foreign: 2 };

/** The index after the parenthesised group opening at `i` (tokens[i] === "("), or -1. */
function afterGroup(tokens: string[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (tokens[j] === "(") depth++;
    else if (tokens[j] === ")" && --depth === 0) return j + 1;
  }
  return -1;
}

/** Splits tokens[from, to) at top-level commas. */
function splitTopLevel(tokens: string[], from: number, to: number): Group[] {
  const items: Group[] = [];
  let depth = 0;
  let current: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t === "(") depth++;
    if (t === ")") depth--;
    if (t === "," && depth === 0) {
      items.push(current);
      current = [];
    } else current.push(t);
  }
  items.push(current);
  return items;
}

const ACTIONS = [["set", "null"], ["set", "default"], ["cascade"], ["restrict"], ["no", "action"]];

/** The end of one column constraint starting at `i` (after any CONSTRAINT name), or -1 when not understood. */
function constraintEnd(t: string[], i: number): number {
  const at = (k: number, ...words: string[]) => words.every((w, n) => t[k + n] === w);
  const conflict = (k: number) => (at(k, "on", "conflict") ? k + 3 : k);
  if (at(i, "primary", "key")) {
    let k = i + 2;
    if (t[k] === "asc" || t[k] === "desc") k++;
    k = conflict(k);
    return t[k] === "autoincrement" ? k + 1 : k;
  }
  if (at(i, "not", "null")) return conflict(i + 2);
  if (t[i] === "null" || t[i] === "unique") return conflict(i + 1);
  if (t[i] === "check") return t[i + 1] === "(" ? afterGroup(t, i + 1) : -1;
  if (t[i] === "default") {
    const k = i + 1;
    if (t[k] === "(") return afterGroup(t, k);
    if (t[k] === "-" || t[k] === "+") return k + 2;
    return k < t.length ? k + 1 : -1;
  }
  if (t[i] === "collate") return i + 2;
  if (t[i] === "references") {
    let k = i + 2;
    if (t[k] === "(") k = afterGroup(t, k);
    for (;;) {
      if (k < 0) return -1;
      if (at(k, "on", "delete") || at(k, "on", "update")) {
        const action = ACTIONS.find((a) => at(k + 2, ...a));
        if (!action) return -1;
        k += 2 + action.length;
      } else if (t[k] === "match") k += 2;
      else if (at(k, "not", "deferrable") || t[k] === "deferrable") {
        k += t[k] === "not" ? 2 : 1;
        if (at(k, "initially", "deferred") || at(k, "initially", "immediate")) k += 2;
      } else return k;
    }
  }
  if (at(i, "generated", "always", "as") || t[i] === "as") {
    const k = afterGroup(t, t[i] === "as" ? i + 1 : i + 3);
    return k >= 0 && (t[k] === "stored" || t[k] === "virtual") ? k + 1 : k;
  }
  return -1;
}

/** One column definition with its constraints in canonical order, or null when not understood. */
function canonicalColumn(item: string[]): string[] | null {
  const starts = new Set(Object.keys(COLUMN_RANK).concat(["constraint", "null"]));
  let i = 1;
  while (i < item.length && !starts.has(item[i]!)) i = item[i] === "(" ? afterGroup(item, i) : i + 1;
  if (i < 0) return null;
  const head = item.slice(0, i);
  const units: { rank: number; tokens: string[] }[] = [];
  while (i < item.length) {
    const from = i;
    if (item[i] === "constraint") i += 2;
    const end = constraintEnd(item, i);
    if (end < 0 || end > item.length) return null;
    if (item[i] !== "null") units.push({ rank: COLUMN_RANK[item[i]!]!, tokens: item.slice(from, end) });
    i = end;
  }
  const sorted = units.map((u, n) => ({ ...u, n })).sort((a, b) => a.rank - b.rank || a.n - b.n);
  return [...head, ...sorted.flatMap((u) => u.tokens)];
}

/** The tokens of a CREATE TABLE statement with constraints in canonical order (see the module comment). */
export function canonicalCreateTable(tokens: string[]): string[] {
  const open = tokens.indexOf("(");
  if (tokens[0] !== "create" || !tokens.slice(0, open).includes("table") || open < 0) return tokens;
  const close = afterGroup(tokens, open) - 1;
  if (close < 0) return tokens;
  const columns: string[][] = [];
  const constraints: { rank: number; tokens: string[] }[] = [];
  for (const item of splitTopLevel(tokens, open + 1, close)) {
    const first = item[0] === "constraint" ? item[2] : item[0];
    const rank = first === undefined ? undefined : TABLE_RANK[first];
    if (rank !== undefined && (item[0] === "constraint" || first !== "unique" || item[1] === "(")) {
      constraints.push({ rank, tokens: item });
      continue;
    }
    if (constraints.length > 0) return tokens;
    const column = canonicalColumn(item);
    if (!column) return tokens;
    columns.push(column);
  }
  const sorted = constraints.map((c, n) => ({ ...c, n })).sort((a, b) => a.rank - b.rank || a.n - b.n);
  const items = [...columns, ...sorted.map((c) => c.tokens)];
  return [...tokens.slice(0, open + 1), ...items.flatMap((item, n) => (n === 0 ? item : [",", ...item])), ...tokens.slice(close)];
}
