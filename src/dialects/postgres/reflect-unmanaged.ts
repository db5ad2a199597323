/**
 * What a PostgreSQL database holds that the model cannot, in one catalog query, so that nothing
 * is dropped without a word: FORCE ROW LEVEL SECURITY on a table whose row-level security is off
 * (row-level security itself and policies are modelled), foreign tables, storage parameters of
 * the index behind a key or exclusion constraint (a table's, its TOAST table's and a plain
 * index's are modelled, as is UNLOGGED), what table inheritance
 * holds beyond its parents (a child's own NOT NULL or default on a column it inherits, a parent's
 * CHECK … NO INHERIT), the sequence of a serial or identity column whose type is not the
 * column's, comments the model has no place for (on a key's or an exclusion constraint's index,
 * whose constraint holds the model's comment; on an inherited or NOT NULL constraint),
 * and text-search parsers and templates
 * (collations, composite and range types, and text-search configurations and dictionaries are
 * objects: reflect-objects.ts). The
 * schema and table filters are the table queries' ($1 schemas, $2 included, $3 excluded tables);
 * members of extensions are the extension's, never listed.
 */
import type { UnmanagedObject } from "../../catalog/types.js";
import type { Connection, ReflectOptions } from "../dialect.js";

const SCHEMAS = "COALESCE($1::text[], ARRAY[current_schema()::text])";
const reported = (column: string): string => `CASE WHEN ${column} = current_schema() THEN NULL ELSE ${column}::text END`;
const notExtensionMember = (classId: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = '${classId}'::regclass AND x.objid = ${oid} AND x.deptype = 'e')`;

const UNMANAGED_SQL = `WITH rel AS (
  SELECT c.oid, c.relname::text AS table_name, ${reported("n.nspname")} AS schema, c.relkind, c.relispartition,
         c.relrowsecurity, c.relforcerowsecurity
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'f')
     AND n.nspname = ANY (${SCHEMAS})
     AND ($2::text[] IS NULL OR c.relname = ANY ($2::text[]) OR n.nspname || '.' || c.relname = ANY ($2::text[]))
     AND NOT (c.relname = ANY ($3::text[]) OR n.nspname || '.' || c.relname = ANY ($3::text[]))
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
)
SELECT 'forced-but-disabled row-level security' AS kind, r.schema, r.table_name AS name, r.table_name, 'FORCE ROW LEVEL SECURITY without ENABLE' AS detail
  FROM rel r WHERE r.relforcerowsecurity AND NOT r.relrowsecurity
UNION ALL
SELECT 'foreign table', r.schema, r.table_name, r.table_name, NULL FROM rel r WHERE r.relkind = 'f'
UNION ALL
-- A plain index's storage parameters are modelled (IndexSchema.storageParameters); those of the
-- index behind a key or exclusion constraint (… WITH (fillfactor = …) on the constraint) are not.
SELECT 'index storage parameters', r.schema, ic.relname::text, r.table_name, array_to_string(ic.reloptions, ', ')
  FROM rel r
  JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
 WHERE ic.reloptions IS NOT NULL AND NOT r.relispartition
   AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                WHERE con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
UNION ALL
-- Table inheritance is modelled (TableSchema.inherits), but not what a child changes on a column
-- it inherits (its own NOT NULL or default), nor a parent's CHECK that children do not inherit.
SELECT 'inherited column override', r.schema, a.attname::text, r.table_name,
       concat_ws(', ', CASE WHEN a.attnotnull THEN 'NOT NULL' END, 'DEFAULT ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid))
  FROM rel r
  JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.attislocal AND a.attinhcount > 0
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
 WHERE NOT r.relispartition
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h
                     JOIN pg_catalog.pg_attribute pa ON pa.attrelid = h.inhparent AND pa.attname = a.attname AND NOT pa.attisdropped
                     LEFT JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
                    WHERE h.inhrelid = r.oid AND pa.attnotnull = a.attnotnull
                      AND pg_catalog.pg_get_expr(pd.adbin, pd.adrelid) IS NOT DISTINCT FROM pg_catalog.pg_get_expr(ad.adbin, ad.adrelid))
UNION ALL
SELECT 'NO INHERIT check', r.schema, con.conname::text, r.table_name, pg_catalog.pg_get_constraintdef(con.oid)
  FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid AND con.contype = 'c' AND con.connoinherit
UNION ALL
-- The model keeps the comments of keys, checks, foreign keys and exclusion constraints of the
-- table's own (reflect-queries.ts), not those of inherited or NOT NULL constraints.
SELECT 'constraint comment', r.schema, con.conname::text, r.table_name, pg_catalog.obj_description(con.oid, 'pg_constraint')
  FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
 WHERE pg_catalog.obj_description(con.oid, 'pg_constraint') IS NOT NULL AND NOT (con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conislocal)
UNION ALL
-- An index's comment is modelled; a key's or exclusion constraint's index has the model's
-- comment on its constraint, so one on the index itself has no place in the model.
SELECT 'index comment', r.schema, ic.relname::text, r.table_name, pg_catalog.obj_description(ic.oid, 'pg_class')
  FROM rel r
  JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
 WHERE pg_catalog.obj_description(ic.oid, 'pg_class') IS NOT NULL AND NOT r.relispartition
   AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint kc WHERE kc.conrelid = i.indrelid AND kc.conindid = i.indexrelid AND kc.contype IN ('p', 'u', 'x'))
UNION ALL
-- The model keeps a serial's or identity's sequence options, not a type of its own (AS bigint behind an integer column).
SELECT 'owned sequence type', r.schema, sc.relname::text, r.table_name,
       quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, NULL) || ', sequence AS ' || pg_catalog.format_type(sq.seqtypid, NULL)
  FROM rel r
  JOIN pg_catalog.pg_depend dep ON dep.refclassid = 'pg_class'::regclass AND dep.refobjid = r.oid AND dep.classid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
  JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = dep.objid
  JOIN pg_catalog.pg_class sc ON sc.oid = dep.objid
  JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = dep.refobjsubid
 WHERE sq.seqtypid <> a.atttypid AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
UNION ALL
SELECT 'text search parser', ${reported("n.nspname")}, prs.prsname::text, NULL, NULL
  FROM pg_catalog.pg_ts_parser prs
  JOIN pg_catalog.pg_namespace n ON n.oid = prs.prsnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_ts_parser", "prs.oid")}
UNION ALL
SELECT 'text search template', ${reported("n.nspname")}, tmpl.tmplname::text, NULL, NULL
  FROM pg_catalog.pg_ts_template tmpl
  JOIN pg_catalog.pg_namespace n ON n.oid = tmpl.tmplnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_ts_template", "tmpl.oid")}
ORDER BY 2 NULLS FIRST, 4 NULLS FIRST, 1, 3`;

interface UnmanagedRow {
  kind: string;
  schema: string | null;
  name: string;
  table_name: string | null;
  detail: string | null;
}

/** The features and objects of the compared schemas the model cannot hold, by kind and name. */
export async function reflectUnmanaged(conn: Connection, options: ReflectOptions = {}): Promise<UnmanagedObject[]> {
  const rows = await conn.query<UnmanagedRow>(UNMANAGED_SQL, [options.schemas ?? null, options.includeTables ?? null, options.excludeTables ?? []]);
  return rows.map((row) => ({ kind: row.kind, schema: row.schema, name: row.name, table: row.table_name, detail: row.detail }));
}
