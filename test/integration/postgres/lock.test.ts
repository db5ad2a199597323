/** The advisory migration lock between two real sessions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { MigrateError } from "../../../src/errors.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("postgres advisory lock", () => {
  let kit: PgKit;
  let second: Connection;
  beforeAll(async () => {
    kit = await openKit();
    second = await postgresDialect.connect(parseDatabaseUrl(kit.db.url));
  });
  afterAll(async () => {
    await second?.close();
    await kit?.close();
  });

  it("makes a second session time out with lock-timeout while the first holds it, then lets it in", async () => {
    const key = `athanor:${kit.db.url}`;
    const held = await postgresDialect.acquireLock(kit.conn, key, 1000);
    let waits = 0;
    const error = await postgresDialect.acquireLock(second, key, 200, () => waits++).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe("lock-timeout");
    expect((error as MigrateError).message).toMatch(/held by backend PID \d+/);
    expect((error as MigrateError).hint).toMatch(/--lock-timeout/);
    expect((error as MigrateError).hint).toMatch(/pg_locks/);
    expect(waits).toBe(1);

    await held.release();
    await held.release();
    const mine = await postgresDialect.acquireLock(second, key, 200, () => waits++);
    expect(waits).toBe(1);
    await mine.release();
  });

  it("is released when the holding session ends", async () => {
    const key = "athanor:dies";
    const doomed = await postgresDialect.connect(parseDatabaseUrl(kit.db.url));
    await postgresDialect.acquireLock(doomed, key, 1000);
    await doomed.close();
    const lock = await postgresDialect.acquireLock(second, key, 5000);
    await lock.release();
  });

  it("lets a waiting session in once the holder releases", async () => {
    const key = "athanor:handover";
    const held = await postgresDialect.acquireLock(kit.conn, key, 1000);
    let waited = false;
    const waiting = postgresDialect.acquireLock(second, key, 30_000, () => {
      waited = true;
      void held.release();
    });
    const lock = await waiting;
    expect(waited).toBe(true);
    await lock.release();
  });

  it("does not block different keys", async () => {
    const a = await postgresDialect.acquireLock(kit.conn, "athanor:a", 0);
    const b = await postgresDialect.acquireLock(second, "athanor:b", 0);
    await a.release();
    await b.release();
  });
});
