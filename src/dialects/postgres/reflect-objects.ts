/**
 * Reflection of PostgreSQL database objects in one catalog query: views and materialized views
 * (pg_get_viewdef) with their indexes (pg_get_indexdef), functions and procedures (pg_get_functiondef), aggregates (their CREATE
 * AGGREGATE assembled from pg_aggregate: plain aggregates with every option, combine, serial and
 * moving-aggregate functions included), domains (assembled from pg_type: format_type, typdefault, pg_get_constraintdef),
 * composite types (pg_attribute of their typrelid) and range types (pg_range), their definitions
 * assembled as the model assembles them (catalog/objects/composite-type.ts, range-type.ts), triggers (pg_get_triggerdef),
 * rules (pg_get_ruledef; a view's own _RETURN rule is the view), row-level security policies
 * (pg_policy's clauses, with pg_get_expr of their expressions),
 * extensions (pg_extension; plpgsql, which every database has, is left out) and free sequences
 * (pg_sequence; those owned by a column are its serial or identity and stay with the column),
 * collations (their CREATE COLLATION options from pg_collation), text-search dictionaries
 * (pg_ts_dict) and configurations (pg_ts_config_map per token type, named by ts_token_type).
 * Ordered-set aggregates and comments on policies are listed as
 * unmanaged (pull and check name them). Dependencies come from pg_depend: a view's rewrite rule lists the relations and functions it
 * uses, a rule its relation and those its action uses, a trigger its function, a domain the functions its checks call, a routine the domains and composite and range types in
 * its signature, a composite type the types of its attributes, a range type its subtype and functions, an aggregate its state functions. Members of extensions are the extension's, never listed alone.
 * A view's options (PostgreSQL 15: security_invoker and check_option, kept in pg_class.reloptions)
 * come from a second query, as they are stored: an option never set is not reported; any other
 * view option (security_barrier) is listed as unmanaged.
 * The objects query also reads the comments of views, materialized views, sequences, domains and triggers.
 */
import { objectKey, tableObjectKey, type DatabaseObject, type DatabaseObjectKind, type PolicyClauses, type ViewOptions } from "../../catalog/objects/types.js";
import { canonicalRoles, policyStatement } from "../../catalog/objects/policy.js";
import { compositeTypeDefinition, type CompositeAttribute } from "../../catalog/objects/composite-type.js";
import { rangeTypeDefinition, type RangeTypeParts } from "../../catalog/objects/range-type.js";
import type { UnmanagedObject } from "../../catalog/types.js";
import type { Connection, ReflectOptions } from "../dialect.js";

const SCHEMAS = "COALESCE($1::text[], ARRAY[current_schema()::text])";
const reported = (column: string): string => `CASE WHEN ${column} = current_schema() THEN NULL ELSE ${column}::text END`;
const keyPrefix = (column: string): string => `COALESCE(${reported(column)}, '') || '.'`;
const notExtensionMember = (classId: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = '${classId}'::regclass AND x.objid = ${oid} AND x.deptype = 'e')`;

/** True for a type of `alias` that is an object here: a domain, a range type, or a free-standing composite type (not a table's row type). */
const isUserType = (alias: string): string =>
  `(${alias}.typtype IN ('d', 'r') OR (${alias}.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class uc WHERE uc.oid = ${alias}.typrelid AND uc.relkind = 'c')))`;
/** The object key of such a type (`domain:.year`, `compositeType:.address`, `rangeType:app.span`). */
const userTypeKey = (alias: string, namespace: string): string =>
  `CASE ${alias}.typtype WHEN 'd' THEN 'domain:' WHEN 'r' THEN 'rangeType:' ELSE 'compositeType:' END || ${keyPrefix(`${namespace}.nspname`)} || ${alias}.typname::text`;

const option = (condition: string, text: string): string => `CASE WHEN ${condition} THEN ${text} ELSE '' END`;
const MODIFY = (column: string): string => `CASE ${column} WHEN 's' THEN 'SHAREABLE' WHEN 'w' THEN 'READ_WRITE' ELSE 'READ_ONLY' END`;
/** An operator as CREATE AGGREGATE's SORTOP takes it: `>`, or OPERATOR(s.>) when qualified. */
const SORT_OPERATOR = `CASE WHEN a.aggsortop::regoper::text LIKE '%.%' THEN 'OPERATOR(' || a.aggsortop::regoper::text || ')' ELSE a.aggsortop::regoper::text END`;

/**
 * A plain aggregate's CREATE AGGREGATE, assembled from pg_aggregate with every option it can hold,
 * in the order the CREATE AGGREGATE synopsis lists them, each only where it is not the default
 * (PostgreSQL has no deparser for aggregates): state, final, combine, serial and moving-aggregate
 * functions and types, their sizes and initial conditions, SORTOP and PARALLEL.
 */
const AGGREGATE_STATEMENT = `'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END || ') ('
         || 'SFUNC = ' || a.aggtransfn::regproc::text || ', STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL)
         || ${option("a.aggtransspace <> 0", "', SSPACE = ' || a.aggtransspace")}
         || ${option("a.aggfinalfn <> 0", "', FINALFUNC = ' || a.aggfinalfn::regproc::text")}
         || ${option("a.aggfinalextra", "', FINALFUNC_EXTRA'")}
         || ${option("a.aggfinalmodify <> 'r'", `', FINALFUNC_MODIFY = ' || ${MODIFY("a.aggfinalmodify")}`)}
         || ${option("a.aggcombinefn <> 0", "', COMBINEFUNC = ' || a.aggcombinefn::regproc::text")}
         || ${option("a.aggserialfn <> 0", "', SERIALFUNC = ' || a.aggserialfn::regproc::text")}
         || ${option("a.aggdeserialfn <> 0", "', DESERIALFUNC = ' || a.aggdeserialfn::regproc::text")}
         || ${option("a.agginitval IS NOT NULL", "', INITCOND = ' || quote_literal(a.agginitval)")}
         || ${option("a.aggmtransfn <> 0", "', MSFUNC = ' || a.aggmtransfn::regproc::text")}
         || ${option("a.aggminvtransfn <> 0", "', MINVFUNC = ' || a.aggminvtransfn::regproc::text")}
         || ${option("a.aggmtranstype <> 0", "', MSTYPE = ' || pg_catalog.format_type(a.aggmtranstype, NULL)")}
         || ${option("a.aggmtransspace <> 0", "', MSSPACE = ' || a.aggmtransspace")}
         || ${option("a.aggmfinalfn <> 0", "', MFINALFUNC = ' || a.aggmfinalfn::regproc::text")}
         || ${option("a.aggmfinalextra", "', MFINALFUNC_EXTRA'")}
         || ${option("a.aggmfinalmodify <> 'r'", `', MFINALFUNC_MODIFY = ' || ${MODIFY("a.aggmfinalmodify")}`)}
         || ${option("a.aggminitval IS NOT NULL", "', MINITCOND = ' || quote_literal(a.aggminitval)")}
         || ${option("a.aggsortop <> 0", `', SORTOP = ' || ${SORT_OPERATOR}`)}
         || ${option("p.proparallel <> 'u'", "', PARALLEL = ' || CASE p.proparallel WHEN 's' THEN 'SAFE' ELSE 'RESTRICTED' END")}
         || ')'`;

/** One row per object: kind, schema (null: current), name, table, definition, dependencies. */
const OBJECTS_SQL = `
SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materializedView' END AS kind, ${reported("n.nspname")} AS schema, c.relname::text AS name,
       NULL::text AS table_name, pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
       ARRAY(SELECT DISTINCT CASE rc.relkind WHEN 'v' THEN 'view:' WHEN 'm' THEN 'materializedView:' ELSE 'table:' END || ${keyPrefix("rn.nspname")} || rc.relname::text
               FROM pg_catalog.pg_rewrite r
               JOIN pg_catalog.pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
               JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
              WHERE r.ev_class = c.oid AND rc.oid <> c.oid
             UNION
             SELECT CASE p.prokind WHEN 'p' THEN 'procedure:' WHEN 'a' THEN 'aggregate:' ELSE 'function:' END || ${keyPrefix("pn.nspname")} || p.proname::text
               FROM pg_catalog.pg_rewrite r
               JOIN pg_catalog.pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_proc'::regclass
               JOIN pg_catalog.pg_proc p ON p.oid = d.refobjid
               JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
              WHERE r.ev_class = c.oid AND pn.nspname NOT IN ('pg_catalog', 'information_schema')) AS depends_on
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_class", "c.oid")}
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, ${reported("n.nspname")}, p.proname::text,
       NULL, pg_catalog.pg_get_functiondef(p.oid),
       -- A table's row type in the signature (RETURNS SETOF customer) needs the table first.
       ARRAY(SELECT DISTINCT 'table:' || ${keyPrefix("tn.nspname")} || tc.relname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_type ty ON d.refclassid = 'pg_type'::regclass AND ty.oid = d.refobjid
               JOIN pg_catalog.pg_class tc ON tc.oid = ty.typrelid AND tc.relkind IN ('r', 'p')
               JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
              WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
             UNION
             SELECT ${userTypeKey("dt", "dn")}
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_type dt ON d.refclassid = 'pg_type'::regclass AND dt.oid = d.refobjid
               JOIN pg_catalog.pg_namespace dn ON dn.oid = dt.typnamespace
              WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND ${isUserType("dt")})
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
 WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_proc", "p.oid")}
   -- A range type's constructor functions are the type's (an internal dependency), never listed alone.
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'i')
UNION ALL
SELECT 'aggregate', ${reported("n.nspname")}, p.proname::text, NULL,
       ${AGGREGATE_STATEMENT},
       ARRAY(SELECT DISTINCT 'function:' || ${keyPrefix("fn.nspname")} || f.proname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_proc f ON d.refclassid = 'pg_proc'::regclass AND f.oid = d.refobjid
               JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
              WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND fn.nspname NOT IN ('pg_catalog', 'information_schema'))
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
 WHERE p.prokind = 'a' AND a.aggkind = 'n' AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_proc", "p.oid")}
UNION ALL
SELECT 'domain', ${reported("n.nspname")}, t.typname::text, NULL,
       'AS ' || pg_catalog.format_type(t.typbasetype, t.typtypmod)
         || CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN ' COLLATE ' || t.typcollation::regcollation::text ELSE '' END
         || COALESCE(' DEFAULT ' || t.typdefault, '')
         || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
         || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_catalog.pg_get_constraintdef(k.oid, true), '' ORDER BY k.conname)
                        FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), ''),
       ARRAY(SELECT DISTINCT 'function:' || ${keyPrefix("fn.nspname")} || f.proname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_proc f ON d.refclassid = 'pg_proc'::regclass AND f.oid = d.refobjid
               JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
              WHERE fn.nspname NOT IN ('pg_catalog', 'information_schema')
                AND ((d.classid = 'pg_type'::regclass AND d.objid = t.oid)
                     OR (d.classid = 'pg_constraint'::regclass AND d.objid IN (SELECT k.oid FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid)))
             UNION
             SELECT 'domain:' || ${keyPrefix("bn.nspname")} || bt.typname::text WHERE bt.typtype = 'd'
             UNION
             SELECT 'collation:' || ${keyPrefix("cn.nspname")} || co.collname::text
               FROM pg_catalog.pg_collation co
               JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
              WHERE co.oid = t.typcollation AND cn.nspname <> 'pg_catalog')
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
  JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace
 WHERE t.typtype = 'd' AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_type", "t.oid")}
UNION ALL
-- A composite type's attributes as JSON, in attnum order (compositeTypeDefinition assembles the
-- text the model assembles too): format_type, and the collation where it is not the type's own.
SELECT 'compositeType', ${reported("n.nspname")}, t.typname::text, NULL,
       (SELECT json_agg(json_build_object('name', a.attname::text, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
                                          'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN co.collname::text END,
                                          'collationSchema', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation AND cn.nspname <> 'pg_catalog' THEN ${reported("cn.nspname")} END)
                         ORDER BY a.attnum)
          FROM pg_catalog.pg_attribute a
          JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
          LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
          LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)::text,
       -- The domains, composite and range types its attributes are typed by (arrays by their element), and its collations.
       ARRAY(SELECT ${userTypeKey("et", "en")}
               FROM pg_catalog.pg_attribute a
               JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
               JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN at.typcategory = 'A' AND at.typelem <> 0 AND at.typtype <> 'd' THEN at.typelem ELSE at.oid END
               JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped AND ${isUserType("et")}
             UNION
             SELECT 'collation:' || ${keyPrefix("cn.nspname")} || co.collname::text
               FROM pg_catalog.pg_attribute a
               JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
               JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped AND cn.nspname <> 'pg_catalog')
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
 WHERE t.typtype = 'c' AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_type", "t.oid")}
UNION ALL
-- A range type's options as JSON (rangeTypeDefinition leaves out the defaults: the subtype's
-- default operator class and collation, the multirange name PostgreSQL derives).
SELECT 'rangeType', ${reported("n.nspname")}, t.typname::text, NULL,
       json_build_object('subtype', pg_catalog.format_type(r.rngsubtype, NULL),
                         'subtypeOpclass', CASE WHEN NOT opc.opcdefault THEN CASE WHEN opn.nspname = 'pg_catalog' OR opn.nspname = current_schema() THEN quote_ident(opc.opcname) ELSE quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname) END END,
                         'collation', CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN co.collname::text END,
                         'canonical', CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END,
                         'subtypeDiff', CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END,
                         'multirangeTypeName', mt.typname::text)::text,
       ARRAY(SELECT ${userTypeKey("st", "sn")} WHERE ${isUserType("st")}
             UNION
             SELECT 'function:' || ${keyPrefix("fn.nspname")} || f.proname::text
               FROM pg_catalog.pg_proc f
               JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
              WHERE f.oid IN (r.rngcanonical, r.rngsubdiff) AND fn.nspname NOT IN ('pg_catalog', 'information_schema')
             UNION
             SELECT 'collation:' || ${keyPrefix("cn.nspname")} || co.collname::text
               FROM pg_catalog.pg_namespace cn
              WHERE cn.oid = co.collnamespace AND cn.nspname <> 'pg_catalog')
  FROM pg_catalog.pg_range r
  JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
  JOIN pg_catalog.pg_namespace sn ON sn.oid = st.typnamespace
  JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc
  JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
  LEFT JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_type", "t.oid")}
UNION ALL
SELECT 'materializedViewIndex', ${reported("n.nspname")}, ic.relname::text, c.relname::text, pg_catalog.pg_get_indexdef(i.indexrelid),
       ARRAY['materializedView:' || ${keyPrefix("n.nspname")} || c.relname::text]
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid AND c.relkind = 'm'
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_class", "c.oid")}
UNION ALL
SELECT 'rule', ${reported("n.nspname")}, r.rulename::text, c.relname::text, pg_catalog.pg_get_ruledef(r.oid, true),
       -- The relation it is attached to and those its action and condition use (pg_depend), and the functions they call.
       ARRAY(SELECT DISTINCT CASE rc.relkind WHEN 'v' THEN 'view:' WHEN 'm' THEN 'materializedView:' ELSE 'table:' END || ${keyPrefix("rn.nspname")} || rc.relname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
              WHERE d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
             UNION
             SELECT CASE p.prokind WHEN 'p' THEN 'procedure:' WHEN 'a' THEN 'aggregate:' ELSE 'function:' END || ${keyPrefix("pn.nspname")} || p.proname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_proc p ON p.oid = d.refobjid
               JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
              WHERE d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_proc'::regclass
                AND pn.nspname NOT IN ('pg_catalog', 'information_schema'))
  FROM pg_catalog.pg_rewrite r
  JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE r.rulename <> '_RETURN' AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_class", "c.oid")}
UNION ALL
-- A policy's clauses as JSON (policyClausesOf reads them and assembles the CREATE POLICY text the
-- model assembles too); PUBLIC is role 0. It depends on its table, on the relations its
-- expressions read and on the functions they call (pg_depend).
SELECT 'policy', ${reported("n.nspname")}, p.polname::text, c.relname::text,
       json_build_object('as', CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END,
                         'for', CASE p.polcmd WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert' WHEN 'w' THEN 'update' WHEN 'd' THEN 'delete' ELSE 'all' END,
                         'to', ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid)),
                         'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
                         'withCheck', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid))::text,
       ARRAY(SELECT DISTINCT CASE rc.relkind WHEN 'v' THEN 'view:' WHEN 'm' THEN 'materializedView:' ELSE 'table:' END || ${keyPrefix("rn.nspname")} || rc.relname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
              WHERE d.classid = 'pg_policy'::regclass AND d.objid = p.oid AND d.refclassid = 'pg_class'::regclass
             UNION
             SELECT CASE f.prokind WHEN 'a' THEN 'aggregate:' ELSE 'function:' END || ${keyPrefix("fn.nspname")} || f.proname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_proc f ON f.oid = d.refobjid
               JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
              WHERE d.classid = 'pg_policy'::regclass AND d.objid = p.oid AND d.refclassid = 'pg_proc'::regclass
                AND fn.nspname NOT IN ('pg_catalog', 'information_schema'))
  FROM pg_catalog.pg_policy p
  JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_class", "c.oid")}
UNION ALL
-- The model keeps a policy's clauses, not a comment on it.
SELECT 'unmanaged policy comment', ${reported("n.nspname")}, p.polname::text, c.relname::text, pg_catalog.obj_description(p.oid, 'pg_policy'), ARRAY[]::text[]
  FROM pg_catalog.pg_policy p
  JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND pg_catalog.obj_description(p.oid, 'pg_policy') IS NOT NULL
UNION ALL
SELECT 'unmanaged aggregate', ${reported("n.nspname")}, p.proname::text, NULL, NULL, ARRAY[]::text[]
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
 WHERE a.aggkind <> 'n' AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_proc", "p.oid")}
UNION ALL
SELECT 'trigger', ${reported("n.nspname")}, t.tgname::text, c.relname::text, pg_catalog.pg_get_triggerdef(t.oid, true),
       ARRAY['table:' || ${keyPrefix("n.nspname")} || c.relname::text,
             CASE p.prokind WHEN 'p' THEN 'procedure:' ELSE 'function:' END || ${keyPrefix("pn.nspname")} || p.proname::text]
  FROM pg_catalog.pg_trigger t
  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
  JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
 WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY (${SCHEMAS})
UNION ALL
SELECT 'extension', ${reported("n.nspname")}, e.extname::text, NULL, '', ARRAY[]::text[]
  FROM pg_catalog.pg_extension e
  JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname <> 'plpgsql'
UNION ALL
SELECT 'collation', ${reported("n.nspname")}, co.collname::text, NULL,
       '(provider = ' || CASE co.collprovider WHEN 'i' THEN 'icu' ELSE 'libc' END || ', '
         || CASE WHEN co.collprovider = 'i' THEN 'locale = ' || quote_literal(co.colliculocale)
                 WHEN co.collcollate = co.collctype THEN 'locale = ' || quote_literal(co.collcollate)
                 ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) END
         || CASE WHEN co.collisdeterministic THEN '' ELSE ', deterministic = false' END || ')',
       ARRAY[]::text[]
  FROM pg_catalog.pg_collation co
  JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
 WHERE co.collprovider IN ('c', 'i') AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_collation", "co.oid")}
UNION ALL
SELECT 'textSearchDictionary', ${reported("n.nspname")}, d.dictname::text, NULL,
       '(TEMPLATE = ' || quote_ident(tn.nspname) || '.' || quote_ident(tm.tmplname) || COALESCE(', ' || d.dictinitoption, '') || ')',
       ARRAY[]::text[]
  FROM pg_catalog.pg_ts_dict d
  JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
  JOIN pg_catalog.pg_ts_template tm ON tm.oid = d.dicttemplate
  JOIN pg_catalog.pg_namespace tn ON tn.oid = tm.tmplnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_ts_dict", "d.oid")}
UNION ALL
-- A configuration is its parser and, per token type it maps (sorted by name, bytewise like the
-- model), the dictionaries in the order they are tried; ts_token_type names the parser's tokens.
SELECT 'textSearchConfiguration', ${reported("n.nspname")}, cfg.cfgname::text, NULL,
       'PARSER = ' || quote_ident(pn.nspname) || '.' || quote_ident(prs.prsname)
         || COALESCE((SELECT string_agg(E'\nMAPPING FOR ' || tt.alias || ' WITH '
                                          || (SELECT string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno)
                                                FROM pg_catalog.pg_ts_config_map m WHERE m.mapcfg = cfg.oid AND m.maptokentype = tt.tokid),
                                        '' ORDER BY tt.alias COLLATE "C")
                        FROM pg_catalog.ts_token_type(cfg.cfgparser) tt
                       WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config_map m WHERE m.mapcfg = cfg.oid AND m.maptokentype = tt.tokid)), ''),
       ARRAY(SELECT DISTINCT 'textSearchDictionary:' || ${keyPrefix("dn.nspname")} || d.dictname::text
               FROM pg_catalog.pg_ts_config_map m
               JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict
               JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace
              WHERE m.mapcfg = cfg.oid AND dn.nspname <> 'pg_catalog')
  FROM pg_catalog.pg_ts_config cfg
  JOIN pg_catalog.pg_namespace n ON n.oid = cfg.cfgnamespace
  JOIN pg_catalog.pg_ts_parser prs ON prs.oid = cfg.cfgparser
  JOIN pg_catalog.pg_namespace pn ON pn.oid = prs.prsnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_ts_config", "cfg.oid")}
UNION ALL
SELECT 'sequence', ${reported("n.nspname")}, c.relname::text, NULL,
       format('AS %s START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s %s',
              pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
              CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END),
       ARRAY[]::text[]
  FROM pg_catalog.pg_sequence s
  JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_class", "c.oid")}
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend o WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid
                      AND o.refclassid = 'pg_class'::regclass AND o.deptype IN ('a', 'i'))
UNION ALL
SELECT 'comment ' || CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materializedView' ELSE 'sequence' END, ${reported("n.nspname")}, c.relname::text, NULL,
       pg_catalog.obj_description(c.oid, 'pg_class'), ARRAY[]::text[]
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('v', 'm', 'S') AND n.nspname = ANY (${SCHEMAS}) AND pg_catalog.obj_description(c.oid, 'pg_class') IS NOT NULL
UNION ALL
SELECT 'comment ' || CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'c' THEN 'compositeType' ELSE 'rangeType' END, ${reported("n.nspname")}, t.typname::text, NULL,
       pg_catalog.obj_description(t.oid, 'pg_type'), ARRAY[]::text[]
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
 WHERE (t.typtype IN ('d', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c'))) AND n.nspname = ANY (${SCHEMAS}) AND pg_catalog.obj_description(t.oid, 'pg_type') IS NOT NULL
UNION ALL
SELECT 'comment trigger', ${reported("n.nspname")}, t.tgname::text, c.relname::text, pg_catalog.obj_description(t.oid, 'pg_trigger'), ARRAY[]::text[]
  FROM pg_catalog.pg_trigger t
  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT t.tgisinternal AND n.nspname = ANY (${SCHEMAS}) AND pg_catalog.obj_description(t.oid, 'pg_trigger') IS NOT NULL`;

/** The reloptions of views that have any: security_invoker (as a boolean), check_option, and the rest as text. */
const VIEW_OPTIONS_SQL = `
SELECT ${reported("n.nspname")} AS schema, c.relname::text AS name,
       (SELECT o.option_value::boolean FROM pg_catalog.pg_options_to_table(c.reloptions) o WHERE o.option_name = 'security_invoker') AS security_invoker,
       (SELECT lower(o.option_value) FROM pg_catalog.pg_options_to_table(c.reloptions) o WHERE o.option_name = 'check_option') AS check_option,
       (SELECT string_agg(o.option_name || '=' || o.option_value, ', ' ORDER BY o.option_name)
          FROM pg_catalog.pg_options_to_table(c.reloptions) o WHERE o.option_name NOT IN ('security_invoker', 'check_option')) AS others
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'v' AND c.reloptions IS NOT NULL AND n.nspname = ANY (${SCHEMAS}) AND ${notExtensionMember("pg_class", "c.oid")}`;

interface ViewOptionsRow {
  schema: string | null;
  name: string;
  security_invoker: boolean | null;
  check_option: string | null;
  others: string | null;
}

/** A view's options as its reloptions hold them (an explicit security_invoker=false is `definer`). */
export function viewOptionsOf(row: Pick<ViewOptionsRow, "security_invoker" | "check_option">): ViewOptions | undefined {
  const options: ViewOptions = {};
  if (row.security_invoker !== null) options.security = row.security_invoker ? "invoker" : "definer";
  if (row.check_option === "local" || row.check_option === "cascaded") options.checkOption = row.check_option;
  return Object.keys(options).length > 0 ? options : undefined;
}

interface ObjectRow {
  /**
   * An object kind, "unmanaged <kind>" for what athanor lists without managing, or
   * "comment <kind>" for an object's comment (in `definition`).
   */
  kind: DatabaseObjectKind | `unmanaged ${string}` | `comment ${DatabaseObjectKind}`;
  schema: string | null;
  name: string;
  table_name: string | null;
  definition: string | null;
  depends_on: string[] | null;
}

/** A policy's clauses from the JSON the objects query builds of its pg_policy row. */
function policyClausesOf(json: string): PolicyClauses {
  const row = JSON.parse(json) as { as: PolicyClauses["as"]; for: PolicyClauses["for"]; to: string[] | null; using: string | null; withCheck: string | null };
  return { as: row.as, for: row.for, to: canonicalRoles(row.to ?? []), using: row.using, withCheck: row.withCheck };
}

/** The comparable text of a definition as printed: trimmed, without the trailing semicolon of pg_get_viewdef. */
function cleanDefinition(text: string): string {
  return text.trim().replace(/;$/, "").trim();
}

const isUnmanaged = (row: ObjectRow): row is ObjectRow & { kind: `unmanaged ${string}` } => row.kind.startsWith("unmanaged ");

/**
 * The database objects of the reflected schemas, sorted by kind, schema and name, and what they
 * hold that athanor does not manage (policy comments, non-plain aggregates).
 */
export async function reflectObjects(conn: Connection, options: ReflectOptions = {}): Promise<{ objects: DatabaseObject[]; unmanaged: UnmanagedObject[] }> {
  const all = await conn.query<ObjectRow>(OBJECTS_SQL, [options.schemas ?? null]);
  const isComment = (row: ObjectRow): row is ObjectRow & { kind: `comment ${DatabaseObjectKind}` } => row.kind.startsWith("comment ");
  const comments = new Map(
    all.filter(isComment).map((row) => [objectKey({ kind: row.kind.slice("comment ".length) as DatabaseObjectKind, schema: row.schema, name: row.name, table: row.table_name }), row.definition ?? ""]),
  );
  const excluded = new Set(options.excludeTables ?? []);
  const onExcluded = (row: ObjectRow): boolean => (row.kind === "trigger" || row.kind === "rule" || row.kind === "policy" || row.kind === "materializedViewIndex" || isUnmanaged(row)) && !!row.table_name && excluded.has(row.table_name);
  const rows = all.filter((row) => !onExcluded(row) && !isComment(row));
  const unmanaged = rows.filter(isUnmanaged).map((row): UnmanagedObject => ({ kind: row.kind.slice("unmanaged ".length), schema: row.schema, name: row.name, table: row.table_name, ...(row.definition ? { detail: row.definition } : {}) }));
  const viewOptions = new Map<string, ViewOptions>();
  for (const row of await conn.query<ViewOptionsRow>(VIEW_OPTIONS_SQL, [options.schemas ?? null])) {
    const found = viewOptionsOf(row);
    if (found) viewOptions.set(objectKey({ kind: "view", schema: row.schema, name: row.name }), found);
    if (row.others) unmanaged.push({ kind: "view options", schema: row.schema, name: row.name, table: null, detail: row.others });
  }
  const objects = rows
    .filter((row): row is ObjectRow & { kind: DatabaseObjectKind } => !isUnmanaged(row))
    .map((row) => {
      const object: DatabaseObject = { kind: row.kind, schema: row.schema, name: row.name, definition: cleanDefinition(row.definition ?? "") };
      if (row.table_name) object.table = row.table_name;
      if (row.kind === "compositeType") object.definition = compositeTypeDefinition(JSON.parse(row.definition ?? "[]") as CompositeAttribute[]);
      if (row.kind === "rangeType") object.definition = rangeTypeDefinition(row.name, JSON.parse(row.definition ?? "{}") as RangeTypeParts);
      if (row.kind === "policy") {
        object.policy = policyClausesOf(row.definition ?? "{}");
        object.definition = policyStatement({ ...object, policy: object.policy });
      }
      const ownOptions = row.kind === "view" ? viewOptions.get(objectKey(object)) : undefined;
      if (ownOptions) object.viewOptions = ownOptions;
      const comment = comments.get(objectKey(object));
      if (comment) object.comment = comment;
      const deps = (row.depends_on ?? []).filter((d) => d !== tableObjectKey(row.schema, row.name));
      if (deps.length > 0) object.dependsOn = [...new Set(deps)].sort();
      return object;
    })
    .sort((a, b) => (a.kind + "\u0000" + (a.schema ?? "") + "\u0000" + a.name + "\u0000" + a.definition < b.kind + "\u0000" + (b.schema ?? "") + "\u0000" + b.name + "\u0000" + b.definition ? -1 : 1));
  const { kept, overloads } = withoutOverloads(objects);
  return { objects: kept, unmanaged: [...unmanaged, ...overloads] };
}

/**
 * Objects are keyed by kind, schema and name, so of a routine's overloads (f(integer) and
 * f(text)) the model holds one: the first by its text is kept, and each other one is listed as
 * unmanaged with its CREATE line, so check fails on it rather than comparing it silently.
 */
function withoutOverloads(objects: DatabaseObject[]): { kept: DatabaseObject[]; overloads: UnmanagedObject[] } {
  const seen = new Set<string>();
  const kept: DatabaseObject[] = [];
  const overloads: UnmanagedObject[] = [];
  for (const object of objects) {
    const key = objectKey(object);
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(object);
      continue;
    }
    const head = object.definition.split("\n", 1)[0]!.trim();
    overloads.push({ kind: `overloaded ${object.kind}`, schema: object.schema, name: object.name, detail: head });
  }
  return { kept, overloads };
}
