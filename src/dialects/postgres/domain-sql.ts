/**
 * PostgreSQL domains: the definition text (what follows the name in CREATE DOMAIN, as reflection
 * assembles it: `AS <type> [COLLATE c] [DEFAULT e] [NOT NULL] [CONSTRAINT n CHECK (…)]…`) split
 * into its clauses, and the ALTER DOMAIN statements that turn one definition into another. A
 * domain keeps its name while columns use it, so a changed default, NOT NULL or CHECK is altered
 * in place; only a changed base type or collation (which ALTER DOMAIN cannot change) drops and
 * creates it again, which PostgreSQL refuses while a column uses the domain.
 */
import type { Statement } from "../dialect.js";

/** The clauses of a domain definition. */
export interface DomainParts {
  /** The base type with its COLLATE clause, as written: ALTER DOMAIN cannot change either. */
  type: string;
  default: string | null;
  notNull: boolean;
  /** CHECK constraints: name (null when unnamed) and the constraint text (`CHECK (…)`). */
  checks: { name: string | null; text: string }[];
}

const KEYWORDS = ["CONSTRAINT", "DEFAULT", "NOT NULL", "NULL", "CHECK", "COLLATE"] as const;

/** Splits `text` at top-level clause keywords (outside quotes and parentheses); each body keeps its keyword. */
function clauses(text: string): string[] {
  const body = text.trim();
  const cuts: number[] = [];
  let depth = 0;
  let afterConstraintName = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "'" || ch === '"') {
      const end = body.indexOf(ch, i + 1);
      i = end < 0 ? body.length : end;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    if (depth !== 0 || (i > 0 && !/\s/.test(body[i - 1]!))) continue;
    const word = KEYWORDS.map((k) => new RegExp(`^${k.replace(" ", "\\s+")}(?![A-Za-z0-9_$])`, "i").exec(body.slice(i))).find((m) => m !== null);
    if (!word) continue;
    const keyword = word[0].replace(/\s+/g, " ").toUpperCase();
    // The CHECK of "CONSTRAINT name CHECK (…)" belongs to that constraint.
    if (!(keyword === "CHECK" && afterConstraintName)) cuts.push(i);
    afterConstraintName = keyword === "CONSTRAINT";
    i += word[0].length - 1;
    if (keyword === "CONSTRAINT") {
      const name = /^\s+("(?:[^"]|"")*"|\S+)/.exec(body.slice(i + 1));
      if (name) i += name[0].length;
    }
  }
  return [0, ...cuts].map((from, k) => body.slice(from, cuts[k] ?? body.length).trim()).filter((c) => c !== "");
}

/** The clauses of `definition`. */
export function domainParts(definition: string): DomainParts {
  const parts: DomainParts = { type: "", default: null, notNull: false, checks: [] };
  for (const clause of clauses(definition)) {
    const upper = clause.toUpperCase();
    if (/^AS\s/.test(upper)) parts.type = clause.slice(2).trim();
    else if (upper.startsWith("COLLATE")) parts.type += ` ${clause}`;
    else if (upper.startsWith("DEFAULT")) parts.default = clause.slice(7).trim();
    else if (/^NOT\s+NULL$/.test(upper)) parts.notNull = true;
    else if (upper === "NULL") parts.notNull = false;
    else if (upper.startsWith("CONSTRAINT")) {
      const m = /^CONSTRAINT\s+("(?:[^"]|"")*"|\S+)\s+([\s\S]*)$/i.exec(clause);
      if (m && /^NOT\s+NULL$/i.test(m[2]!.trim())) parts.notNull = true;
      else if (m) parts.checks.push({ name: m[1]!, text: m[2]!.trim() });
    } else if (upper.startsWith("CHECK")) parts.checks.push({ name: null, text: clause });
  }
  return parts;
}

/**
 * ALTER DOMAIN statements turning `existing` into `target` for the domain `name` (quoted,
 * qualified), or null when the base type or collation differs (ALTER DOMAIN cannot change it).
 */
export function alterDomainStatements(name: string, target: string, existing: string): Statement[] | null {
  const to = domainParts(target);
  const from = domainParts(existing);
  const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
  if (squash(to.type) !== squash(from.type)) return null;
  const out: Statement[] = [];
  const alter = (clause: string): void => void out.push({ sql: `ALTER DOMAIN ${name} ${clause}` });
  const key = (c: DomainParts["checks"][number]): string => `${c.name ?? ""}\u0000${squash(c.text)}`;
  const keep = new Set(to.checks.map(key));
  for (const check of from.checks) if (!keep.has(key(check)) && check.name) alter(`DROP CONSTRAINT ${check.name}`);
  if ((to.default === null) !== (from.default === null) || (to.default !== null && squash(to.default) !== squash(from.default ?? ""))) {
    alter(to.default === null ? "DROP DEFAULT" : `SET DEFAULT ${to.default}`);
  }
  if (to.notNull !== from.notNull) alter(to.notNull ? "SET NOT NULL" : "DROP NOT NULL");
  const had = new Set(from.checks.map(key));
  for (const check of to.checks) if (!had.has(key(check))) alter(`ADD ${check.name ? `CONSTRAINT ${check.name} ` : ""}${check.text}`);
  return out;
}

/** `CREATE DOMAIN name definition`. */
export function createDomainSql(name: string, definition: string): string {
  return `CREATE DOMAIN ${name} ${definition}`;
}
