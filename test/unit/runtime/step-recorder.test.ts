/**
 * The revision log and the step recorder on a real (in-memory) SQLite database, in autocommit
 * mode as on MySQL: progress is written statement by statement, a failure is recorded with its
 * statement, and a resumed step skips exactly the statements that ran — or refuses, running
 * nothing, when they are no longer the same.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { Operations } from "../../../src/operations/index.js";
import type { Step } from "../../../src/revisions/index.js";
import { OnlineSink } from "../../../src/runtime/online-sink.js";
import { RevisionLog, type LogEntry } from "../../../src/runtime/revision-log.js";
import { callRevision } from "../../../src/runtime/revision-step.js";
import { chainHash, StepRecorder } from "../../../src/runtime/step-recorder.js";

let conn: Connection;
let log: RevisionLog;
const step: Step = { revision: "r1", direction: "up", rowsBefore: [], rowsAfter: ["r1"] };

beforeEach(async () => {
  conn = await sqliteDialect.connect(parseDatabaseUrl("sqlite::memory:"));
  log = new RevisionLog(conn, sqliteDialect, { name: "athanor_version", schema: null });
});

afterEach(async () => conn.close());

/** Runs `statements` as a revision through a sink with a recorder; returns the error, if any. */
async function runRevision(statements: string[], resume?: LogEntry, query = false): Promise<unknown> {
  const recorder = new StepRecorder({ log, step, checksum: "abc", resume });
  const sink = new OnlineSink(conn, sqliteDialect, recorder);
  const mod = {
    async upgrade(op: Operations) {
      if (query) await op.query("SELECT 1 AS one");
      for (const s of statements) await op.execute(s);
    },
    async downgrade() {},
  };
  try {
    await recorder.start();
    await callRevision(mod, step, sink);
    await recorder.finish();
    return undefined;
  } catch (error) {
    await recorder.fail(error);
    return error;
  }
}

async function tables(): Promise<string[]> {
  const rows = await conn.query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 't%' ORDER BY name");
  return rows.map((r) => r.name);
}

describe("RevisionLog", () => {
  it("adds table_state to a log table an older version created, and reads the old rows", async () => {
    await conn.query(
      "CREATE TABLE athanor_version_log (revision VARCHAR(32) NOT NULL PRIMARY KEY, direction VARCHAR(4) NOT NULL, status VARCHAR(16) NOT NULL, checksum VARCHAR(64), statements_done INTEGER NOT NULL, done_statements TEXT NOT NULL, progress_hash VARCHAR(64), pending_statement TEXT, error TEXT, updated_at VARCHAR(32) NOT NULL)",
    );
    await conn.query("INSERT INTO athanor_version_log VALUES ('old', 'up', 'failed', NULL, 1, '[\"A\"]', 'h', NULL, 'e', 't')");
    expect((await log.get("old"))?.tableState).toBeUndefined();
    await log.ensure();
    const columns = await conn.query<{ name: string }>("SELECT name FROM pragma_table_info('athanor_version_log')");
    expect(columns.map((c) => c.name)).toContain("table_state");
    await log.update({ ...(await log.get("old"))!, tableState: "[]" });
    expect((await log.get("old"))?.tableState).toBe("[]");
    await conn.query("DROP TABLE athanor_version_log");
  });


  it("reads nothing before the table exists, then round-trips entries", async () => {
    expect(await log.all()).toEqual([]);
    await log.ensure();
    await log.ensure();
    const entry: LogEntry = { revision: "x", direction: "down", status: "failed", checksum: null, statementsDone: 2, doneStatements: ["A", "B"], progressHash: "h", pendingStatement: "C", error: "e", updatedAt: "t", tableState: '[{"name":"t"}]' };
    await log.put(entry);
    await log.put({ ...entry, revision: "y", status: "done" });
    expect(await log.get("x")).toEqual(entry);
    expect((await log.partial()).map((e) => e.revision)).toEqual(["x"]);
    await log.update({ ...entry, status: "done" });
    expect(await log.partial()).toEqual([]);
    await log.remove("x");
    expect((await log.all()).map((e) => e.revision)).toEqual(["y"]);
  });
});

describe("StepRecorder", () => {
  beforeEach(async () => log.ensure());

  it("records every statement and marks the step done with the file checksum", async () => {
    expect(await runRevision(["CREATE TABLE t1 (id int)", "CREATE TABLE t2 (id int)"])).toBeUndefined();
    const entry = await log.get("r1");
    expect(entry).toMatchObject({ status: "done", direction: "up", checksum: "abc", statementsDone: 2, doneStatements: ["CREATE TABLE t1 (id int)", "CREATE TABLE t2 (id int)"], pendingStatement: null });
    expect(entry?.progressHash).toBe(chainHash(chainHash(null, { sql: "CREATE TABLE t1 (id int)", params: [] }), { sql: "CREATE TABLE t2 (id int)", params: [] }));
  });

  it("a failure keeps the statements that ran and names the one that failed", async () => {
    const error = await runRevision(["CREATE TABLE t1 (id int)", "CREATE TABLE t1 (id int)", "CREATE TABLE t3 (id int)"]);
    expect(error).toBeInstanceOf(Error);
    expect(await log.get("r1")).toMatchObject({ status: "failed", statementsDone: 1, pendingStatement: "CREATE TABLE t1 (id int)", error: expect.stringContaining("already exists") });
    expect(await tables()).toEqual(["t1"]);
  });

  it("a resumed step skips what ran and continues after it", async () => {
    await runRevision(["CREATE TABLE t1 (id int)", "CREATE TABLE t1 (id int)", "CREATE TABLE t3 (id int)"]);
    const partial = (await log.get("r1")) as LogEntry;
    expect(await runRevision(["CREATE TABLE t1 (id int)", "CREATE TABLE t2 (id int)", "CREATE TABLE t3 (id int)"], partial)).toBeUndefined();
    expect(await tables()).toEqual(["t1", "t2", "t3"]);
    expect(await log.get("r1")).toMatchObject({ status: "done", statementsDone: 3, error: null, doneStatements: ["CREATE TABLE t1 (id int)", "CREATE TABLE t2 (id int)", "CREATE TABLE t3 (id int)"] });
  });

  it("refuses to resume, running nothing, when the statements that ran changed or are fewer", async () => {
    await runRevision(["CREATE TABLE t1 (id int)", "CREATE TABLE t1 (id int)"]);
    const partial = (await log.get("r1")) as LogEntry;
    const changed = await runRevision(["CREATE TABLE t9 (id int)", "CREATE TABLE t2 (id int)"], partial);
    expect(changed).toMatchObject({ code: "partial-revision", message: expect.stringContaining("its first statement is no longer the one that ran. Nothing was run.") });
    const fewer = await runRevision([], partial);
    expect(fewer).toMatchObject({ code: "partial-revision", message: expect.stringContaining("it now produces 0 statements, but 1 had already run") });
    const reads = await runRevision(["CREATE TABLE t1 (id int)", "CREATE TABLE t2 (id int)"], { ...partial, statementsDone: 1 }, true);
    expect(reads).toMatchObject({ code: "partial-revision", message: expect.stringContaining("op.query()") });
    expect(await tables()).toEqual(["t1"]);
    // The original failure is still what the log says.
    expect(await log.get("r1")).toEqual(partial);
  });
});
