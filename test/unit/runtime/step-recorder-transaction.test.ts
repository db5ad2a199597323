/**
 * The step recorder inside a transaction (PostgreSQL, SQLite): the log is written once, as the
 * step finishes, in one statement — nothing when it starts — and a rollback leaves the log as it
 * was. On a real (in-memory) SQLite database, with the statements it receives counted.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { Operations } from "../../../src/operations/index.js";
import type { Step } from "../../../src/revisions/index.js";
import { OnlineSink } from "../../../src/runtime/online-sink.js";
import { RevisionLog } from "../../../src/runtime/revision-log.js";
import { callRevision } from "../../../src/runtime/revision-step.js";
import { StepRecorder } from "../../../src/runtime/step-recorder.js";

let conn: Connection;
let log: RevisionLog;
let sent: string[];
const up: Step = { revision: "r1", direction: "up", rowsBefore: [], rowsAfter: ["r1"] };
const down: Step = { revision: "r1", direction: "down", rowsBefore: ["r1"], rowsAfter: [] };

beforeEach(async () => {
  conn = await sqliteDialect.connect(parseDatabaseUrl("sqlite::memory:"));
  log = new RevisionLog(conn, sqliteDialect, { name: "athanor_version", schema: null });
  await log.ensure();
  sent = [];
  const query = conn.query.bind(conn);
  conn.query = ((sql: string, params?: unknown[]) => {
    sent.push(sql);
    return query(sql, params);
  }) as Connection["query"];
});

afterEach(async () => conn.close());

const logStatements = () => sent.filter((s) => s.includes("athanor_version_log"));

/** Runs `body` as the step inside a transaction, committing on success and rolling back on failure. */
async function runInTransaction(step: Step, body: (op: Operations) => Promise<void>): Promise<unknown> {
  const recorder = new StepRecorder({ log, step, checksum: step.direction === "up" ? "sum-1" : null, inTransaction: true });
  const sink = new OnlineSink(conn, sqliteDialect, recorder);
  await conn.begin();
  try {
    await recorder.start();
    await callRevision({ upgrade: body, downgrade: body }, step, sink);
    await recorder.finish();
    await conn.commit();
    return undefined;
  } catch (error) {
    if (conn.inTransaction) await conn.rollback();
    await recorder.fail(error);
    return error;
  }
}

describe("StepRecorder in a transaction", () => {
  it("writes the log once, as the step finishes, in one statement", async () => {
    const error = await runInTransaction(up, async (op) => {
      await op.execute("CREATE TABLE t1 (id INTEGER)");
      await op.execute("CREATE TABLE t2 (id INTEGER)");
    });
    expect(error).toBeUndefined();
    expect(logStatements()).toHaveLength(1);
    // Nothing about the log reached the database before the last statement of the step.
    expect(sent.indexOf(logStatements()[0]!)).toBeGreaterThan(sent.findIndex((s) => s.includes("t2")));
    const [entry] = await log.all();
    expect(entry).toMatchObject({ revision: "r1", direction: "up", status: "done", checksum: "sum-1", statementsDone: 2 });
    expect(entry!.doneStatements).toEqual(["CREATE TABLE t1 (id INTEGER)", "CREATE TABLE t2 (id INTEGER)"]);
  });

  it("a downgrade keeps the checksum its upgrade recorded; one without an upgrade row has none", async () => {
    await runInTransaction(up, async (op) => op.execute("CREATE TABLE t1 (id INTEGER)"));
    await runInTransaction(down, async (op) => op.execute("DROP TABLE t1"));
    expect((await log.all())[0]).toMatchObject({ direction: "down", status: "done", checksum: "sum-1", statementsDone: 1 });
    await log.remove("r1");
    await runInTransaction(down, async () => undefined);
    expect((await log.all())[0]).toMatchObject({ direction: "down", status: "done", checksum: null });
  });

  it("a failed step leaves the log as it was", async () => {
    await runInTransaction(up, async (op) => op.execute("CREATE TABLE t1 (id INTEGER)"));
    const before = await log.all();
    sent = [];
    const error = await runInTransaction(down, async (op) => {
      await op.execute("DROP TABLE t1");
      await op.execute("DROP TABLE missing_table");
    });
    expect(error).toBeDefined();
    expect(logStatements()).toEqual([]);
    expect(await log.all()).toEqual(before);
  });

  it("writes the running row before a statement that commits on its own", async () => {
    // As the sink calls the hooks for a statement marked `transactional: false` (autocommit).
    const recorder = new StepRecorder({ log, step: up, checksum: "sum-1", inTransaction: true });
    await conn.begin();
    await recorder.start();
    const statement = { sql: "CREATE TABLE t2 (id INTEGER)" };
    expect(await recorder.before(statement, "operation", true)).toBe(true);
    expect(logStatements().filter((s) => !s.startsWith("SELECT")).length).toBeGreaterThan(0);
    await conn.commit();
    expect((await log.all())[0]).toMatchObject({ status: "running", pendingStatement: "CREATE TABLE t2 (id INTEGER)", checksum: "sum-1" });
    await conn.query(statement.sql);
    await recorder.after(statement, true);
    await conn.begin();
    await recorder.finish();
    await conn.commit();
    expect((await log.all())[0]).toMatchObject({ status: "done", statementsDone: 1, checksum: "sum-1" });
  });
});
