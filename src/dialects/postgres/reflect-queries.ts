/**
 * The catalog queries behind reflection: one each for tables, columns, constraints, indexes and
 * enums, whatever the number of tables. Every table-level query starts from the same `tbl` CTE,
 * which applies the schema and table filters inside the database from bound array parameters:
 * $1 schemas (null: the current schema), $2 tables to include (null: all), $3 tables to exclude.
 * Tables in the current schema report `schema` as null, so a model without schemas compares equal.
 * Needs PostgreSQL 12+ (attgenerated, indnkeyatts).
 */

const SCHEMAS = "COALESCE($1::text[], ARRAY[current_schema()::text])";

/** `schema` as reported: null for the current schema. */
function reportedSchema(column: string): string {
  return `CASE WHEN ${column} = current_schema() THEN NULL ELSE ${column}::text END`;
}

/**
 * The schema of a collation or operator class as reported: null when the name is found through
 * the search path anyway (pg_catalog, the current schema), so a model that names none compares equal.
 */
function reportedObjectSchema(column: string): string {
  return `CASE WHEN ${column} IN ('pg_catalog', current_schema()) THEN NULL ELSE ${column}::text END`;
}

const TABLES_CTE = `WITH tbl AS (
  SELECT c.oid, c.relname::text AS table_name, n.nspname::text AS schema_name, ${reportedSchema("n.nspname")} AS schema, c.relispartition
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p')
     AND n.nspname = ANY (${SCHEMAS})
     AND ($2::text[] IS NULL OR c.relname = ANY ($2::text[]) OR n.nspname || '.' || c.relname = ANY ($2::text[]))
     AND NOT (c.relname = ANY ($3::text[]) OR n.nspname || '.' || c.relname = ANY ($3::text[]))
)`;

/**
 * Tables with their comments, partition keys (pg_get_partkeydef), for partitions the parent and
 * the bound (pg_get_expr of relpartbound), and for inheriting tables their parents in order
 * (pg_inherits.inhseqno; a partition's one pg_inherits row is its partition parent), and
 * row-level security (relrowsecurity; FORCE, relforcerowsecurity, counts only with it), UNLOGGED
 * (relpersistence 'u'), and the storage parameters of the table and of its TOAST table (reloptions,
 * `name=value` text; the TOAST table's through reltoastrelid).
 */
export const TABLES_SQL = `${TABLES_CTE}
SELECT t.schema, t.table_name, d.description AS comment,
       CASE WHEN c.relrowsecurity THEN CASE WHEN c.relforcerowsecurity THEN 'forced' ELSE 'enabled' END END AS row_security,
       c.relpersistence = 'u' AS unlogged, c.reloptions AS options, tc.reloptions AS toast_options,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
       CASE WHEN c.relispartition THEN CASE WHEN pn.nspname = t.schema_name THEN NULL ELSE pn.nspname::text END END AS parent_schema,
       CASE WHEN c.relispartition THEN pc.relname::text END AS parent_table,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid, true) END AS partition_bound,
       CASE WHEN NOT c.relispartition THEN (
         SELECT json_agg(json_build_object('schema', ${reportedSchema("hn.nspname")}, 'table', hc.relname::text) ORDER BY h.inhseqno)
           FROM pg_catalog.pg_inherits h
           JOIN pg_catalog.pg_class hc ON hc.oid = h.inhparent
           JOIN pg_catalog.pg_namespace hn ON hn.oid = hc.relnamespace
          WHERE h.inhrelid = c.oid) END AS inherits
  FROM tbl t
  JOIN pg_catalog.pg_class c ON c.oid = t.oid
  LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
  LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
  LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
  LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
  LEFT JOIN pg_catalog.pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0`;

/**
 * Columns: type (element type for arrays), default, identity/generation, serial ownership and the
 * options of the sequence a serial or identity column owns (pg_sequence), comment,
 * collation. An inheriting table's columns are only its own (attislocal): those it inherits are
 * its parents'. A partition's are all inherited, and reported, since the model copies them. A column typed with a domain keeps the domain as its type (format_type's name for
 * it, a raw type): the domain is a database object of its own, with its rules. Ordered by table
 * oid and attnum: reflection groups the rows by table, and a sort on the names cost 30 ms of the
 * query's 220 on 1,000 tables.
 */
export const COLUMNS_SQL = `${TABLES_CTE}
SELECT t.schema, t.schema_name, t.table_name, a.attnum, a.attname::text AS name, a.attnotnull AS not_null,
       a.atttypmod AS typmod,
       a.attidentity::text AS identity, a.attgenerated::text AS generated,
       CASE WHEN ty.typcategory = 'A' AND ty.typtype <> 'd' THEN GREATEST(a.attndims, 1) ELSE 0 END AS dimensions,
       bt.typname::text AS typname, bt.typtype::text AS typtype,
       bt.typnamespace = 'pg_catalog'::regnamespace AS builtin,
       pg_catalog.format_type(bt.oid, a.atttypmod) AS formatted,
       CASE WHEN bt.typtype = 'e' THEN ${reportedSchema("bn.nspname")} END AS enum_schema,
       CASE WHEN bt.typtype = 'e' THEN ARRAY(
         SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = bt.oid ORDER BY e.enumsortorder) END AS enum_values,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS default_expr,
       EXISTS (
         SELECT 1 FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
          WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
            AND dep.refobjid = t.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a') AS owns_sequence,
       format_type(seq.seqtypid, NULL) AS seq_type, seq.seqstart::text AS seq_start, seq.seqincrement::text AS seq_increment,
       seq.seqmin::text AS seq_min, seq.seqmax::text AS seq_max, seq.seqcache::text AS seq_cache, seq.seqcycle AS seq_cycle,
       d.description AS comment,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN co.collname::text END AS collation,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN ${reportedObjectSchema("cn.nspname")} END AS collation_schema
  FROM tbl t
  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND (a.attislocal OR t.relispartition)
  JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
  JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN ty.typcategory = 'A' AND ty.typelem <> 0 AND ty.typtype <> 'd' THEN ty.typelem ELSE ty.oid END
  JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  -- The sequence the column owns: a serial's (deptype a) or an identity's (deptype i), with its
  -- options; looked for only where they are used, for an identity or a column with a default.
  LEFT JOIN LATERAL (
    SELECT sq.* FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = dep.objid
     WHERE (a.attidentity <> '' OR ad.adnum IS NOT NULL)
       AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
       AND dep.refobjid = t.oid AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i')
     ORDER BY dep.objid LIMIT 1) seq ON true
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
  LEFT JOIN pg_catalog.pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
 ORDER BY a.attrelid, a.attnum`;

/** Key columns of a constraint in key order, by name. */
function keyNames(keys: string, relation: string): string {
  return `ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum ORDER BY k.ord)`;
}

/**
 * pg_index.indnullsnotdistinct of index `i`, read through to_jsonb so that the query runs on
 * servers before PostgreSQL 15 too (where the column is absent and the answer is false). Only
 * a unique index can have it, so callers ask it of those alone (to_jsonb of the row is costly).
 */
const NULLS_NOT_DISTINCT = (i: string): string => `COALESCE((to_jsonb(${i}) ->> 'indnullsnotdistinct')::boolean, false)`;

/**
 * pg_constraint.confdelsetcols as a jsonb array (empty where it is null, or absent before
 * PostgreSQL 15). to_jsonb of the whole row is costly (a third of the query's time on 1,000
 * tables), so it is asked only where a list can be: ON DELETE SET NULL or SET DEFAULT.
 */
const DELETE_SET_COLUMNS = `CASE WHEN jsonb_typeof(to_jsonb(con) -> 'confdelsetcols') = 'array' THEN to_jsonb(con) -> 'confdelsetcols' ELSE '[]'::jsonb END`;

/**
 * The INCLUDE columns of index `i` by name: its attributes after the key ones (indnkeyatts of
 * indnatts); empty for no index (a constraint that has none).
 */
const INCLUDED = (i: string): string => `ARRAY(SELECT a.attname::text FROM generate_series(${i}.indnkeyatts + 1, ${i}.indnatts) AS k(n)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = ${i}.indrelid AND a.attnum = ${i}.indkey[k.n - 1] ORDER BY k.n)`;

/**
 * Primary key, unique, check and foreign key constraints (not exclusion or NOT NULL ones), with
 * their timing (DEFERRABLE, INITIALLY DEFERRED), a unique key's NULLS NOT DISTINCT, a key's
 * INCLUDE columns (its index's non-key attributes; conkey holds the key ones only), and a foreign
 * key's MATCH type and ON DELETE SET NULL / SET DEFAULT column list (`confdelsetcols`, read
 * through to_jsonb as it is absent before PostgreSQL 15), and its COMMENT ON CONSTRAINT.
 */
export const CONSTRAINTS_SQL = `${TABLES_CTE}
SELECT t.schema, t.table_name, con.conname::text AS name, con.contype::text AS type,
       ${keyNames("con.conkey", "con.conrelid")} AS columns,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) END AS expression,
       ft.relname::text AS ref_table, ${reportedSchema("fn.nspname")} AS ref_schema,
       CASE WHEN con.contype = 'f' THEN ${keyNames("con.confkey", "con.confrelid")} ELSE '{}'::text[] END AS ref_columns,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update, con.confmatchtype::text AS match_type,
       CASE WHEN con.contype = 'f' AND con.confdeltype IN ('n', 'd')
            THEN ${keyNames(`(SELECT array_agg(j::int2) FROM jsonb_array_elements_text(${DELETE_SET_COLUMNS}) j)`, "con.conrelid")}
            ELSE '{}'::text[] END AS on_delete_columns,
       con.condeferrable AS deferrable, con.condeferred AS deferred, NOT con.convalidated AS not_valid,
       CASE WHEN con.contype = 'u' THEN ${NULLS_NOT_DISTINCT("ci")} ELSE false END AS nulls_not_distinct,
       ${INCLUDED("ci")} AS include,
       cd.description AS comment
  FROM tbl t
  JOIN pg_catalog.pg_constraint con ON con.conrelid = t.oid AND con.contype IN ('p', 'u', 'f', 'c') AND con.conislocal
  LEFT JOIN pg_catalog.pg_index ci ON con.contype IN ('p', 'u') AND ci.indexrelid = con.conindid
  LEFT JOIN pg_catalog.pg_class ft ON ft.oid = con.confrelid
  LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = ft.relnamespace
  -- Joined, as the table and column comments are: obj_description() per row measured slower here (1,000 tables).
  LEFT JOIN pg_catalog.pg_description cd
    ON cd.objoid = con.oid AND cd.classoid = 'pg_catalog.pg_constraint'::regclass AND cd.objsubid = 0`;

/**
 * Indexes that do not back a primary key or unique constraint, element by element:
 * the column or expression, the order and NULLS FIRST bits of indoption, the collation when it
 * is not the element's own (the column's, or for an expression its type's default), the operator
 * class when it is not the default one, each with its schema where the search path would not
 * find it; the INCLUDE columns (after the key ones); NULLS NOT DISTINCT; and the storage parameters (reloptions). A partition's index that belongs to an index of its
 * parent is the parent's (PostgreSQL creates it with each partition), so it is left out.
 * The index of an exclusion constraint is read here too, its elements being an index's: the row
 * then names the constraint (`exclusion`), its operators in element order (pg_constraint.conexclop,
 * one per key column) and its timing, and reflection makes it the table's exclusion constraint.
 * The comment is the index's (COMMENT ON INDEX), or for an exclusion constraint the constraint's.
 */
export const INDEXES_SQL = `${TABLES_CTE}
SELECT t.schema, t.table_name, ic.relname::text AS name, i.indisunique AS is_unique, am.amname::text AS method,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       i.indisunique AND ${NULLS_NOT_DISTINCT("i")} AS nulls_not_distinct,
       ${INCLUDED("i")} AS include, ic.reloptions AS options,
       xc.conname::text AS exclusion,
       CASE WHEN xc.oid IS NOT NULL THEN ARRAY(SELECT o.oprname::text FROM unnest(xc.conexclop) WITH ORDINALITY AS x(op, n)
                                                 JOIN pg_catalog.pg_operator o ON o.oid = x.op ORDER BY x.n) END AS operators,
       COALESCE(xc.condeferrable, false) AS deferrable, COALESCE(xc.condeferred, false) AS deferred,
       -- An exclusion constraint's comment is the constraint's (COMMENT ON CONSTRAINT), an index's its own.
       CASE WHEN xc.oid IS NOT NULL THEN xd.description ELSE id.description END AS comment,
       (SELECT json_agg(json_build_object(
                 'column', a.attname::text,
                 'expression', CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) END,
                 'descending', (i.indoption[k.n - 1] & 1) = 1,
                 'nulls_first', (i.indoption[k.n - 1] & 2) = 2,
                 'collation', CASE WHEN i.indcollation[k.n - 1] <> 0 AND i.indcollation[k.n - 1] <> COALESCE(a.attcollation, it.typcollation) THEN ico.collname::text END,
                 'collation_schema', CASE WHEN i.indcollation[k.n - 1] <> 0 AND i.indcollation[k.n - 1] <> COALESCE(a.attcollation, it.typcollation) THEN ${reportedObjectSchema("icn.nspname")} END,
                 'opclass', CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END,
                 'opclass_schema', CASE WHEN NOT opc.opcdefault THEN ${reportedObjectSchema("opn.nspname")} END) ORDER BY k.n)
          FROM generate_series(1, i.indnkeyatts) AS k(n)
          LEFT JOIN pg_catalog.pg_attribute a
            ON i.indkey[k.n - 1] <> 0 AND a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
          LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.n
          LEFT JOIN pg_catalog.pg_type it ON it.oid = ia.atttypid
          LEFT JOIN pg_catalog.pg_collation ico ON ico.oid = i.indcollation[k.n - 1]
          LEFT JOIN pg_catalog.pg_namespace icn ON icn.oid = ico.collnamespace
          LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.n - 1]
          LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace) AS elements
  FROM tbl t
  JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  LEFT JOIN pg_catalog.pg_constraint xc ON xc.conrelid = i.indrelid AND xc.conindid = i.indexrelid AND xc.contype = 'x'
  LEFT JOIN pg_catalog.pg_description id
    ON id.objoid = ic.oid AND id.classoid = 'pg_catalog.pg_class'::regclass AND id.objsubid = 0
  LEFT JOIN pg_catalog.pg_description xd
    ON xd.objoid = xc.oid AND xd.classoid = 'pg_catalog.pg_constraint'::regclass AND xd.objsubid = 0
 WHERE NOT ic.relispartition AND NOT EXISTS (
         SELECT 1 FROM pg_catalog.pg_constraint con
          WHERE con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u'))`;

/**
 * Every schema but the system's, with the connection's current one marked and its tables counted
 * ($1: tables to leave out of the count, athanor's own), so the schemas to read can be decided
 * here and the ones left out named.
 */
export const SCHEMAS_SQL = `SELECT n.nspname::text AS name, n.nspname = current_schema() AS current,
       (SELECT count(*)::int FROM pg_catalog.pg_class c
         WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND NOT (c.relname = ANY ($1::text[]) OR n.nspname || '.' || c.relname = ANY ($1::text[]))) AS tables
  FROM pg_catalog.pg_namespace n
 WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
 ORDER BY n.nspname`;

/** Enum types in the reflected schemas, values in sort order, with their COMMENT ON TYPE. */
export const ENUMS_SQL = `SELECT ${reportedSchema("n.nspname")} AS schema, ty.typname::text AS name,
       ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = ty.oid ORDER BY e.enumsortorder) AS values,
       pg_catalog.obj_description(ty.oid, 'pg_type') AS comment
  FROM pg_catalog.pg_type ty
  JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace
 WHERE ty.typtype = 'e' AND n.nspname = ANY (${SCHEMAS})`;
