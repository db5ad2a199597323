/**
 * SQL for athanor's version table on PostgreSQL: `version_num varchar(32)` with a named primary
 * key, like Alembic's, optionally in its own schema.
 */
import type { Statement, VersionTableName, VersionTableSql } from "../dialect.js";
import { quoteIdentifier, quoteTable } from "./quote.js";

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
