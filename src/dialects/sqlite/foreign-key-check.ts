/**
 * The check run before a revision commits. Migrations run with foreign keys off (so a rebuild's
 * DROP TABLE cannot cascade), which also means nothing stops a revision from leaving rows that
 * point at missing parents; `PRAGMA foreign_key_check` finds them so the revision rolls back.
 */
import { SqlError } from "../../errors.js";
import type { Connection } from "../dialect.js";

interface ViolationRow {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/** How many violations the message lists before summarising. */
const SHOWN = 10;

/** Throws an SqlError listing the rows that violate a foreign key, if there are any. */
export async function verifyRevision(conn: Connection): Promise<void> {
  const sql = "PRAGMA foreign_key_check";
  const rows = await conn.query<ViolationRow>(sql);
  if (rows.length === 0) return;
  const lines = rows.slice(0, SHOWN).map((r) => `"${r.table}" ${r.rowid === null ? "(a row)" : `rowid ${r.rowid}`} -> missing row in "${r.parent}"`);
  const more = rows.length > SHOWN ? `; and ${rows.length - SHOWN} more` : "";
  throw new SqlError(`Foreign key check failed: ${rows.length} row(s) reference missing parent rows: ${lines.join("; ")}${more}.`, sql, {
    hint: "The revision removed or rebuilt parent rows that other rows still reference; delete or fix those rows in the revision, or keep the parent rows.",
  });
}
