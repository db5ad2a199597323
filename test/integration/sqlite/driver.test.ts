/** The SQLite connection, transactions, the BEGIN IMMEDIATE lock and the foreign-key check, on real files. */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { isMigrateError, type MigrateError } from "../../../src/errors.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/databases.js";

const d = sqliteDialect;

async function failure(promise: Promise<unknown>): Promise<MigrateError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(isMigrateError(error), `expected a MigrateError, got ${String(error)}`).toBe(true);
  return error as MigrateError;
}

let db: TestDatabase;
let conn: Connection;
const extra: Connection[] = [];

async function another(): Promise<Connection> {
  const c = await d.connect(parseDatabaseUrl(db.url));
  extra.push(c);
  return c;
}

async function foreignKeys(c: Connection): Promise<number> {
  const [row] = await c.query<{ foreign_keys: number }>("PRAGMA foreign_keys");
  return row.foreign_keys;
}

beforeEach(async () => {
  db = await createTestDatabase("sqlite");
  conn = await d.connect(parseDatabaseUrl(db.url));
});

afterEach(async () => {
  for (const c of extra.splice(0)) await c.close();
  await conn.close();
  await db.drop();
});

describe("connect", () => {
  it("refuses a file in a missing directory with a hint", async () => {
    const error = await failure(d.connect(parseDatabaseUrl(`sqlite:${join(db.file as string, "..", "missing", "x.db")}`)));
    expect(error.code).toBe("connection");
    expect(error.message).toMatch(/directory .* does not exist/);
    expect(error.hint).toMatch(/Create the directory/);
  });

  it("refuses a directory and a file that is not a database", async () => {
    const dir = join(db.file as string, "..", "adir");
    mkdirSync(dir);
    expect((await failure(d.connect(parseDatabaseUrl(`sqlite:${dir}`)))).message).toMatch(/is a directory/);
    const junk = join(db.file as string, "..", "junk.db");
    writeFileSync(junk, "this is certainly not an SQLite database file, just text".repeat(20));
    const error = await failure(d.connect(parseDatabaseUrl(`sqlite:${junk}`)));
    expect(error.code).toBe("connection");
    expect(error.hint).toMatch(/not an SQLite database/);
  });

  it("opens an in-memory database", async () => {
    const mem = await d.connect(parseDatabaseUrl("sqlite::memory:"));
    extra.push(mem);
    expect(await mem.query("SELECT 1 + 1 AS two")).toEqual([{ two: 2 }]);
  });
});

describe("query", () => {
  it("returns rows for readers, nothing for writes, and counts statements", async () => {
    const before = conn.queryCount;
    expect(await conn.query("CREATE TABLE t (a INTEGER, b TEXT)")).toEqual([]);
    expect(await conn.query("INSERT INTO t VALUES (?, ?), (?, ?)", [1, "x", 2, null])).toEqual([]);
    expect(await conn.query("SELECT a, b FROM t WHERE a >= ? ORDER BY a", [1])).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: null },
    ]);
    expect(await conn.query("INSERT INTO t VALUES (3, 'y') RETURNING a")).toEqual([{ a: 3 }]);
    expect(conn.queryCount - before).toBe(4);
  });

  it("binds booleans, dates, objects and undefined", async () => {
    await conn.query("CREATE TABLE t (a, b, c, d)");
    await conn.query("INSERT INTO t VALUES (?, ?, ?, ?)", [true, new Date("2024-01-02T03:04:05.000Z"), { k: [1] }, undefined]);
    expect(await conn.query("SELECT * FROM t")).toEqual([{ a: 1, b: "2024-01-02T03:04:05.000Z", c: '{"k":[1]}', d: null }]);
  });

  it("runs a multi-statement script without parameters", async () => {
    await conn.query("CREATE TABLE t (a); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);");
    expect(await conn.query("SELECT count(*) AS n FROM t")).toEqual([{ n: 2 }]);
  });

  it("wraps SQL errors with the driver's message and the statement", async () => {
    const error = await failure(conn.query("SELECT nope FROM missing_table"));
    expect(error.code).toBe("sql");
    expect(error.message).toMatch(/no such table: missing_table/);
    expect((error as MigrateError & { statement?: string }).statement).toBe("SELECT nope FROM missing_table");
    expect(error.hint).toBeTruthy();
  });
});

describe("transactions without the lock", () => {
  it("commit keeps and rollback discards; foreign keys are off inside and restored after", async () => {
    await conn.query("CREATE TABLE t (a)");
    expect(await foreignKeys(conn)).toBe(1);
    await conn.begin();
    expect(conn.inTransaction).toBe(true);
    expect(await foreignKeys(conn)).toBe(0);
    await conn.query("INSERT INTO t VALUES (1)");
    await conn.commit();
    expect(await foreignKeys(conn)).toBe(1);
    await conn.begin();
    await conn.query("INSERT INTO t VALUES (2)");
    await conn.rollback();
    expect(conn.inTransaction).toBe(false);
    expect(await conn.query("SELECT a FROM t")).toEqual([{ a: 1 }]);
    expect(await foreignKeys(conn)).toBe(1);
  });
});

describe("the migration lock", () => {
  it("makes begin/commit/rollback savepoints, so a failed revision keeps the earlier ones", async () => {
    await conn.query("CREATE TABLE t (a)");
    const lock = await d.acquireLock(conn, "athanor", 1_000);
    for (const value of [1, 2]) {
      await conn.begin();
      await conn.query("INSERT INTO t VALUES (?)", [value]);
      await conn.commit();
    }
    await conn.begin();
    await conn.query("INSERT INTO t VALUES (3)");
    await conn.rollback();
    await lock.release();
    await lock.release();
    const reader = await another();
    expect(await reader.query("SELECT a FROM t ORDER BY a")).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("holds foreign keys off for the whole command and restores them on release", async () => {
    const lock = await d.acquireLock(conn, "athanor", 1_000);
    expect(await foreignKeys(conn)).toBe(0);
    await lock.release();
    expect(await foreignKeys(conn)).toBe(1);
  });

  it("rolls back a revision left open when the lock is released", async () => {
    await conn.query("CREATE TABLE t (a)");
    const lock = await d.acquireLock(conn, "athanor", 1_000);
    await conn.begin();
    await conn.query("INSERT INTO t VALUES (1)");
    await lock.release();
    expect(conn.inTransaction).toBe(false);
    expect(await conn.query("SELECT a FROM t")).toEqual([]);
  });

  it("makes a second migrator wait, calls onWait once, and times out with a hint", async () => {
    const lock = await d.acquireLock(conn, "athanor", 1_000);
    const other = await another();
    let waits = 0;
    const error = await failure(d.acquireLock(other, "athanor", 300, () => waits++));
    expect(error.code).toBe("lock-timeout");
    expect(error.hint).toMatch(/Another migrate run or an application transaction/);
    expect(waits).toBe(1);
    await lock.release();
    const second = await d.acquireLock(other, "athanor", 300, () => waits++);
    expect(waits).toBe(1);
    await second.release();
  });

  it("gets the lock once the holder releases it while waiting", async () => {
    const lock = await d.acquireLock(conn, "athanor", 1_000);
    const other = await another();
    let waited = false;
    const pending = d.acquireLock(other, "athanor", 10_000, () => {
      waited = true;
      void lock.release();
    });
    const second = await pending;
    expect(waited).toBe(true);
    await second.release();
  });
});

describe("verifyRevision", () => {
  it("passes on a clean database and lists orphaned rows otherwise", async () => {
    await conn.query("CREATE TABLE p (id INTEGER PRIMARY KEY)");
    await conn.query("CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id))");
    await conn.query("INSERT INTO p VALUES (1)");
    await conn.query("INSERT INTO c VALUES (10, 1)");
    await expect(d.verifyRevision?.(conn)).resolves.toBeUndefined();
    const lock = await d.acquireLock(conn, "athanor", 1_000);
    await conn.query("DELETE FROM p");
    const error = await failure(Promise.resolve(d.verifyRevision?.(conn)));
    expect(error.code).toBe("sql");
    expect(error.message).toMatch(/"c" rowid 10 -> missing row in "p"/i);
    await lock.release();
  });

  it("checks only its scope: the touched tables and the tables that reference them", async () => {
    await conn.query("CREATE TABLE p (id INTEGER PRIMARY KEY)");
    await conn.query("CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES P (id))");
    await conn.query("CREATE TABLE other (id INTEGER PRIMARY KEY)");
    await conn.query("CREATE TABLE grandchild (id INTEGER PRIMARY KEY, c_id INTEGER REFERENCES c (id))");
    // As during a migration: foreign keys off, so the orphan can be written.
    const lock = await d.acquireLock(conn, "athanor", 1_000);
    await conn.query("INSERT INTO c VALUES (10, 1)");
    // The orphan in c is found from c itself and from its parent p (in any case), whatever the order.
    for (const scope of [[{ name: "c" }], [{ name: "p" }], [{ name: "P" }], [{ name: "other" }, { name: "p" }]]) {
      const error = await failure(Promise.resolve(d.verifyRevision?.(conn, scope)));
      expect(error.message, JSON.stringify(scope)).toMatch(/1 row\(s\) reference missing parent rows: "c" rowid 10 -> missing row in "p"/i);
    }
    // Not from tables that neither hold it nor are referenced by it, nor from an empty scope.
    await expect(d.verifyRevision?.(conn, [{ name: "other" }, { name: "grandchild" }])).resolves.toBeUndefined();
    await expect(d.verifyRevision?.(conn, [])).resolves.toBeUndefined();
    // A dropped parent: its children are still found by the name they reference.
    await conn.query("INSERT INTO p VALUES (1)");
    await conn.query("DROP TABLE p");
    await expect(failure(Promise.resolve(d.verifyRevision?.(conn, [{ name: "p" }])))).resolves.toMatchObject({ message: /"c" rowid 10 -> missing row in "p"/i });
    await expect(failure(Promise.resolve(d.verifyRevision?.(conn, "any")))).resolves.toMatchObject({ message: /"c" rowid 10/ });
    await lock.release();
  });
});

describe("version table", () => {
  it("creates idempotently and reports existence", async () => {
    const name = { name: "athanor_version" };
    const exists = d.versionTable.exists(name);
    const present = async (): Promise<unknown> => Object.values((await conn.query(exists.sql, exists.params))[0])[0];
    await expect(present()).resolves.toBeFalsy();
    for (let i = 0; i < 2; i++) for (const s of d.versionTable.create(name)) await conn.query(s.sql, s.params);
    expect(await present()).toBeTruthy();
    await conn.query("INSERT INTO athanor_version VALUES ('abc')");
    await expect(conn.query("INSERT INTO athanor_version VALUES ('abc')")).rejects.toMatchObject({ code: "sql" });
  });
});
