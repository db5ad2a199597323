/**
 * The catalog queries reflection runs: one per kind of object, each joining sqlite_schema with a
 * pragma table-valued function, so that reading 500 tables costs as many queries as reading one.
 * Table filters (include/exclude) are applied inside every query through bound JSON arrays.
 */
import type { Connection, ReflectOptions } from "../dialect.js";

/** A row of the table query. */
export interface TableRow {
  name: string;
  sql: string;
}

/** A row of pragma_table_xinfo, tagged with its table. */
export interface ColumnRow {
  tbl: string;
  cid: number;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

/** A row of pragma_foreign_key_list, tagged with its table. */
export interface ForeignKeyRow {
  tbl: string;
  id: number;
  seq: number;
  ref: string;
  col: string;
  refcol: string | null;
  on_update: string;
  on_delete: string;
}

/** A row of pragma_index_list joined with pragma_index_info. */
export interface IndexRow {
  tbl: string;
  idx: string;
  uniq: number;
  origin: "c" | "u" | "pk";
  partial: number;
  seqno: number | null;
  col: string | null;
}

/** A CREATE INDEX or CREATE TRIGGER statement from sqlite_schema. */
export interface SchemaObjectRow {
  type: "index" | "trigger";
  name: string;
  tbl: string;
  sql: string;
}

/**
 * The reflected tables: ordinary tables of the main database, not SQLite's internal ones, not
 * virtual tables or their shadow tables (pragma_table_list types them), filtered by the options.
 */
const TABLES_CTE = `WITH t AS (
  SELECT m.name AS name, m.sql AS sql
  FROM sqlite_schema AS m
  JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = m.name
  WHERE m.type = 'table' AND l.type = 'table'
    AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
    AND (? IS NULL OR lower(m.name) IN (SELECT lower(value) FROM json_each(?)))
    AND lower(m.name) NOT IN (SELECT lower(value) FROM json_each(?))
)`;

const QUERIES = {
  tables: `${TABLES_CTE}
SELECT name, sql FROM t ORDER BY name`,
  columns: `${TABLES_CTE}
SELECT t.name AS tbl, c.cid, c.name, c.type, c."notnull" AS "notnull", c.dflt_value, c.pk, c.hidden
FROM t JOIN pragma_table_xinfo(t.name) AS c
ORDER BY t.name, c.cid`,
  foreignKeys: `${TABLES_CTE}
SELECT t.name AS tbl, f.id, f.seq, f."table" AS ref, f."from" AS col, f."to" AS refcol, f.on_update, f.on_delete
FROM t JOIN pragma_foreign_key_list(t.name) AS f
ORDER BY t.name, f.id, f.seq`,
  indexes: `${TABLES_CTE}
SELECT t.name AS tbl, il.name AS idx, il."unique" AS uniq, il.origin, il.partial, ii.seqno, ii.name AS col
FROM t JOIN pragma_index_list(t.name) AS il LEFT JOIN pragma_index_info(il.name) AS ii
ORDER BY t.name, il.name, ii.seqno`,
  objects: `${TABLES_CTE}
SELECT s.type, s.name, t.name AS tbl, s.sql
FROM sqlite_schema AS s JOIN t ON lower(t.name) = lower(s.tbl_name)
WHERE s.type IN ('index', 'trigger') AND s.sql IS NOT NULL
ORDER BY s.rowid`,
};

/** Everything reflection reads, one array per query. */
export interface CatalogRows {
  tables: TableRow[];
  columns: ColumnRow[];
  foreignKeys: ForeignKeyRow[];
  indexes: IndexRow[];
  objects: SchemaObjectRow[];
}

/** Runs the five catalog queries (always five, whatever the number of tables). */
export async function readCatalog(conn: Connection, options: ReflectOptions = {}): Promise<CatalogRows> {
  const include = options.includeTables ? JSON.stringify(options.includeTables) : null;
  const params = [include, include, JSON.stringify(options.excludeTables ?? [])];
  return {
    tables: await conn.query<TableRow>(QUERIES.tables, params),
    columns: await conn.query<ColumnRow>(QUERIES.columns, params),
    foreignKeys: await conn.query<ForeignKeyRow>(QUERIES.foreignKeys, params),
    indexes: await conn.query<IndexRow>(QUERIES.indexes, params),
    objects: await conn.query<SchemaObjectRow>(QUERIES.objects, params),
  };
}
