/**
 * Columns typed with a PostgreSQL domain. The model has no domains, so reflection reports such a
 * column as what the domain enforces on it: the domain's base type, NOT NULL when the domain is
 * NOT NULL, the domain's default when the column has none, and each domain CHECK as a CHECK of
 * the table with VALUE replaced by the column. A table built from that (e.g. by autogenerate
 * against an empty database) enforces the same rules and reflects back equal; the domain itself
 * is, like functions and triggers, outside what athanor manages.
 *
 * The checks are named as PostgreSQL names a column CHECK: `<table>_<column>_check`, then `…1`,
 * `…2` when taken, clipped to 63 bytes as PostgreSQL clips an explicit name.
 */
import type { CheckSchema, TableSchema } from "../../catalog/types.js";

/** PostgreSQL's identifier limit in bytes (NAMEDATALEN - 1). */
const MAX_IDENTIFIER_BYTES = 63;

/** What the column query reports about a column's domain (all null/false for other columns). */
export interface DomainColumnRow {
  name: string;
  /** The column name as pg_get_expr prints it (quote_ident). */
  quoted_name: string;
  is_domain: boolean;
  /** CHECK expressions of the domain, deparsed, in constraint-name order; VALUE is the column. */
  domain_checks: string[] | null;
}

/** Cuts `name` to PostgreSQL's 63-byte limit without splitting a character, as the server does. */
export function clipIdentifier(name: string): string {
  if (Buffer.byteLength(name, "utf8") <= MAX_IDENTIFIER_BYTES) return name;
  let out = "";
  for (const ch of name) {
    if (Buffer.byteLength(out + ch, "utf8") > MAX_IDENTIFIER_BYTES) break;
    out += ch;
  }
  return out;
}

/** Index just past the quoted run opening at `start`; a doubled quote continues it. */
function skipQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === "\\") i += 2;
    else if (ch === quote && text[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return text.length;
}

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

/**
 * `expression` with every bare VALUE keyword (as pg_get_expr prints a domain's value) replaced by
 * `quotedColumn`; string literals and quoted identifiers are left alone.
 */
export function replaceDomainValue(expression: string, quotedColumn: string): string {
  let out = "";
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i]!;
    if (ch === "'" || ch === '"') {
      const escaped = ch === "'" && i > 0 && /[eE]/.test(expression[i - 1]!) && !IDENT_CHAR.test(expression[i - 2] ?? " ");
      const end = skipQuoted(expression, i, ch, escaped);
      out += expression.slice(i, end);
      i = end;
    } else if (IDENT_CHAR.test(ch)) {
      let end = i + 1;
      while (end < expression.length && IDENT_CHAR.test(expression[end]!)) end++;
      const word = expression.slice(i, end);
      out += word === "VALUE" ? quotedColumn : word;
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * The CHECKs the domains of `rows` put on `table` (which already holds its own checks), named
 * so that they do not collide with the table's constraint names.
 */
export function domainChecks(table: TableSchema, rows: DomainColumnRow[]): CheckSchema[] {
  const taken = new Set<string>([table.primaryKey?.name, ...table.uniques.map((u) => u.name), ...table.foreignKeys.map((f) => f.name), ...table.checks.map((c) => c.name)].filter((n): n is string => !!n));
  const out: CheckSchema[] = [];
  for (const row of rows) {
    if (!row.is_domain) continue;
    for (const expression of row.domain_checks ?? []) {
      const base = `${table.name}_${row.name}_check`;
      let name = clipIdentifier(base);
      for (let n = 1; taken.has(name); n++) name = clipIdentifier(`${base}${n}`);
      taken.add(name);
      out.push({ name, expression: replaceDomainValue(expression, row.quoted_name) });
    }
  }
  return out;
}
