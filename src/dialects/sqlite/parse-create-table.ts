/**
 * Reads what the pragmas do not report out of a stored CREATE TABLE statement: constraint names,
 * CHECK texts, DEFAULT clauses as written, generated-column expressions, collations,
 * AUTOINCREMENT, a column's PRIMARY KEY DESC, FOREIGN KEY deferrability, table options (WITHOUT
 * ROWID, STRICT) and the ON CONFLICT clauses of keys and NOT NULL (which the model cannot hold:
 * reflection reports them).
 * Unknown syntax is skipped rather than rejected: the pragmas stay the authority on columns,
 * keys and indexes, and this parse only adds detail to them.
 */
import type { ReferentialAction } from "../../catalog/types.js";
import { sameName } from "./names.js";
import { closingParen, isKeyword, isName, isPunct, splitTopLevel, tokenize, type Token } from "./sql-tokens.js";

/** One column's details from the CREATE TABLE text. */
export interface ParsedColumn {
  name: string;
  /** The DEFAULT clause's text as written, parentheses included. */
  defaultText: string | null;
  collation: string | null;
  generated: { expression: string; stored: boolean } | null;
  autoincrement: boolean;
  /** A column-level `CHECK ("col" IN ('a', …))`, which is how enums are stored; also listed in `checks`. */
  enumCheck: ParsedCheck | null;
}

/** A CHECK constraint; `values` is set when it has the shape of an enum over its own column. */
export interface ParsedCheck {
  name: string | null;
  expression: string;
  values?: string[];
  /** The column whose definition it is written in; absent: a table constraint. */
  column?: string;
}

/** A FOREIGN KEY clause (column-level REFERENCES or table-level FOREIGN KEY). */
export interface ParsedForeignKey {
  name: string | null;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
  deferrable: boolean;
  initiallyDeferred: boolean;
  /** ON UPDATE came before ON DELETE. */
  updateFirst: boolean;
  /** Written in the column definition (`col … REFERENCES t (c)`). */
  inline: boolean;
}

/** Everything the parse found, in declaration order. */
export interface ParsedTable {
  columns: ParsedColumn[];
  /** `inline`: written in the column definition (`col … PRIMARY KEY`, `col … UNIQUE`). */
  primaryKey: { name: string | null; columns: string[]; inline: boolean; descending?: boolean } | null;
  uniques: Array<{ name: string | null; columns: string[]; inline: boolean }>;
  /** Table-level and column-level checks, in the order they are written. */
  checks: ParsedCheck[];
  foreignKeys: ParsedForeignKey[];
  /** The text after the closing parenthesis: "WITHOUT ROWID", "STRICT", or "". */
  options: string;
  /** Each ON CONFLICT clause with what it is on: `UNIQUE ("a", "b") ON CONFLICT REPLACE`, `"col" NOT NULL ON CONFLICT IGNORE`. */
  conflictClauses: string[];
}

const COLUMN_CONSTRAINT_START = new Set(["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"]);

/** A cursor over one item (column definition or table constraint). */
class Cursor {
  constructor(
    readonly src: string,
    readonly tokens: Token[],
    public pos: number,
    readonly end: number,
  ) {}

  peek(offset = 0): Token | undefined {
    const i = this.pos + offset;
    return i < this.end ? this.tokens[i] : undefined;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  keyword(...words: string[]): boolean {
    if (!words.every((w, k) => isKeyword(this.peek(k), w))) return false;
    this.pos += words.length;
    return true;
  }

  name(): string | null {
    const t = this.peek();
    if (!isName(t)) return null;
    this.pos++;
    return t.value;
  }

  /** Consumes a parenthesised group and returns the text inside it. */
  group(): { text: string; first: number; last: number } | null {
    if (!isPunct(this.peek(), "(")) return null;
    const open = this.pos;
    const close = Math.min(closingParen(this.tokens, open), this.end - 1);
    this.pos = close + 1;
    const inner = this.tokens.slice(open + 1, close);
    const text = inner.length === 0 ? "" : this.src.slice(inner[0].start, inner[inner.length - 1].end);
    return { text, first: open + 1, last: close };
  }

  /** Consumes `(name [COLLATE x] [ASC|DESC], …)` and returns the names. */
  nameList(): string[] {
    const g = this.group();
    if (!g) return [];
    return splitTopLevel(this.tokens, g.first, g.last)
      .map(([from]) => this.tokens[from])
      .filter(isName)
      .map((t) => t.value);
  }

  /** Consumes `ON CONFLICT <resolution>`; returns the resolution, or null when there is none. */
  conflictClause(): string | null {
    if (!this.keyword("ON", "CONFLICT")) return null;
    const resolution = this.peek();
    this.pos++;
    return resolution?.text.toUpperCase() ?? null;
  }
}

function referentialAction(c: Cursor): ReferentialAction | null {
  if (c.keyword("SET", "NULL")) return "SET NULL";
  if (c.keyword("SET", "DEFAULT")) return "SET DEFAULT";
  if (c.keyword("CASCADE")) return "CASCADE";
  if (c.keyword("RESTRICT")) return "RESTRICT";
  if (c.keyword("NO", "ACTION")) return "NO ACTION";
  c.pos++;
  return null;
}

function foreignKeyClause(c: Cursor, name: string | null, columns: string[], inline: boolean): ParsedForeignKey {
  const fk: ParsedForeignKey = { name, columns, referencedTable: c.name() ?? "", referencedColumns: c.nameList(), onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false, updateFirst: false, inline };
  let seenDelete = false;
  while (!c.done()) {
    if (c.keyword("ON", "DELETE")) {
      fk.onDelete = referentialAction(c);
      seenDelete = true;
    } else if (c.keyword("ON", "UPDATE")) {
      fk.onUpdate = referentialAction(c);
      fk.updateFirst = !seenDelete;
    }
    else if (c.keyword("MATCH")) c.pos++;
    else if (c.keyword("NOT", "DEFERRABLE")) fk.deferrable = false;
    else if (c.keyword("DEFERRABLE")) fk.deferrable = true;
    else if (c.keyword("INITIALLY", "DEFERRED")) fk.initiallyDeferred = true;
    else if (c.keyword("INITIALLY", "IMMEDIATE")) fk.initiallyDeferred = false;
    else break;
  }
  return fk;
}

/** `"col" IN ('a', 'b')` over the column itself, or null. */
function enumValues(tokens: Token[], first: number, last: number, column: string): string[] | null {
  const t = tokens.slice(first, last);
  if (t.length < 4 || !isName(t[0]) || t[0].kind === "string" || !sameName(t[0].value, column)) return null;
  if (!isKeyword(t[1], "IN") || !isPunct(t[2], "(") || !isPunct(t[t.length - 1], ")")) return null;
  const values: string[] = [];
  for (let i = 3; i < t.length - 1; i++) {
    const expectValue = (i - 3) % 2 === 0;
    if (expectValue && t[i].kind === "string") values.push(t[i].value);
    else if (expectValue || !isPunct(t[i], ",")) return null;
  }
  return values;
}

function parseColumn(c: Cursor, out: ParsedTable): void {
  const column: ParsedColumn = { name: c.name() ?? "", defaultText: null, collation: null, generated: null, autoincrement: false, enumCheck: null };
  out.columns.push(column);
  while (!c.done()) {
    const t = c.peek();
    if (t?.kind === "word" && COLUMN_CONSTRAINT_START.has(t.text.toUpperCase())) break;
    if (isPunct(t, "(")) c.group();
    else c.pos++;
  }
  let constraintName: string | null = null;
  while (!c.done()) {
    if (c.keyword("CONSTRAINT")) {
      constraintName = c.name();
      continue;
    }
    if (c.keyword("PRIMARY", "KEY")) {
      // `INTEGER PRIMARY KEY DESC` is no rowid alias, so the DESC is kept.
      const descending = !c.keyword("ASC") && c.keyword("DESC");
      const conflict = c.conflictClause();
      if (conflict) out.conflictClauses.push(`${JSON.stringify(column.name)} PRIMARY KEY ON CONFLICT ${conflict}`);
      column.autoincrement = c.keyword("AUTOINCREMENT");
      out.primaryKey = { name: constraintName, columns: [column.name], inline: true, ...(descending ? { descending: true } : {}) };
    } else if (c.keyword("NOT", "NULL") || c.keyword("UNIQUE") || c.keyword("NULL")) {
      const prev = c.tokens[c.pos - 1];
      const what = isKeyword(prev, "UNIQUE") ? "UNIQUE" : isKeyword(c.tokens[c.pos - 2], "NOT") ? "NOT NULL" : "NULL";
      if (what === "UNIQUE") out.uniques.push({ name: constraintName, columns: [column.name], inline: true });
      const conflict = c.conflictClause();
      if (conflict) out.conflictClauses.push(`${JSON.stringify(column.name)} ${what} ON CONFLICT ${conflict}`);
    } else if (c.keyword("CHECK")) {
      const g = c.group();
      if (g) {
        const check: ParsedCheck = { name: constraintName, expression: g.text, column: column.name };
        // Only a named check can be an enum: athanor names an enum's check after the enum, and an
        // unnamed one read as an enum would come back with a name the database never had.
        const values = column.enumCheck === null && constraintName !== null ? enumValues(c.tokens, g.first, g.last, column.name) : null;
        if (values) {
          check.values = values;
          column.enumCheck = check;
        }
        out.checks.push(check);
      }
    } else if (c.keyword("DEFAULT")) {
      const start = c.peek();
      if (isPunct(start, "(")) c.group();
      else if (start?.kind === "op" && (start.text === "+" || start.text === "-")) c.pos += 2;
      else c.pos++;
      const last = c.tokens[Math.min(c.pos, c.end) - 1];
      if (start && last) column.defaultText = c.src.slice(start.start, last.end);
    } else if (c.keyword("COLLATE")) {
      column.collation = c.name();
    } else if (c.keyword("REFERENCES")) {
      out.foreignKeys.push(foreignKeyClause(c, constraintName, [column.name], true));
    } else if (c.keyword("GENERATED", "ALWAYS", "AS") || c.keyword("AS")) {
      const g = c.group();
      const stored = c.keyword("STORED");
      if (!stored) c.keyword("VIRTUAL");
      if (g) column.generated = { expression: g.text, stored };
    } else {
      c.pos++;
      continue;
    }
    constraintName = null;
  }
}

function parseTableConstraint(c: Cursor, out: ParsedTable): void {
  const name = c.keyword("CONSTRAINT") ? c.name() : null;
  const conflict = (what: string, columns: string[]) => {
    const resolution = c.conflictClause();
    if (resolution) out.conflictClauses.push(`${what} (${columns.map((n) => JSON.stringify(n)).join(", ")}) ON CONFLICT ${resolution}`);
  };
  if (c.keyword("PRIMARY", "KEY")) {
    out.primaryKey = { name, columns: c.nameList(), inline: false };
    conflict("PRIMARY KEY", out.primaryKey.columns);
  } else if (c.keyword("UNIQUE")) {
    const columns = c.nameList();
    out.uniques.push({ name, columns, inline: false });
    conflict("UNIQUE", columns);
  }
  else if (c.keyword("CHECK")) {
    const g = c.group();
    if (g) out.checks.push({ name, expression: g.text });
  } else if (c.keyword("FOREIGN", "KEY")) {
    const columns = c.nameList();
    if (c.keyword("REFERENCES")) out.foreignKeys.push(foreignKeyClause(c, name, columns, false));
  }
}

function isTableConstraint(t: Token | undefined): boolean {
  return ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].some((k) => isKeyword(t, k));
}

/** Parses a CREATE TABLE statement as stored in sqlite_schema.sql. */
export function parseCreateTable(sql: string): ParsedTable {
  const out: ParsedTable = { columns: [], primaryKey: null, uniques: [], checks: [], foreignKeys: [], options: "", conflictClauses: [] };
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => isPunct(t, "("));
  if (open < 0) return out;
  const close = closingParen(tokens, open);
  for (const [from, to] of splitTopLevel(tokens, open + 1, close)) {
    const c = new Cursor(sql, tokens, from, to);
    if (isTableConstraint(tokens[from])) parseTableConstraint(c, out);
    else parseColumn(c, out);
  }
  const rest = tokens.slice(close + 1);
  if (rest.length > 0) out.options = sql.slice(rest[0].start, rest[rest.length - 1].end);
  return out;
}
