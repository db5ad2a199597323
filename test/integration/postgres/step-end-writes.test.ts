/**
 * A finished step's version-row change and log row on PostgreSQL: one statement (a
 * data-modifying WITH), whatever the rows do — a linear step's UPDATE, a merge's UPDATE and
 * DELETE, a branch point's UPDATE and INSERT — leaving the same rows as writing them one by one.
 * The version table lives in a schema whose name and table name need quoting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { RevisionLog, type LogEntry } from "../../../src/runtime/revision-log.js";
import { VersionStore } from "../../../src/runtime/version-store.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");

const entry = (revision: string, direction: "up" | "down", checksum: string | null): LogEntry => ({
  revision,
  direction,
  status: "done",
  checksum,
  statementsDone: 1,
  doneStatements: ["CREATE TABLE t (id int)"],
  progressHash: "h",
  pendingStatement: null,
  error: null,
  updatedAt: "2026-12-02T00:00:00.000Z",
});

describe.skipIf(!available)("postgres: a step's version rows and log row in one statement", () => {
  let kit: PgKit;
  let store: VersionStore;
  let log: RevisionLog;
  let sent: string[];
  beforeAll(async () => {
    kit = await openKit(["ver $1 sions"]);
    const table = { schema: "ver $1 sions", name: 'athanor"$2' };
    store = new VersionStore(kit.conn, postgresDialect, table);
    log = new RevisionLog(kit.conn, postgresDialect, table);
    await store.ensure();
    await log.ensure();
    const query = kit.conn.query.bind(kit.conn);
    kit.conn.query = ((sql: string, params?: unknown[]) => {
      sent.push(sql);
      return query(sql, params);
    }) as Connection["query"];
  });
  afterAll(async () => {
    await kit?.close();
  });

  async function finish(e: LogEntry, keepChecksum: boolean, before: string[], after: string[]): Promise<void> {
    sent = [];
    await log.recordWith(e, keepChecksum, (first) => store.changes(before, after, first));
    expect(sent).toHaveLength(1);
  }

  it("moves the rows and writes the log row, for linear steps, a branch point and a merge", async () => {
    await finish(entry("a", "up", "sum-a"), false, [], ["a"]);
    expect(await store.read()).toEqual(["a"]);
    await finish(entry("b", "up", "sum-b"), false, ["a"], ["b"]);
    expect(await store.read()).toEqual(["b"]);
    // A second head next to b (a branch applied from a): one row updated, one inserted.
    await finish(entry("c", "up", "sum-c"), false, ["b"], ["b", "c"].reverse());
    expect(await store.read()).toEqual(["b", "c"]);
    // A merge of b and c: one updated, one deleted.
    await finish(entry("m", "up", "sum-m"), false, ["b", "c"], ["m"]);
    expect(await store.read()).toEqual(["m"]);
    expect((await log.all()).map((e) => [e.revision, e.direction, e.checksum])).toEqual([
      ["a", "up", "sum-a"],
      ["b", "up", "sum-b"],
      ["c", "up", "sum-c"],
      ["m", "up", "sum-m"],
    ]);
  });

  it("on the way down overwrites the row but keeps the checksum the upgrade stored", async () => {
    await finish(entry("m", "down", null), true, ["m"], ["b", "c"]);
    expect(await store.read()).toEqual(["b", "c"]);
    expect((await log.get("m"))).toMatchObject({ direction: "down", checksum: "sum-m" });
  });

  it("a step that moves no row writes only its log row", async () => {
    await finish(entry("b", "up", "sum-b2"), false, ["b", "c"], ["b", "c"]);
    expect(await store.read()).toEqual(["b", "c"]);
    expect((await log.get("b"))?.checksum).toBe("sum-b2");
  });
});
