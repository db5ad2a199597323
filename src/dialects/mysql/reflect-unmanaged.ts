/**
 * What a MySQL/MariaDB database holds that the model cannot, in one query on the connection's own
 * database, so that nothing is dropped without a word: scheduled events, partitioning (a
 * table's PARTITION BY; the table itself is reflected as a plain table), table options besides
 * engine and collation (CREATE_OPTIONS: ROW_FORMAT, PAGE_CHECKSUM, KEY_BLOCK_SIZE, …), the primary
 * key's comment (an index's is modelled), MariaDB sequences and system-versioned tables (read as plain tables), and a view
 * whose DEFINER is not the connecting user. athanor does not model a view's definer (an account
 * is not portable between servers) and creates every view as the connecting user, so a view
 * someone else defined would silently change hands; naming it keeps that visible. Table-bound
 * items are kept only when their table was reflected, so the table filter leaves them out with it.
 */
import type { UnmanagedObject } from "../../catalog/types.js";
import type { Connection } from "../dialect.js";

// information_schema columns differ in collation between servers; one character set for the UNION.
const text = (column: string): string => `CONVERT(${column} USING utf8mb4)`;

const UNMANAGED_SQL = `SELECT ${text("'event'")} AS kind, ${text("EVENT_NAME")} AS name, NULL AS table_name,
  ${text("CONCAT('ON SCHEDULE ', CASE WHEN EVENT_TYPE = 'ONE TIME' THEN 'AT' ELSE 'EVERY' END, ' … DO ', EVENT_DEFINITION)")} AS detail
FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
UNION ALL
SELECT ${text("'partitioned table'")}, ${text("TABLE_NAME")}, ${text("TABLE_NAME")},
  ${text("CONCAT('PARTITION BY ', PARTITION_METHOD, ' (', COALESCE(PARTITION_EXPRESSION, ''), ')', COALESCE(CONCAT(' SUBPARTITION BY ', SUBPARTITION_METHOD), ''))")}
FROM information_schema.PARTITIONS
WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL AND PARTITION_ORDINAL_POSITION = 1 AND (SUBPARTITION_ORDINAL_POSITION IS NULL OR SUBPARTITION_ORDINAL_POSITION = 1)
UNION ALL
SELECT ${text("'view definer'")}, ${text("TABLE_NAME")}, NULL,
  ${text("CONCAT('DEFINER=', DEFINER, ', not the connecting user ', CURRENT_USER(), ', as whom athanor would create it')")}
FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND DEFINER <> CURRENT_USER()
UNION ALL
SELECT ${text("'table option'")}, ${text("TABLE_NAME")}, ${text("TABLE_NAME")}, ${text("CONCAT(ENGINE, ' ', CREATE_OPTIONS)")}
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND CREATE_OPTIONS <> ''
UNION ALL
SELECT ${text("CASE TABLE_TYPE WHEN 'SEQUENCE' THEN 'sequence' ELSE 'system-versioned table' END")}, ${text("TABLE_NAME")},
  ${text("CASE TABLE_TYPE WHEN 'SEQUENCE' THEN NULL ELSE TABLE_NAME END")}, ${text("CASE TABLE_TYPE WHEN 'SEQUENCE' THEN NULL ELSE 'WITH SYSTEM VERSIONING' END")}
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('SEQUENCE', 'SYSTEM VERSIONED')
UNION ALL
-- Indexes keep their comments in the model (index(…, { comment })); the primary key has no place for one.
SELECT ${text("'index comment'")}, ${text("INDEX_NAME")}, ${text("TABLE_NAME")}, ${text("INDEX_COMMENT")}
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = ? AND SEQ_IN_INDEX = 1 AND INDEX_COMMENT <> '' AND INDEX_NAME = 'PRIMARY'
ORDER BY kind, name`;

/**
 * The CREATE_OPTIONS a table holds that nobody wrote: "partitioned" (reported as partitioning)
 * and the TRANSACTIONAL=1 an Aria table gets by default.
 */
function writtenOptions(engine: string, options: string): string {
  return options
    .split(/\s+/)
    .filter((o) => o !== "" && o.toLowerCase() !== "partitioned" && !(engine.toLowerCase() === "aria" && o.toLowerCase() === "transactional=1"))
    .join(" ");
}

interface UnmanagedRow {
  kind: string;
  name: string;
  table_name: string | null;
  detail: string | null;
}

/** Events, partitioning, table options, index comments, sequences, system versioning and other users' views in `database`; the table-bound ones only for the tables in `tables`. */
export async function reflectUnmanaged(conn: Connection, database: string, tables: ReadonlySet<string>): Promise<UnmanagedObject[]> {
  const rows = await conn.query<UnmanagedRow>(UNMANAGED_SQL, [database, database, database, database, database, database]);
  return rows
    .filter((row) => row.table_name === null || tables.has(row.table_name))
    .flatMap((row): UnmanagedObject[] => {
      if (row.kind !== "table option") return [{ kind: row.kind, name: row.name, table: row.table_name, detail: row.detail }];
      const [engine = "", ...options] = (row.detail ?? "").split(" ");
      const written = writtenOptions(engine, options.join(" "));
      return written === "" ? [] : [{ kind: row.kind, name: row.name, table: row.table_name, detail: written }];
    });
}
