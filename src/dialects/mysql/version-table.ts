/**
 * SQL for the version table: one row per current head. The table lives in the connection's
 * database unless VersionTableName.schema names another database (which must already exist).
 * The revision log beside it is what makes MySQL's non-transactional DDL recoverable: progress
 * is recorded there statement by statement. Its long columns are LONGTEXT because TEXT stops
 * at 64 KB.
 */
import type { VersionTableSql } from "../dialect.js";
import { quoteIdentifier, quoteTable } from "./quote.js";

/** Version-table statements for MySQL/MariaDB. */
export const versionTable: VersionTableSql = {
  create(table) {
    const column = quoteIdentifier("version_num");
    return [{ sql: `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (${column} VARCHAR(32) NOT NULL, PRIMARY KEY (${column}))` }];
  },
  createLog(table) {
    const c = quoteIdentifier;
    return [
      {
        sql:
          `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (` +
          `${c("revision")} VARCHAR(32) NOT NULL, ${c("direction")} VARCHAR(4) NOT NULL, ${c("status")} VARCHAR(16) NOT NULL, ` +
          `${c("checksum")} VARCHAR(64) NULL, ${c("statements_done")} INT NOT NULL, ${c("done_statements")} LONGTEXT NOT NULL, ` +
          `${c("progress_hash")} VARCHAR(64) NULL, ${c("pending_statement")} LONGTEXT NULL, ${c("error")} LONGTEXT NULL, ` +
          `${c("updated_at")} VARCHAR(32) NOT NULL, ${c("table_state")} LONGTEXT NULL, PRIMARY KEY (${c("revision")}))`,
      },
    ];
  },
  addLogTableState(table) {
    return { sql: `ALTER TABLE ${quoteTable(table)} ADD COLUMN ${quoteIdentifier("table_state")} LONGTEXT NULL` };
  },
  columnExists(table, column) {
    return {
      sql: "SELECT COUNT(*) AS present FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?",
      params: [table.schema ?? null, table.name, column],
    };
  },
  exists(table) {
    return {
      sql: "SELECT COUNT(*) AS present FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
      params: [table.schema ?? null, table.name],
    };
  },
};
