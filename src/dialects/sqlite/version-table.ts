/**
 * The version table on SQLite: `athanor_version(version_num VARCHAR(32) PRIMARY KEY)`.
 * The configured schema is not used; SQLite has no schemas in that sense.
 */
import type { Statement, VersionTableName, VersionTableSql } from "../dialect.js";
import { quoteIdentifier } from "./quote.js";

/** Create and existence statements for the version table. */
export const versionTable: VersionTableSql = {
  create(table: VersionTableName): Statement[] {
    const name = quoteIdentifier(table.name);
    const pk = quoteIdentifier(`${table.name}_pkc`);
    return [{ sql: `CREATE TABLE IF NOT EXISTS ${name} (version_num VARCHAR(32) NOT NULL, CONSTRAINT ${pk} PRIMARY KEY (version_num))` }];
  },
  exists(table: VersionTableName): Statement {
    return { sql: "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND lower(name) = lower(?)) AS present", params: [table.name] };
  },
};
