/**
 * MySQL/MariaDB catalog as the server reports it in information_schema, one line per object:
 * tables (engine, collation, comment, create options), columns (COLUMN_TYPE with display width,
 * UNSIGNED and ZEROFILL, nullability, COLUMN_DEFAULT as stored, charset, collation, EXTRA,
 * comment, generation expression), indexes from STATISTICS (with SUB_PART prefix lengths and
 * order), foreign keys with REFERENTIAL_CONSTRAINTS rules, CHECK_CONSTRAINTS (with MariaDB's LEVEL:
 * a check written in its column against one among the table's constraints).
 *
 * Views (VIEWS.VIEW_DEFINITION, check option, security, MariaDB's ALGORITHM, and DEFINER, which
 * athanor does not model: a definer other than the connecting user shows here as a difference), routines (ROUTINES: type, return type,
 * body, determinism, data access, security; PARAMETERS in order) and triggers (TRIGGERS: timing,
 * event, table, order, statement) are compared by the server's own text too.
 *
 * Normalised (provably the same): nothing but the schema name itself, which differs between the
 * two databases by construction (MySQL writes it into every name a view's query uses).
 */
import mysql from "mysql2/promise";
import { ORACLE_EXCLUDED_TABLES } from "./excluded.js";

const NOT_EXCLUDED = `TABLE_NAME NOT IN (${ORACLE_EXCLUDED_TABLES.map((t) => `'${t}'`).join(", ")})`;

const SECTIONS: Record<string, string> = {
  tables: `SELECT CONCAT_WS(' ', 'table', QUOTE(TABLE_NAME), 'engine', ENGINE, 'collate', TABLE_COLLATION,
      'options', QUOTE(CREATE_OPTIONS), 'comment', QUOTE(TABLE_COMMENT)) AS line
    FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND ${NOT_EXCLUDED}`,
  columns: `SELECT CONCAT_WS(' ', 'column', QUOTE(TABLE_NAME), CONCAT('#', ORDINAL_POSITION), QUOTE(COLUMN_NAME), COLUMN_TYPE,
      IF(IS_NULLABLE = 'YES', 'null', 'not null'),
      CONCAT('default ', COALESCE(QUOTE(COLUMN_DEFAULT), 'none')),
      CONCAT('charset ', COALESCE(CHARACTER_SET_NAME, '-')), CONCAT('collate ', COALESCE(COLLATION_NAME, '-')),
      CONCAT('extra ', QUOTE(EXTRA)), CONCAT('comment ', QUOTE(COLUMN_COMMENT)),
      CONCAT('generated ', COALESCE(QUOTE(GENERATION_EXPRESSION), '-'))) AS line
    FROM information_schema.COLUMNS
   WHERE TABLE_SCHEMA = DATABASE() AND ${NOT_EXCLUDED}
     AND TABLE_NAME IN (SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE')`,
  indexes: `SELECT CONCAT_WS(' ', 'index', QUOTE(TABLE_NAME), QUOTE(INDEX_NAME), IF(NON_UNIQUE = 0, 'unique', 'non-unique'), INDEX_TYPE,
      CONCAT('(', GROUP_CONCAT(CONCAT(COALESCE(QUOTE(COLUMN_NAME), 'expr'), COALESCE(CONCAT('(', SUB_PART, ')'), ''), ' ', COALESCE(COLLATION, '-'))
                              ORDER BY SEQ_IN_INDEX SEPARATOR ', '), ')'),
      'comment', QUOTE(INDEX_COMMENT)) AS line
    FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND ${NOT_EXCLUDED}
   GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, INDEX_COMMENT`,
  foreignKeys: `SELECT CONCAT_WS(' ', 'foreign key', QUOTE(k.TABLE_NAME), QUOTE(k.CONSTRAINT_NAME),
      CONCAT('(', GROUP_CONCAT(QUOTE(k.COLUMN_NAME) ORDER BY k.ORDINAL_POSITION SEPARATOR ', '), ')'),
      'references', IF(k.REFERENCED_TABLE_SCHEMA = DATABASE(), '', QUOTE(k.REFERENCED_TABLE_SCHEMA)), QUOTE(k.REFERENCED_TABLE_NAME),
      CONCAT('(', GROUP_CONCAT(QUOTE(k.REFERENCED_COLUMN_NAME) ORDER BY k.ORDINAL_POSITION SEPARATOR ', '), ')'),
      'match', r.MATCH_OPTION, 'on update', r.UPDATE_RULE, 'on delete', r.DELETE_RULE) AS line
    FROM information_schema.KEY_COLUMN_USAGE k
    JOIN information_schema.REFERENTIAL_CONSTRAINTS r
      ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
   WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL AND k.${NOT_EXCLUDED}
   GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, r.MATCH_OPTION, r.UPDATE_RULE, r.DELETE_RULE`,
  views: `SELECT CONCAT_WS(' ', 'view', QUOTE(TABLE_NAME), 'as', QUOTE(REPLACE(VIEW_DEFINITION, CONCAT('\`', DATABASE(), '\`.'), '')),
      'check', CHECK_OPTION, 'security', SECURITY_TYPE, 'algorithm', ALGORITHM, 'definer', DEFINER) AS line
    FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()`,
  routines: `SELECT CONCAT_WS(' ', 'routine', r.ROUTINE_TYPE, QUOTE(r.ROUTINE_NAME),
      CONCAT('(', COALESCE((SELECT GROUP_CONCAT(CONCAT_WS(' ', p.PARAMETER_MODE, p.PARAMETER_NAME, p.DTD_IDENTIFIER) ORDER BY p.ORDINAL_POSITION SEPARATOR ', ')
                              FROM information_schema.PARAMETERS p
                             WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.SPECIFIC_NAME AND p.ORDINAL_POSITION > 0), ''), ')'),
      'returns', COALESCE(r.DTD_IDENTIFIER, '-'), 'deterministic', r.IS_DETERMINISTIC, 'access', r.SQL_DATA_ACCESS, 'security', r.SECURITY_TYPE,
      'comment', QUOTE(r.ROUTINE_COMMENT), 'body', QUOTE(r.ROUTINE_DEFINITION)) AS line
    FROM information_schema.ROUTINES r WHERE r.ROUTINE_SCHEMA = DATABASE()`,
  triggers: `SELECT CONCAT_WS(' ', 'trigger', QUOTE(TRIGGER_NAME), ACTION_TIMING, EVENT_MANIPULATION, 'on', QUOTE(EVENT_OBJECT_TABLE),
      'order', ACTION_ORDER, 'do', QUOTE(ACTION_STATEMENT)) AS line
    FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()`,
  checks: `SELECT CONCAT_WS(' ', 'check', QUOTE(TABLE_NAME), QUOTE(CONSTRAINT_NAME), LEVEL, QUOTE(CHECK_CLAUSE)) AS line
    FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND ${NOT_EXCLUDED}`,
};

/** The catalog of the MySQL/MariaDB database at `url`, one line per object, sorted. */
export async function mysqlCatalog(url: string): Promise<string[]> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    await conn.query("SET SESSION group_concat_max_len = 1048576");
    const out: string[] = [];
    for (const sql of Object.values(SECTIONS)) {
      const [rows] = await conn.query(sql);
      out.push(...(rows as { line: string }[]).map((r) => String(r.line)).sort());
    }
    return out;
  } finally {
    await conn.end();
  }
}
