/**
 * Reflection of SQLite views, triggers and virtual tables in one query of sqlite_schema, whose
 * `sql` column holds each statement exactly as it was written. A view's definition is its query
 * (the text after AS); a trigger's is the whole CREATE TRIGGER statement, and a virtual table's
 * the whole CREATE VIRTUAL TABLE statement (its module makes its shadow tables, `<name>_content`,
 * `_segments`, `_segdir`, `_docsize`, `_stat`, `_data`, `_idx`, `_config`, which table reflection
 * leaves out by pragma_table_list's type). SQLite records no dependencies of views; a trigger
 * depends on its table.
 */
import { tableObjectKey, type DatabaseObject } from "../../catalog/objects/types.js";
import type { Connection, ReflectOptions } from "../dialect.js";

// SQLite stores CREATE statements with the keywords up to the name normalised to upper case.
const OBJECTS_SQL = `SELECT type, name, tbl_name, sql FROM sqlite_schema
WHERE (type IN ('view', 'trigger') OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE %')) AND sql IS NOT NULL
ORDER BY type, name`;

const NAME = String.raw`(?:"(?:[^"]|"")*"|\x60(?:[^\x60]|\x60\x60)*\x60|\[[^\]]*\]|[^\s(."\x60\[]+)`;
const VIEW_HEAD = new RegExp(String.raw`^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${NAME}\s*\.\s*)?${NAME}\s*AS\s+`, "i");

interface ObjectRow {
  type: "view" | "trigger" | "table";
  name: string;
  tbl_name: string;
  sql: string;
}

/** The query of a CREATE VIEW statement (the whole statement when it has a column list, which is kept out of scope). */
export function viewQuery(statement: string): string {
  const head = VIEW_HEAD.exec(statement);
  return (head ? statement.slice(head[0].length) : statement).trim().replace(/;$/, "").trim();
}

function objectOf(row: ObjectRow): DatabaseObject {
  if (row.type === "view") return { kind: "view", schema: null, name: row.name, definition: viewQuery(row.sql) };
  if (row.type === "table") return { kind: "virtualTable", schema: null, name: row.name, definition: row.sql.trim() };
  return { kind: "trigger", schema: null, name: row.name, definition: row.sql.trim(), table: row.tbl_name, dependsOn: [tableObjectKey(null, row.tbl_name)] };
}

/** The views, triggers and virtual tables, sorted by type and name; those of excluded tables (a virtual table by its own name) are left out. */
export async function reflectObjects(conn: Connection, options: ReflectOptions = {}): Promise<DatabaseObject[]> {
  const rows = await conn.query<ObjectRow>(OBJECTS_SQL);
  const excluded = new Set(options.excludeTables ?? []);
  return rows.filter((row) => !(row.type !== "view" && excluded.has(row.tbl_name))).map(objectOf);
}
