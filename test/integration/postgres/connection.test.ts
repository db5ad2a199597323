/**
 * Connecting to PostgreSQL for real: statement counting, transactions, and connection failures
 * that become ConnectionErrors without ever showing the password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable, SERVER_URLS } from "../../helpers/databases.js";
import { expectConnectionFailure } from "../../helpers/connection-failure.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { SqlError } from "../../../src/errors.js";
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
