/**
 * The check run before a revision commits. Migrations run with foreign keys off (so a rebuild's
 * DROP TABLE cannot cascade), which also means nothing stops a revision from leaving rows that
 * point at missing parents; `PRAGMA foreign_key_check` finds them so the revision rolls back.
 *
 * The check reads every row of each table it checks, so it checks only what the revision
 * touched (its scope): those tables and the tables whose foreign keys reference them, in one
 * query through the pragma's table-valued form. A revision that only creates tables checks
 * nothing; raw SQL, which may have changed anything, checks the whole database.
 */
import { SqlError } from "../../errors.js";
import type { Connection, ForeignKeyScope } from "../dialect.js";

interface ViolationRow {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/** How many violations the message lists before summarising. */
const SHOWN = 10;

/**
 * The touched tables and every table with a foreign key to one of them, each through
 * pragma_foreign_key_check. Names are bound, and compared without case as SQLite does.
 */
function scopedCheck(tables: readonly string[]): { sql: string; params: string[] } {
  const names = tables.map(() => "lower(?)").join(", ");
  const sql =
    "SELECT c.* FROM (SELECT m.name AS name FROM sqlite_schema m WHERE m.type = 'table' AND " +
    `(lower(m.name) IN (${names}) OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE lower(f."table") IN (${names})))) t, ` +
    "pragma_foreign_key_check(t.name) c";
  return { sql, params: [...tables, ...tables] };
}

/** Throws an SqlError listing the rows that violate a foreign key in `scope`, if there are any. */
export async function verifyRevision(conn: Connection, scope: ForeignKeyScope = "any"): Promise<void> {
  if (scope !== "any" && scope.length === 0) return;
  const { sql, params } = scope === "any" ? { sql: "PRAGMA foreign_key_check", params: [] } : scopedCheck(scope.map((ref) => ref.name));
  const rows = await conn.query<ViolationRow>(sql, params);
  if (rows.length === 0) return;
  const lines = rows.slice(0, SHOWN).map((r) => `"${r.table}" ${r.rowid === null ? "(a row)" : `rowid ${r.rowid}`} -> missing row in "${r.parent}"`);
  const more = rows.length > SHOWN ? `; and ${rows.length - SHOWN} more` : "";
  throw new SqlError(`Foreign key check failed: ${rows.length} row(s) reference missing parent rows: ${lines.join("; ")}${more}.`, sql, {
    hint: "The revision removed or rebuilt parent rows that other rows still reference; delete or fix those rows in the revision, or keep the parent rows.",
  });
}
