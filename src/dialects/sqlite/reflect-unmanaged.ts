/**
 * What a SQLite database holds that the model cannot, in one query, so that nothing is dropped
 * without a word: virtual tables (FTS, R*Tree, …; their shadow tables are theirs) and the table
 * options WITHOUT ROWID and STRICT (a rebuild keeps them, but the model cannot say them). The
 * table filters are the table queries' (bound JSON arrays).
 */
import type { UnmanagedObject } from "../../catalog/types.js";
import type { Connection, ReflectOptions } from "../dialect.js";

const FILTERED = `l.schema = 'main' AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
    AND (? IS NULL OR lower(l.name) IN (SELECT lower(value) FROM json_each(?)))
    AND lower(l.name) NOT IN (SELECT lower(value) FROM json_each(?))`;

const UNMANAGED_SQL = `SELECT 'virtual table' AS kind, l.name AS name, m.sql AS detail
  FROM pragma_table_list AS l JOIN sqlite_schema AS m ON m.name = l.name AND m.type = 'table'
 WHERE l.type = 'virtual' AND ${FILTERED}
UNION ALL
SELECT 'table option', l.name, trim(CASE WHEN l.wr THEN 'WITHOUT ROWID' ELSE '' END || CASE WHEN l.strict THEN ' STRICT' ELSE '' END)
  FROM pragma_table_list AS l
 WHERE l.type = 'table' AND (l.wr OR l.strict) AND ${FILTERED}
ORDER BY 2, 1`;

interface UnmanagedRow {
  kind: string;
  name: string;
  detail: string | null;
}

/** Virtual tables and WITHOUT ROWID / STRICT tables, by kind and name. */
export async function reflectUnmanaged(conn: Connection, options: ReflectOptions = {}): Promise<UnmanagedObject[]> {
  const include = options.includeTables ? JSON.stringify(options.includeTables) : null;
  const exclude = JSON.stringify(options.excludeTables ?? []);
  const rows = await conn.query<UnmanagedRow>(UNMANAGED_SQL, [include, include, exclude, include, include, exclude]);
  return rows.map((row) => ({ kind: row.kind, name: row.name, table: row.name, detail: row.detail }));
}
