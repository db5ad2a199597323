/**
 * The version table on SQLite: `athanor_version(version_num VARCHAR(32) PRIMARY KEY)`, and the
 * revision log beside it. The configured schema is not used; SQLite has no schemas in that sense.
 */
import type { Statement, VersionTableSql } from "../dialect.js";
import type { VersionTableName } from "../../core/version-table-name.js";
import { placeholder, quoteIdentifier } from "./quote.js";

/** Create and existence statements for the version table. */
export const versionTable: VersionTableSql = {
  create(table: VersionTableName): Statement[] {
    const name = quoteIdentifier(table.name);
    const pk = quoteIdentifier(`${table.name}_pkc`);
    return [{ sql: `CREATE TABLE IF NOT EXISTS ${name} (version_num VARCHAR(32) NOT NULL, CONSTRAINT ${pk} PRIMARY KEY (version_num))` }];
  },
  upsertLog(table: VersionTableName, columns: readonly string[], keep: readonly string[], rows = 1): string {
    const c = quoteIdentifier;
    const [key, ...rest] = columns;
    const set = rest.filter((col) => !keep.includes(col)).map((col) => `${c(col)} = excluded.${c(col)}`);
    const values = Array.from({ length: rows }, (_, r) => `(${columns.map((_, i) => placeholder(r * columns.length + i + 1)).join(", ")})`).join(", ");
    return `INSERT INTO ${quoteIdentifier(table.name)} (${columns.map(c).join(", ")}) VALUES ${values} ON CONFLICT (${c(key as string)}) DO UPDATE SET ${set.join(", ")}`;
  },

  createLog(table: VersionTableName): Statement[] {
    const c = quoteIdentifier;
    return [
      {
        sql:
          `CREATE TABLE IF NOT EXISTS ${c(table.name)} (` +
          `revision VARCHAR(32) NOT NULL, direction VARCHAR(4) NOT NULL, status VARCHAR(16) NOT NULL, checksum VARCHAR(64), ` +
          `statements_done INTEGER NOT NULL, done_statements TEXT NOT NULL, progress_hash VARCHAR(64), pending_statement TEXT, ` +
          `error TEXT, updated_at VARCHAR(32) NOT NULL, table_state TEXT, CONSTRAINT ${c(`${table.name}_pkc`)} PRIMARY KEY (revision))`,
      },
    ];
  },
  addLogTableState(table: VersionTableName): Statement {
    return { sql: `ALTER TABLE ${quoteIdentifier(table.name)} ADD COLUMN ${quoteIdentifier("table_state")} TEXT` };
  },
  columnExists(table: VersionTableName, column: string): Statement {
    return { sql: "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?) WHERE lower(name) = lower(?)) AS present", params: [table.name, column] };
  },
  exists(table: VersionTableName): Statement {
    return { sql: "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND lower(name) = lower(?)) AS present", params: [table.name] };
  },
};
