/**
 * SQL for athanor's version table on PostgreSQL: `version_num varchar(32)` with a named primary
 * key, like Alembic's, optionally in its own schema; and the revision log beside it.
 */
import type { Statement, VersionTableSql } from "../dialect.js";
import type { VersionTableName } from "../../core/version-table-name.js";
import { placeholder, quoteIdentifier, quoteTable } from "./quote.js";

/** The version table's statements. */
export const versionTable: VersionTableSql = {
  create(table: VersionTableName): Statement[] {
    const statements: Statement[] = [];
    if (table.schema) statements.push({ sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(table.schema)}` });
    statements.push({
      sql:
        `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (` +
        `${quoteIdentifier("version_num")} varchar(32) NOT NULL, ` +
        `CONSTRAINT ${quoteIdentifier(`${table.name}_pkc`)} PRIMARY KEY (${quoteIdentifier("version_num")}))`,
    });
    return statements;
  },

  upsertLog(table: VersionTableName, columns: readonly string[], keep: readonly string[], rows = 1): string {
    const c = quoteIdentifier;
    const [key, ...rest] = columns;
    const set = rest.filter((col) => !keep.includes(col)).map((col) => `${c(col)} = excluded.${c(col)}`);
    const values = Array.from({ length: rows }, (_, r) => `(${columns.map((_, i) => placeholder(r * columns.length + i + 1)).join(", ")})`).join(", ");
    return `INSERT INTO ${quoteTable(table)} (${columns.map(c).join(", ")}) VALUES ${values} ON CONFLICT (${c(key as string)}) DO UPDATE SET ${set.join(", ")}`;
  },

  combineWrites(main: Statement, others: readonly Statement[]): Statement {
    // Every part runs on the statement's one snapshot; the parts touch distinct rows, so none
    // needs to see another's effect.
    const parts = others.map((s, i) => `${quoteIdentifier(`w${i + 1}`)} AS (${s.sql})`);
    return { sql: parts.length > 0 ? `WITH ${parts.join(", ")} ${main.sql}` : main.sql, params: [main, ...others].flatMap((s) => s.params ?? []) };
  },

  createLog(table: VersionTableName): Statement[] {
    const c = quoteIdentifier;
    return [
      {
        sql:
          `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (` +
          `${c("revision")} varchar(32) NOT NULL, ${c("direction")} varchar(4) NOT NULL, ${c("status")} varchar(16) NOT NULL, ` +
          `${c("checksum")} varchar(64), ${c("statements_done")} integer NOT NULL, ${c("done_statements")} text NOT NULL, ` +
          `${c("progress_hash")} varchar(64), ${c("pending_statement")} text, ${c("error")} text, ${c("updated_at")} varchar(32) NOT NULL, ` +
          `${c("table_state")} text, ` +
          `CONSTRAINT ${c(`${table.name}_pkc`)} PRIMARY KEY (${c("revision")}))`,
      },
    ];
  },

  addLogTableState(table: VersionTableName): Statement {
    return { sql: `ALTER TABLE ${quoteTable(table)} ADD COLUMN ${quoteIdentifier("table_state")} text` };
  },

  columnExists(table: VersionTableName, column: string): Statement {
    return {
      sql:
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid " +
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = COALESCE($1::text, current_schema()) " +
        "AND c.relname = $2::text AND a.attname = $3::text AND a.attnum > 0 AND NOT a.attisdropped) AS exists",
      params: [table.schema ?? null, table.name, column],
    };
  },

  exists(table: VersionTableName): Statement {
    // Without a schema, CREATE TABLE puts the table in current_schema(), so that is where to look.
    return {
      sql:
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = COALESCE($1::text, current_schema()) AND c.relname = $2::text AND c.relkind IN ('r', 'p')) AS exists",
      params: [table.schema ?? null, table.name],
    };
  },
};
