/**
 * Shared helpers for the MySQL/MariaDB integration tests: a fresh database with an open
 * connection, running operations through the dialect (offline or with live table state), and
 * builders for tables in the canonical form reflection returns.
 */
import { compileLive } from "../../helpers/live-compile.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/databases.js";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { CompileContext, Connection } from "../../../src/dialects/dialect.js";
import type { Operation } from "../../../src/operations/types.js";
import type { ColumnSchema, ColumnType, TableSchema } from "../../../src/catalog/types.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";

/** A throwaway database and a connection to it. */
export interface MysqlKit {
  db: TestDatabase;
  conn: Connection;
  /** Compiles and runs operations; `online` lets compile read live table state. */
  run(ops: Operation | Operation[], options?: { online?: boolean }): Promise<void>;
  /** The reflected table, or undefined. */
  table(name: string): Promise<TableSchema | undefined>;
  /** All rows of a table ordered by the given column. */
  rows(table: string, orderBy: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Opens a kit on a fresh database. */
export async function openKit(): Promise<MysqlKit> {
  const db = await createTestDatabase("mysql");
  const conn = await mysqlDialect.connect(parseDatabaseUrl(db.url));
  const offline: CompileContext = { offline: true, tableState: () => undefined };
  return {
    db,
    conn,
    async run(ops, options = {}) {
      for (const op of Array.isArray(ops) ? ops : [ops]) {
        for (const statement of options.online ? await compileLive(mysqlDialect, conn, op) : await mysqlDialect.compile(op, offline)) {
          await conn.query(statement.sql, statement.params);
        }
      }
    },
    table: (name) => mysqlDialect.reflectTable(conn, { name }),
    rows: (table, orderBy) =>
      conn.query(`SELECT * FROM ${mysqlDialect.quoteIdentifier(table)} ORDER BY ${mysqlDialect.quoteIdentifier(orderBy)}`),
    async close() {
      try {
        await conn.close();
      } finally {
        await db.drop();
      }
    },
  };
}

/** A column in the canonical form reflection returns (every optional field explicit). */
export function col(name: string, type: ColumnType, extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable: true, default: null, generated: null, comment: null, onUpdate: null, collation: null, ...extra };
}

/** A table in the canonical form reflection returns. */
export function table(name: string, extra: Partial<TableSchema> = {}): TableSchema {
  return { schema: null, name, columns: [], primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: null, ...extra };
}
