/**
 * SQL for the version table: one row per current head. The table lives in the connection's
 * database unless VersionTableName.schema names another database (which must already exist).
 */
import type { VersionTableSql } from "../dialect.js";
import { quoteIdentifier, quoteTable } from "./quote.js";

/** Version-table statements for MySQL/MariaDB. */
export const versionTable: VersionTableSql = {
  create(table) {
    const column = quoteIdentifier("version_num");
    return [{ sql: `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (${column} VARCHAR(32) NOT NULL, PRIMARY KEY (${column}))` }];
  },
  exists(table) {
    return {
      sql: "SELECT COUNT(*) AS present FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
      params: [table.schema ?? null, table.name],
    };
  },
};
