/**
 * What a SQLite database holds that the model cannot, in one query, so that nothing is dropped
 * without a word: the table options WITHOUT ROWID and STRICT (a rebuild keeps them, but the
 * model cannot say them). Virtual tables are objects (reflect-objects.ts). The table filters are
 * the table queries' (bound JSON arrays).
 */
import type { UnmanagedObject } from "../../catalog/types.js";
import type { Connection, ReflectOptions } from "../dialect.js";

const FILTERED = `l.schema = 'main' AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
    AND (? IS NULL OR lower(l.name) IN (SELECT lower(value) FROM json_each(?)))
    AND lower(l.name) NOT IN (SELECT lower(value) FROM json_each(?))`;

const UNMANAGED_SQL = `SELECT 'table option' AS kind, l.name AS name, trim(CASE WHEN l.wr THEN 'WITHOUT ROWID' ELSE '' END || CASE WHEN l.strict THEN ' STRICT' ELSE '' END) AS detail
  FROM pragma_table_list AS l
 WHERE l.type = 'table' AND (l.wr OR l.strict) AND ${FILTERED}
ORDER BY 2, 1`;

interface UnmanagedRow {
  kind: string;
  name: string;
  detail: string | null;
}

/** WITHOUT ROWID / STRICT tables, by name. */
export async function reflectUnmanaged(conn: Connection, options: ReflectOptions = {}): Promise<UnmanagedObject[]> {
  const include = options.includeTables ? JSON.stringify(options.includeTables) : null;
  const exclude = JSON.stringify(options.excludeTables ?? []);
  const rows = await conn.query<UnmanagedRow>(UNMANAGED_SQL, [include, include, exclude]);
  return rows.map((row) => ({ kind: row.kind, name: row.name, table: row.name, detail: row.detail }));
}
