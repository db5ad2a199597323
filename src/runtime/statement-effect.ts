/**
 * Whether the effect of a schema statement is in the database — asked before a resumed revision
 * re-runs the statement that was in flight when the process stopped, which may or may not have
 * taken effect. Knowable for the single-change DDL forms athanor writes (a schema, table, column,
 * index or constraint that exists or not), read through the dialect's own reflection; anything else
 * (data statements, multi-clause ALTERs) is "unknown", and resume refuses rather than guess.
 * Reads (SELECT, DO SLEEP) count as "absent": they leave nothing, so running them again is safe;
 * so do PostgreSQL's storage-parameter and persistence statements (ALTER TABLE|INDEX … SET (…) /
 * RESET (…), SET LOGGED / UNLOGGED), which set a state rather than add to it.
 */
import type { Connection, Dialect } from "../dialects/dialect.js";
import type { TableRef, TableSchema } from "../catalog/types.js";

/** What the probe found: the statement's effect is there, is not, or cannot be told. */
export type StatementEffect = "present" | "absent" | "unknown";

const IDENT = String.raw`(?:\x60(?:[^\x60]|\x60\x60)+\x60|"(?:[^"]|"")+"|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const QUALIFIED = `(${IDENT}(?:\\s*\\.\\s*${IDENT})?)`;
const NAME = `(${IDENT})`;

function unquote(ident: string): string {
  const t = ident.trim();
  if (t.startsWith("`")) return t.slice(1, -1).replace(/``/g, "`");
  if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  if (t.startsWith("[")) return t.slice(1, -1);
  return t;
}

function tableRef(qualified: string): TableRef {
  const parts = qualified.match(new RegExp(IDENT, "g")) ?? [qualified];
  return parts.length > 1 ? { schema: unquote(parts[0] as string), name: unquote(parts[1] as string) } : { schema: null, name: unquote(parts[0] as string) };
}

/** True when `sql` has a comma outside parentheses and quotes (several clauses). */
function severalClauses(sql: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) return true;
  }
  return false;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const hasColumn = (t: TableSchema, c: string) => t.columns.some((col) => same(col.name, c));
const hasIndex = (t: TableSchema, i: string) => t.indexes.some((idx) => idx.name !== undefined && idx.name !== null && same(idx.name, i));
const hasConstraint = (t: TableSchema, n: string) =>
  [t.primaryKey ?? undefined, ...t.foreignKeys, ...t.uniques, ...t.checks, ...(t.exclusions ?? [])].some((c) => c !== undefined && c.name !== undefined && c.name !== null && same(c.name, n)) || hasIndex(t, n);

/** Probes the effect of one statement; "unknown" for every form it does not understand. */
export async function statementEffect(conn: Connection, dialect: Dialect, sql: string): Promise<StatementEffect> {
  const text = sql.trim().replace(/;\s*$/, "");
  const table = async (ref: string) => dialect.reflectTable(conn, tableRef(ref));
  const yes = (present: boolean): StatementEffect => (present ? "present" : "absent");
  // Reads and session settings leave nothing in the schema or the data: running them again is harmless.
  if (/^(SELECT|DO|SHOW|EXPLAIN|SET)\b/i.test(text) && !/\bINTO\b/i.test(text)) return "absent";
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${QUALIFIED}`, "i").exec(text))) return yes((await table(m[1] as string)) !== undefined);
  if ((m = new RegExp(`^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?${QUALIFIED}\\s*(?:CASCADE|RESTRICT)?$`, "i").exec(text))) return yes((await table(m[1] as string)) === undefined);
  if ((m = new RegExp(`^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?${NAME}\\s+ON\\s+(?:ONLY\\s+)?${QUALIFIED}`, "i").exec(text))) {
    const t = await table(m[2] as string);
    return t === undefined ? "unknown" : yes(hasIndex(t, unquote(m[1] as string)));
  }
  if ((m = new RegExp(`^DROP\\s+INDEX\\s+${NAME}\\s+ON\\s+${QUALIFIED}$`, "i").exec(text))) {
    const t = await table(m[2] as string);
    return t === undefined ? "unknown" : yes(!hasIndex(t, unquote(m[1] as string)));
  }
  if ((m = new RegExp(`^(CREATE|DROP)\\s+SCHEMA\\s+${NAME}$`, "i").exec(text))) {
    // The schemas reflection lists (no table read); a dialect without schemas cannot tell.
    const schemas = (await dialect.reflect(conn, { includeTables: [] })).schemas;
    if (!schemas) return "unknown";
    const present = schemas.some((s) => s.name === unquote(m![2] as string));
    return yes((m[1] as string).toUpperCase() === "CREATE" ? present : !present);
  }
  // Storage parameters and persistence are set, not added (PostgreSQL): running it again leaves the same, whether or not it ran.
  const storage = String.raw`(?:SET|RESET)\s*\([^()]*\)`;
  if (new RegExp(`^ALTER\\s+(?:TABLE|INDEX)\\s+${QUALIFIED}\\s+(?:SET\\s+(?:UN)?LOGGED|${storage}(?:\\s*,\\s*${storage})*)$`, "i").test(text)) return "absent";
  if (severalClauses(text)) return "unknown";
  // A validation has happened when the constraint is no longer NOT VALID (and running it again is harmless).
  if ((m = new RegExp(`^ALTER\\s+TABLE\\s+(?:ONLY\\s+)?${QUALIFIED}\\s+VALIDATE\\s+CONSTRAINT\\s+${NAME}$`, "i").exec(text))) {
    const t = await table(m[1] as string);
    const name = unquote(m[2] as string);
    const found = t && [...t.foreignKeys, ...t.checks].find((c) => !!c.name && same(c.name, name));
    return found ? yes(!found.notValid) : "unknown";
  }
  if ((m = new RegExp(`^ALTER\\s+TABLE\\s+(?:ONLY\\s+)?${QUALIFIED}\\s+(ADD|DROP)\\s+(.*)$`, "is").exec(text))) {
    const t = await table(m[1] as string);
    if (t === undefined) return "unknown";
    const adding = (m[2] as string).toUpperCase() === "ADD";
    const rest = m[3] as string;
    let n: RegExpExecArray | null;
    if ((n = new RegExp(`^(?:CONSTRAINT|INDEX|KEY|FOREIGN\\s+KEY|CHECK)\\s+(?:IF\\s+EXISTS\\s+)?${NAME}`, "i").exec(rest))) {
      const present = hasConstraint(t, unquote(n[1] as string));
      return yes(adding ? present : !present);
    }
    if (/^(PRIMARY|UNIQUE|FOREIGN|CHECK|PARTITION)\b/i.test(rest)) return "unknown";
    if ((n = new RegExp(`^(?:COLUMN\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?${NAME}`, "i").exec(rest))) {
      const present = hasColumn(t, unquote(n[1] as string));
      return yes(adding ? present : !present);
    }
  }
  return "unknown";
}
