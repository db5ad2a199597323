/** The GET_LOCK migration lock between two real sessions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { lockName } from "../../../src/dialects/mysql/lock.js";
import { MigrateError } from "../../../src/errors.js";
import { openKit, type MysqlKit } from "./mysql-test-kit.js";

const available = await serverAvailable("mysql");

describe.skipIf(!available)("mysql GET_LOCK migration lock", () => {
  let kit: MysqlKit;
  let second: Connection;
  let database: string;
  beforeAll(async () => {
    kit = await openKit();
    second = await mysqlDialect.connect(parseDatabaseUrl(kit.db.url));
    database = ((await kit.conn.query<{ db: string }>("SELECT DATABASE() AS db"))[0] as { db: string }).db;
  });
  afterAll(async () => {
    await second?.close();
    await kit?.close();
  });

  it("makes a second session time out with lock-timeout while the first holds it, then lets it in", async () => {
    const held = await mysqlDialect.acquireLock(kit.conn, "version", 1000);
    const [holder] = await second.query<{ holder: number | null; me: number }>("SELECT IS_USED_LOCK(?) AS holder, CONNECTION_ID() AS me", [lockName(database, "version")]);
    const [first] = await kit.conn.query<{ me: number }>("SELECT CONNECTION_ID() AS me");
    expect(Number(holder?.holder)).toBe(Number(first?.me));

    let waits = 0;
    const error = await mysqlDialect.acquireLock(second, "version", 300, () => waits++).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe("lock-timeout");
    expect((error as MigrateError).hint).toMatch(/--lock-timeout/);
    expect((error as MigrateError).hint).toMatch(/IS_USED_LOCK/);
    expect(waits).toBe(1);

    await held.release();
    await held.release();
    const mine = await mysqlDialect.acquireLock(second, "version", 1000);
    const [now] = await kit.conn.query<{ holder: number | null }>("SELECT IS_USED_LOCK(?) AS holder", [lockName(database, "version")]);
    expect(now?.holder).not.toBeNull();
    await mine.release();
  });

  it("different keys do not block each other", async () => {
    const a = await mysqlDialect.acquireLock(kit.conn, "a", 0);
    const b = await mysqlDialect.acquireLock(second, "b", 0);
    await a.release();
    await b.release();
  });

  it("a session that dies releases its lock", async () => {
    const doomed = await mysqlDialect.connect(parseDatabaseUrl(kit.db.url));
    const held = await mysqlDialect.acquireLock(doomed, "dies", 0);
    await doomed.close();
    const taken = await mysqlDialect.acquireLock(second, "dies", 5000);
    await taken.release();
    // Releasing through a closed connection is harmless: the server already let go.
    await held.release();
  });
});
