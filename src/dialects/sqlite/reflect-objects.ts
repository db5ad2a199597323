/**
 * Reflection of SQLite views and triggers in one query of sqlite_schema, whose `sql` column
 * holds each statement exactly as it was written. A view's definition is its query (the text
 * after AS); a trigger's is the whole CREATE TRIGGER statement. SQLite records no dependencies
 * of views; a trigger depends on its table.
 */
import { tableObjectKey, type DatabaseObject } from "../../catalog/objects/types.js";
import type { Connection, ReflectOptions } from "../dialect.js";

const OBJECTS_SQL = `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY type, name`;

const NAME = String.raw`(?:"(?:[^"]|"")*"|\x60(?:[^\x60]|\x60\x60)*\x60|\[[^\]]*\]|[^\s(."\x60\[]+)`;
const VIEW_HEAD = new RegExp(String.raw`^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${NAME}\s*\.\s*)?${NAME}\s*AS\s+`, "i");

interface ObjectRow {
  type: "view" | "trigger";
  name: string;
  tbl_name: string;
  sql: string;
}

/** The query of a CREATE VIEW statement (the whole statement when it has a column list, which is kept out of scope). */
export function viewQuery(statement: string): string {
  const head = VIEW_HEAD.exec(statement);
  return (head ? statement.slice(head[0].length) : statement).trim().replace(/;$/, "").trim();
}

/** The views and triggers, sorted by kind and name; triggers of excluded tables are left out. */
export async function reflectObjects(conn: Connection, options: ReflectOptions = {}): Promise<DatabaseObject[]> {
  const rows = await conn.query<ObjectRow>(OBJECTS_SQL);
  const excluded = new Set(options.excludeTables ?? []);
  return rows
    .filter((row) => !(row.type === "trigger" && excluded.has(row.tbl_name)))
    .map((row): DatabaseObject =>
      row.type === "view"
        ? { kind: "view", schema: null, name: row.name, definition: viewQuery(row.sql) }
        : { kind: "trigger", schema: null, name: row.name, definition: row.sql.trim(), table: row.tbl_name, dependsOn: [tableObjectKey(null, row.tbl_name)] },
    );
}
