/**
 * Test databases. Each test creates its own uniquely named database on the live servers and drops
 * it afterwards; nothing is mocked. When a server is unreachable the dialect's tests are skipped
 * with a loud message, except under CI=true, where they fail.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import mysql from "mysql2/promise";

/** Base URLs of the local servers (overridable for other machines). */
export const SERVER_URLS = {
  postgres: process.env.ATHANOR_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  mysql: process.env.ATHANOR_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test",
};

export type ServerDialect = keyof typeof SERVER_URLS;
export type TestDialect = ServerDialect | "sqlite";

const reachable = new Map<ServerDialect, Promise<boolean>>();

async function probe(dialect: ServerDialect): Promise<boolean> {
  try {
    if (dialect === "postgres") {
      const client = new pg.Client({ connectionString: SERVER_URLS.postgres, connectionTimeoutMillis: 3000 });
      await client.connect();
      await client.end();
    } else {
      const conn = await mysql.createConnection({ uri: SERVER_URLS.mysql, connectTimeout: 3000 });
      await conn.end();
    }
    return true;
  } catch (error) {
    const message = `${dialect} server unreachable at ${SERVER_URLS[dialect]}: ${(error as Error).message}`;
    if (process.env.CI === "true") throw new Error(`${message} (CI=true: a dialect whose server is unreachable fails the run)`);
    console.warn(`\n!!!!! SKIPPING ${dialect.toUpperCase()} TESTS — ${message}\n`);
    return false;
  }
}

/** Whether the server for `dialect` answers; memoised per process. Throws under CI=true when it does not. */
export function serverAvailable(dialect: TestDialect): Promise<boolean> {
  if (dialect === "sqlite") return Promise.resolve(true);
  let p = reachable.get(dialect);
  if (!p) {
    p = probe(dialect);
    reachable.set(dialect, p);
  }
  return p;
}

/** A throwaway database: its URL and a function that drops it. */
export interface TestDatabase {
  dialect: TestDialect;
  url: string;
  /** For SQLite, the file path. */
  file?: string;
  drop(): Promise<void>;
}

function uniqueName(): string {
  return `athanor_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates a fresh, empty database for `dialect`. */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const name = uniqueName();
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "athanor-sqlite-"));
    const file = join(dir, `${name}.db`);
    return { dialect, url: `sqlite:${file}`, file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (dialect === "postgres") {
    const admin = new pg.Client({ connectionString: SERVER_URLS.postgres });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    return {
      dialect,
      url: withDatabase(SERVER_URLS.postgres, name),
      drop: async () => {
        const c = new pg.Client({ connectionString: SERVER_URLS.postgres });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const admin = await mysql.createConnection({ uri: SERVER_URLS.mysql });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await admin.end();
  return {
    dialect,
    url: withDatabase(SERVER_URLS.mysql, name),
    drop: async () => {
      const c = await mysql.createConnection({ uri: SERVER_URLS.mysql });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** All three dialects, for `describe.each`. */
export const ALL_DIALECTS: TestDialect[] = ["sqlite", "postgres", "mysql"];
