/**
 * RevisionLog.recordAll, which writes the log rows a shared transaction held back: one multi-row
 * upsert per 500 rows, new rows inserted and existing ones overwritten, a downgrade keeping the
 * checksums stored. On a real (in-memory) SQLite database, with the statements it receives counted.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { RevisionLog, type LogEntry } from "../../../src/runtime/revision-log.js";

let conn: Connection;
let log: RevisionLog;
let sent: string[];

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

const entry = (i: number, direction: "up" | "down", checksum: string | null): LogEntry => ({
  revision: `r${String(i).padStart(4, "0")}`,
  direction,
  status: "done",
  checksum,
  statementsDone: 1,
  doneStatements: [`CREATE TABLE t${i} (id integer)`],
  progressHash: "h",
  pendingStatement: null,
  error: null,
  updatedAt: "2026-12-02T00:00:00.000Z",
});

describe("RevisionLog.recordAll", () => {
  it("writes 1,201 rows in three statements, and overwrites them on the way down keeping their checksums", async () => {
    const ups = Array.from({ length: 1201 }, (_, i) => entry(i, "up", `sum-${i}`));
    await log.recordAll(ups, false);
    expect(sent).toHaveLength(3);
    expect(await log.all()).toEqual(ups);

    sent = [];
    const downs = Array.from({ length: 1201 }, (_, i) => entry(i, "down", null));
    await log.recordAll(downs, true);
    expect(sent).toHaveLength(3);
    const rows = await log.all();
    expect(rows.map((r) => r.direction)).toEqual(downs.map(() => "down"));
    expect(rows.map((r) => r.checksum)).toEqual(ups.map((u) => u.checksum));
  });

  it("writes nothing for no rows", async () => {
    await log.recordAll([], false);
    expect(sent).toEqual([]);
  });
});
