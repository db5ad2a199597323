/**
 * Connecting to PostgreSQL for real: statement counting, transactions, and connection failures
 * that become ConnectionErrors without ever showing the password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable, SERVER_URLS } from "../../helpers/databases.js";
import { expectConnectionFailure } from "../../helpers/connection-failure.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { SqlError } from "../../../src/errors.js";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");
const PASSWORD = "Sup3r-Secret-pw";

/** The local server's URL with another user, password, port or database. */
function variant(change: { user?: string; port?: string; host?: string; database?: string }): string {
  const url = new URL(SERVER_URLS.postgres);
  if (change.user) url.username = change.user;
  url.password = PASSWORD;
  if (change.host) url.hostname = change.host;
  if (change.port) url.port = change.port;
  if (change.database) url.pathname = `/${change.database}`;
  return url.toString();
}

const connectError = (raw: string) => expectConnectionFailure(postgresDialect, raw, [PASSWORD]);

describe.skipIf(!available)("postgres connection", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("runs queries with bound values and counts statements", async () => {
    const before = kit.conn.queryCount;
    const rows = await kit.conn.query<{ v: string }>("SELECT $1::text || $2::text AS v", ["a'", "b"]);
    expect(rows).toEqual([{ v: "a'b" }]);
    expect(await kit.conn.query("CREATE TABLE counted (id int)")).toEqual([]);
    expect(kit.conn.queryCount).toBe(before + 2);
  });

  it("tracks transactions, and ROLLBACK undoes DDL", async () => {
    expect(kit.conn.inTransaction).toBe(false);
    await kit.conn.begin();
    expect(kit.conn.inTransaction).toBe(true);
    await kit.conn.query("CREATE TABLE rolled_back (id int)");
    await kit.conn.rollback();
    expect(kit.conn.inTransaction).toBe(false);
    expect(await kit.table("rolled_back")).toBeUndefined();

    await kit.conn.begin();
    await kit.conn.query("CREATE TABLE committed (id int)");
    await kit.conn.commit();
    expect(kit.conn.inTransaction).toBe(false);
    expect((await kit.table("committed"))?.name).toBe("committed");
  });

  it("sends BEGIN just before the transaction's first statement, and nothing for a transaction in which nothing ran", async () => {
    const other = await postgresDialect.connect(parseDatabaseUrl(kit.db.url));
    try {
      const visible = async (name: string) => (await other.query("SELECT to_regclass($1) IS NOT NULL AS found", [name]))[0]?.found;
      const before = kit.conn.queryCount;
      await kit.conn.begin();
      await kit.conn.query("CREATE TABLE begun_with_ddl (id int)");
      // Inside a transaction: another session does not see the table before COMMIT.
      expect(await visible("begun_with_ddl")).toBe(false);
      await kit.conn.commit();
      expect(await visible("begun_with_ddl")).toBe(true);
      // BEGIN, the statement and COMMIT, each a message of its own (tools that count statements see each).
      expect(kit.conn.queryCount - before).toBe(3);

      // ROLLBACK undoes everything since the first statement.
      await kit.conn.begin();
      await kit.conn.query("INSERT INTO begun_with_ddl VALUES ($1)", [7]);
      await kit.conn.query("DROP TABLE begun_with_ddl");
      expect(await visible("begun_with_ddl")).toBe(true);
      await kit.conn.rollback();
      expect(await kit.conn.query("SELECT id FROM begun_with_ddl")).toEqual([]);

      // A transaction in which nothing ran costs no round trip at all.
      const idle = kit.conn.queryCount;
      await kit.conn.begin();
      await kit.conn.commit();
      expect(kit.conn.queryCount).toBe(idle);

      // A failing first statement leaves the block aborted: rollback clears it.
      await kit.conn.begin();
      const error = await kit.conn.query("CREATE TABLE begun_with_ddl (id int)").catch((e: unknown) => e);
      expect((error as SqlError).statement).toBe("CREATE TABLE begun_with_ddl (id int)");
      expect(String((await kit.conn.query("SELECT 1 AS one").catch((e: unknown) => e)) as unknown)).toContain("25P02");
      await kit.conn.rollback();
      expect(await kit.conn.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await other.close();
    }
  });

  it("commits a durable: false transaction without waiting for its flush; the next durable commit that writes flushes it", async () => {
    const setting = async () => (await kit.conn.query<{ synchronous_commit: string }>("SHOW synchronous_commit"))[0]?.synchronous_commit;
    const sessionDefault = await setting();
    await kit.conn.begin({ durable: false });
    expect(await setting()).toBe("off");
    await kit.conn.query("CREATE TABLE committed_lazily (id int)");
    await kit.conn.commit();
    // SET LOCAL: the session (and, behind a pooler, whoever gets the server connection next) keeps its own setting.
    expect(await setting()).toBe(sessionDefault);
    const [{ written }] = (await kit.conn.query<{ written: string }>("SELECT pg_catalog.pg_current_wal_insert_lsn()::text AS written")) as [{ written: string }];

    // What the runner relies on: WAL is flushed in order, so a durable commit that wrote covers the earlier one.
    await kit.conn.begin();
    await kit.conn.query("INSERT INTO committed_lazily VALUES (1)");
    await kit.conn.commit();
    const [{ flushed }] = (await kit.conn.query<{ flushed: boolean }>("SELECT pg_catalog.pg_current_wal_flush_lsn() >= $1::pg_lsn AS flushed", [written])) as [{ flushed: boolean }];
    expect(flushed).toBe(true);
    await kit.conn.query("DROP TABLE committed_lazily");
  });

  it("commits and opens the next transaction in one round trip, or leaves none open when the commit fails", async () => {
    const other = await postgresDialect.connect(parseDatabaseUrl(kit.db.url));
    const setting = async () => (await kit.conn.query<{ synchronous_commit: string }>("SHOW synchronous_commit"))[0]?.synchronous_commit;
    try {
      const visible = async (name: string) => (await other.query("SELECT to_regclass($1) IS NOT NULL AS found", [name]))[0]?.found;
      await kit.conn.begin({ durable: false });
      await kit.conn.query("CREATE TABLE chained_one (id int)");
      const before = kit.conn.queryCount;
      await kit.conn.commitAndBegin?.({ durable: false });
      expect(kit.conn.queryCount - before).toBe(1);
      // The first is committed; the second is open on the server, with its own setting.
      expect(await visible("chained_one")).toBe(true);
      expect(kit.conn.inTransaction).toBe(true);
      expect(await setting()).toBe("off");
      await kit.conn.query("CREATE TABLE chained_two (id int)");
      expect(await visible("chained_two")).toBe(false);
      await kit.conn.rollback();
      expect(await visible("chained_two")).toBe(false);

      // A commit that fails (a deferred check) rolls back, and the BEGIN after it in the message never runs.
      await kit.conn.query("CREATE TABLE chained_parent (id int PRIMARY KEY)");
      await kit.conn.query("CREATE TABLE chained_child (parent int REFERENCES chained_parent DEFERRABLE INITIALLY DEFERRED)");
      await kit.conn.begin();
      await kit.conn.query("INSERT INTO chained_child VALUES (1)");
      const error = await kit.conn.commitAndBegin?.().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SqlError);
      expect(kit.conn.inTransaction).toBe(false);
      expect(await kit.conn.query("SELECT count(*)::int AS n FROM chained_child")).toEqual([{ n: 0 }]);
      // Not inside a transaction: a statement now commits on its own, which another session sees.
      await kit.conn.query("CREATE TABLE chained_after (id int)");
      expect(await visible("chained_after")).toBe(true);

      // Nothing ran: nothing to commit, and the next BEGIN waits for its first statement as ever.
      await kit.conn.begin();
      const idle = kit.conn.queryCount;
      await kit.conn.commitAndBegin?.();
      expect(kit.conn.queryCount).toBe(idle);
      expect(kit.conn.inTransaction).toBe(true);
      await kit.conn.commit();
      for (const t of ["chained_one", "chained_child", "chained_parent", "chained_after"]) await kit.conn.query(`DROP TABLE ${t}`);
    } finally {
      await other.close();
    }
  });

  it("reports a failed statement as an SqlError with the SQLSTATE", async () => {
    const error = await kit.conn.query("SELECT * FROM no_such_table").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).message).toContain("42P01");
    expect((error as SqlError).statement).toBe("SELECT * FROM no_such_table");
  });

  it("maps a refused port to code connection, naming host:port", async () => {
    const e = await connectError(variant({ host: "127.0.0.1", port: "1" }));
    expect(e.code).toBe("connection");
    expect(e.message).toBe("Could not connect to PostgreSQL at 127.0.0.1:1: connection refused.");
    expect(e.hint).toMatch(/server running/);
  });

  it("maps an unknown host to code connection", async () => {
    const e = await connectError(variant({ host: "no-such-host.invalid" }));
    expect(e.code).toBe("connection");
    expect(e.message).toContain("no-such-host.invalid");
  });

  it("maps a missing database to database-missing with a createdb hint", async () => {
    const e = await connectError(variant({ database: "athanor_no_such_db" }));
    expect(e.code).toBe("database-missing");
    expect(e.message).toContain('"athanor_no_such_db"');
    expect(e.hint).toContain("createdb athanor_no_such_db");
  });

  it("maps an unknown role to auth", async () => {
    const e = await connectError(variant({ user: "athanor_no_such_role" }));
    expect(e.code).toBe("auth");
    expect(e.message).toContain("athanor_no_such_role");
    expect(e.hint).toMatch(/user and password/);
  });
});
