/**
 * Connecting to MySQL/MariaDB for real: statement counting, transactions, and connection
 * failures that become ConnectionErrors without ever showing the password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable, SERVER_URLS } from "../../helpers/databases.js";
import { expectConnectionFailure } from "../../helpers/connection-failure.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import type { ConnectionError } from "../../../src/errors.js";
import { openKit, type MysqlKit } from "./mysql-test-kit.js";

const available = await serverAvailable("mysql");
const PASSWORD = "Sup3r-$ecret-pw";

/** The local server's URL with a password and another port or database. */
function variant(change: { port?: string; database?: string; password?: boolean }): string {
  const url = new URL(SERVER_URLS.mysql);
  if (change.password !== false) url.password = encodeURIComponent(PASSWORD);
  if (change.port) url.port = change.port;
  if (change.database !== undefined) url.pathname = `/${change.database}`;
  return url.toString();
}

async function connectError(raw: string): Promise<ConnectionError> {
  const e = await expectConnectionFailure(mysqlDialect, raw, [PASSWORD, encodeURIComponent(PASSWORD)]);
  expect(e.hint).toBeTruthy();
  return e;
}

describe.skipIf(!available)("mysql connection", () => {
  let kit: MysqlKit;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("runs queries with bound values, returns [] for DDL, and counts statements", async () => {
    const before = kit.conn.queryCount;
    expect(await kit.conn.query("CREATE TABLE `t` (`a` int, `b` varchar(20))")).toEqual([]);
    expect(await kit.conn.query("INSERT INTO `t` VALUES (?, ?)", [1, "x ' ? \\"])).toEqual([]);
    expect(await kit.conn.query("SELECT `a`, `b` FROM `t` WHERE `b` = ?", ["x ' ? \\"])).toEqual([{ a: 1, b: "x ' ? \\" }]);
    expect(kit.conn.queryCount - before).toBe(3);
  });

  it("commits and rolls back data changes", async () => {
    await kit.conn.query("CREATE TABLE `tx` (`a` int) ENGINE=InnoDB");
    await kit.conn.begin();
    expect(kit.conn.inTransaction).toBe(true);
    await kit.conn.query("INSERT INTO `tx` VALUES (?)", [1]);
    await kit.conn.rollback();
    expect(kit.conn.inTransaction).toBe(false);
    await kit.conn.begin();
    await kit.conn.query("INSERT INTO `tx` VALUES (?)", [2]);
    await kit.conn.commit();
    expect(kit.conn.inTransaction).toBe(false);
    expect(await kit.conn.query("SELECT `a` FROM `tx`")).toEqual([{ a: 2 }]);
  });

  it("manages the version table", async () => {
    const name = { name: "athanor_version" };
    const exists = mysqlDialect.versionTable.exists(name);
    const present = async () => Boolean(Object.values((await kit.conn.query(exists.sql, exists.params))[0] ?? {})[0]);
    expect(await present()).toBe(false);
    for (let i = 0; i < 2; i++) for (const s of mysqlDialect.versionTable.create(name)) await kit.conn.query(s.sql, s.params);
    expect(await present()).toBe(true);
    await kit.conn.query("INSERT INTO `athanor_version` (`version_num`) VALUES (?)", ["3f2a9c1b7d4e"]);
    const table = await mysqlDialect.reflectTable(kit.conn, name);
    expect(table?.primaryKey).toEqual({ name: null, columns: ["version_num"] });
    expect(table?.columns[0]?.type).toEqual({ kind: "varchar", length: 32 });
    const others = await mysqlDialect.reflect(kit.conn, { excludeTables: ["athanor_version"] });
    expect(others.tables.map((t) => t.name)).not.toContain("athanor_version");
  });

  it("reports a refused port as a connection error", async () => {
    const e = await connectError(variant({ port: "1" }));
    expect(e.code).toBe("connection");
    expect(e.message).toContain("127.0.0.1:1");
  });

  it("reports a missing database with a CREATE DATABASE hint", async () => {
    const e = await connectError(variant({ database: "athanor_no_such_db", password: false }));
    expect(e.code).toBe("database-missing");
    expect(e.hint).toContain("CREATE DATABASE `athanor_no_such_db`");
  });

  it("reports a wrong password for root as auth, never showing it", async () => {
    const e = await connectError(variant({}));
    expect(e.code).toBe("auth");
    expect(e.message).toMatch(/root/);
  });

  it("refuses a URL without a database", async () => {
    const e = await connectError(variant({ database: "" }));
    expect(e.code).toBe("url");
  });
});
