/**
 * Shared setup for the PostgreSQL integration tests: a fresh database per suite, a connection
 * through the dialect itself, and helpers that compile and run operations for real.
 */
import { compileLive } from "../../helpers/live-compile.js";
import { expect } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../helpers/databases.js";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection, Statement } from "../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import type { Operation } from "../../../src/operations/types.js";
import type { DatabaseSchema, TableSchema } from "../../../src/catalog/types.js";

/** A fresh database with an open connection. */
export interface PgKit {
  db: TestDatabase;
  conn: Connection;
  /** Compiles each operation and runs its statements (outside any transaction). */
  apply(...ops: Operation[]): Promise<Statement[]>;
  /** The reflected table, or undefined. */
  table(name: string, schema?: string | null): Promise<TableSchema | undefined>;
  /** Reflects the schemas the kit was opened with. */
  reflectAll(): Promise<DatabaseSchema>;
  /** Applies `forward`, runs `check` on the new schema, applies `inverse`, expects the schema it started from. */
  roundTrip(forward: Operation[], inverse: Operation[], check: (after: DatabaseSchema) => void | Promise<void>): Promise<void>;
  /** Runs a query and returns its rows. */
  rows(query: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Creates a fresh database (and `schemas` other than public) and connects to it through the dialect. */
export async function openKit(schemas: string[] = ["public"]): Promise<PgKit> {
  const db = await createTestDatabase("postgres");
  const conn = await postgresDialect.connect(parseDatabaseUrl(db.url));
  for (const schema of schemas) await conn.query(`CREATE SCHEMA IF NOT EXISTS ${postgresDialect.quoteIdentifier(schema)}`);
  const kit: PgKit = {
    db,
    conn,
    async apply(...ops) {
      const all: Statement[] = [];
      for (const op of ops) {
        const statements = await compileLive(postgresDialect, conn, op);
        for (const s of statements) await conn.query(s.sql, s.params);
        all.push(...statements);
      }
      return all;
    },
    table: (name, schema = null) => postgresDialect.reflectTable(conn, { schema, name }),
    reflectAll: () => postgresDialect.reflect(conn, { schemas }),
    async roundTrip(forward, inverse, check) {
      const before = await kit.reflectAll();
      await kit.apply(...forward);
      const after = await kit.reflectAll();
      expect(after).not.toEqual(before);
      await check(after);
      await kit.apply(...inverse);
      expect(await kit.reflectAll()).toEqual(before);
    },
    rows: (query) => conn.query(query),
    async close() {
      await conn.close();
      await db.drop();
    },
  };
  return kit;
}
