/**
 * A small stand-in for the migration runtime, for SQLite dialect tests: a real database file,
 * and `run(...ops)` that does what the runner does for one revision — lock, begin, compile each
 * operation against the live table definitions, execute, honour `checkForeignKeys`, verify the
 * foreign keys of what the operations touched, commit (or roll back on failure), release.
 */
import { compileLive } from "../../helpers/live-compile.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/databases.js";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { Operation } from "../../../src/operations/types.js";
import { ForeignKeyScopeCollector, foreignKeyScope } from "../../../src/runtime/foreign-key-scope.js";
import type { TableSchema } from "../../../src/catalog/types.js";

/** A test database with a connection and a one-revision runner. */
export interface Harness {
  db: TestDatabase;
  conn: Connection;
  /** Runs the operations as one revision; throws (after rolling back) if any fails. */
  run(...ops: Operation[]): Promise<void>;
  /** The reflected table, or undefined. */
  table(name: string): Promise<TableSchema | undefined>;
  /** Rows of a query. */
  rows(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Opens a fresh SQLite file. */
export async function openHarness(): Promise<Harness> {
  const db = await createTestDatabase("sqlite");
  const conn = await sqliteDialect.connect(parseDatabaseUrl(db.url));
  return {
    db,
    conn,
    async run(...ops) {
      const lock = await sqliteDialect.acquireLock(conn, "athanor", 5_000);
      try {
        await conn.begin();
        const touched = new ForeignKeyScopeCollector();
        try {
          for (const op of ops) {
            const scope = foreignKeyScope(op);
            touched.add(scope);
            for (const statement of await compileLive(sqliteDialect, conn, op)) {
              await conn.query(statement.sql, statement.params);
              if (statement.checkForeignKeys) await sqliteDialect.verifyRevision?.(conn, scope);
            }
          }
          await sqliteDialect.verifyRevision?.(conn, touched.scope);
          await conn.commit();
        } catch (error) {
          await conn.rollback();
          throw error;
        }
      } finally {
        await lock.release();
      }
    },
    table: (name) => sqliteDialect.reflectTable(conn, { name }),
    rows: (sql, params) => conn.query(sql, params),
    async close() {
      await conn.close();
      await db.drop();
    },
  };
}
