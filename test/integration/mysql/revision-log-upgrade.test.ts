/**
 * A revision log an older version created (without `table_state`) on MySQL: ensure() adds the
 * column once, found by its catalog lookup, and a second ensure() adds nothing (a wrong lookup
 * would run the ALTER again and fail on the duplicate column).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { RevisionLog } from "../../../src/runtime/revision-log.js";
import { openKit, type MysqlKit } from "./mysql-test-kit.js";

const available = await serverAvailable("mysql");

describe.skipIf(!available)("mysql revision log from an older version", () => {
  let kit: MysqlKit;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("gains table_state once and keeps its rows", async () => {
    await kit.conn.query(
      "CREATE TABLE athanor_version_log (revision VARCHAR(32) NOT NULL PRIMARY KEY, direction VARCHAR(4) NOT NULL, status VARCHAR(16) NOT NULL, checksum VARCHAR(64), statements_done INTEGER NOT NULL, done_statements LONGTEXT NOT NULL, progress_hash VARCHAR(64), pending_statement LONGTEXT, error LONGTEXT, updated_at VARCHAR(32) NOT NULL)",
    );
    await kit.conn.query("INSERT INTO athanor_version_log VALUES ('old', 'up', 'failed', NULL, 1, '[\"A\"]', 'h', NULL, 'e', 't')");
    const log = new RevisionLog(kit.conn, mysqlDialect, { name: "athanor_version", schema: null });
    const probe = mysqlDialect.versionTable.columnExists({ name: "athanor_version_log", schema: null }, "table_state");
    expect(Number(Object.values((await kit.conn.query(probe.sql, probe.params))[0] ?? {})[0])).toBe(0);
    await log.ensure();
    await log.ensure();
    expect(Number(Object.values((await kit.conn.query(probe.sql, probe.params))[0] ?? {})[0])).toBe(1);
    await log.update({ ...(await log.get("old"))!, tableState: "[]" });
    expect(await log.get("old")).toMatchObject({ revision: "old", status: "failed", tableState: "[]" });
  });
});
