/**
 * The catalog queries reflection runs: one per information_schema table, whatever the number of
 * tables. Databases and table filters are bound values (`IN (?, ?, …)`), never spliced.
 * Every column is aliased in lower case because MySQL 8 returns information_schema column
 * names in upper case whatever the query says.
 */
import type { Statement } from "../dialect.js";
import type { ServerInfo } from "./server-info.js";
import { hasCheckConstraints, hasIndexExpressions } from "./server-info.js";

/** Which tables to read: databases, and optional table names to keep or leave out. */
export interface CatalogFilter {
  schemas: string[];
  include?: string[];
  exclude?: string[];
}

function marks(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/** `schemaCol IN (…) [AND tableCol IN (…)] [AND tableCol NOT IN (…)]` with its values. */
function where(schemaCol: string, tableCol: string, f: CatalogFilter): { sql: string; params: string[] } {
  let sql = `${schemaCol} IN (${marks(f.schemas.length)})`;
  const params = [...f.schemas];
  // information_schema compares names case-insensitively in some plans and not in others. The
  // include list may over-match (the caller filters exactly); the exclude list must compare bytes.
  if (f.include && f.include.length > 0) {
    sql += ` AND ${tableCol} IN (${marks(f.include.length)})`;
    params.push(...f.include);
  }
  if (f.exclude && f.exclude.length > 0) {
    sql += ` AND CAST(${tableCol} AS BINARY) NOT IN (${marks(f.exclude.length)})`;
    params.push(...f.exclude);
  }
  return { sql, params };
}

/** Base tables (and MariaDB system-versioned tables) with their comment and default collation. */
export function tablesQuery(f: CatalogFilter): Statement {
  const w = where("TABLE_SCHEMA", "TABLE_NAME", f);
  return {
    sql: `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, TABLE_COMMENT AS table_comment, TABLE_COLLATION AS table_collation, ENGINE AS engine, ROW_FORMAT AS row_format,
  (SELECT s.DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME = TABLES.TABLE_SCHEMA) AS database_collation,
  @@default_storage_engine AS default_engine
FROM information_schema.TABLES
WHERE ${w.sql} AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
ORDER BY TABLE_SCHEMA, TABLE_NAME`,
    params: w.params,
  };
}

/** Every column of the selected tables, in ordinal order. */
export function columnsQuery(f: CatalogFilter): Statement {
  const w = where("TABLE_SCHEMA", "TABLE_NAME", f);
  return {
    sql: `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS column_name, COLUMN_DEFAULT AS column_default,
  IS_NULLABLE AS is_nullable, DATA_TYPE AS data_type, COLUMN_TYPE AS column_type, COLLATION_NAME AS collation_name,
  EXTRA AS extra, COLUMN_COMMENT AS column_comment, GENERATION_EXPRESSION AS generation_expression,
  (SELECT cs.MAXLEN FROM information_schema.CHARACTER_SETS cs WHERE cs.CHARACTER_SET_NAME = COLUMNS.CHARACTER_SET_NAME) AS charset_maxlen
FROM information_schema.COLUMNS
WHERE ${w.sql}
ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
    params: w.params,
  };
}

/** Every index column (primary key, unique and plain indexes), in index order, with the index's COMMENT. */
export function indexesQuery(f: CatalogFilter, info: ServerInfo): Statement {
  const w = where("TABLE_SCHEMA", "TABLE_NAME", f);
  const expression = hasIndexExpressions(info) ? "EXPRESSION" : "NULL";
  return {
    sql: `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique,
  SEQ_IN_INDEX AS seq_in_index, COLUMN_NAME AS column_name, COLLATION AS collation, SUB_PART AS sub_part,
  INDEX_TYPE AS index_type, ${expression} AS expression, INDEX_COMMENT AS index_comment
FROM information_schema.STATISTICS
WHERE ${w.sql}
ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    params: w.params,
  };
}

/** Every foreign key column with its referenced column and rules. */
export function foreignKeysQuery(f: CatalogFilter): Statement {
  const w = where("k.TABLE_SCHEMA", "k.TABLE_NAME", f);
  return {
    sql: `SELECT k.TABLE_SCHEMA AS table_schema, k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name,
  k.COLUMN_NAME AS column_name, k.ORDINAL_POSITION AS ordinal_position, k.REFERENCED_TABLE_SCHEMA AS referenced_schema,
  k.REFERENCED_TABLE_NAME AS referenced_table, k.REFERENCED_COLUMN_NAME AS referenced_column,
  r.UPDATE_RULE AS update_rule, r.DELETE_RULE AS delete_rule
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
WHERE ${w.sql} AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    params: w.params,
  };
}

/**
 * Every check constraint, or undefined when the server has no CHECK_CONSTRAINTS view (checks
 * were not enforced before MySQL 8.0.16 anyway). MariaDB's view names the table and scopes
 * names per table; MySQL's is joined to TABLE_CONSTRAINTS for the table.
 */
export function checksQuery(f: CatalogFilter, info: ServerInfo): Statement | undefined {
  if (!hasCheckConstraints(info)) return undefined;
  if (info.flavour === "mariadb") {
    const w = where("CONSTRAINT_SCHEMA", "TABLE_NAME", f);
    return {
      sql: `SELECT CONSTRAINT_SCHEMA AS table_schema, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, CHECK_CLAUSE AS check_clause, LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS
WHERE ${w.sql}
ORDER BY CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME`,
      params: w.params,
    };
  }
  const w = where("tc.TABLE_SCHEMA", "tc.TABLE_NAME", f);
  return {
    sql: `SELECT tc.TABLE_SCHEMA AS table_schema, tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE ${w.sql} AND tc.CONSTRAINT_TYPE = 'CHECK'
ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME`,
    params: w.params,
  };
}
