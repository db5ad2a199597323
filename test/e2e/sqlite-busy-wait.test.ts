/**
 * SQLite waits like the other dialects: when another connection holds the database file (an
 * application's `BEGIN EXCLUSIVE`, which blocks even reading it), migrate says it is waiting for
 * the migration lock, goes on once the file is free, and after --lock-timeout gives the same
 * lock-timeout error as PostgreSQL and MySQL — not a failure to open the file.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { versionRows } from "../helpers/version-rows.js";
import { STACK_LINE, startMigrate, waitUntil } from "./reliability-helpers.js";

describe("SQLite: another connection holds the file exclusively", () => {
  const ctx = useTestProject("sqlite", {
    setup(project) {
      project.addRevision({ id: "s1", upgrade: `  await op.execute("CREATE TABLE busy_a (id integer)");` });
    },
  });

  /** Opens the file and takes an exclusive lock on it, as an application transaction would. */
  function holdExclusive(): Database.Database {
    const db = new Database(ctx.db.file as string);
    db.exec("CREATE TABLE IF NOT EXISTS app_data (id integer)");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("INSERT INTO app_data VALUES (1)");
    return db;
  }

  it("gives up after --lock-timeout with the lock-timeout error, having said it waits", async ({ skip }) => {
    if (!ctx.available) skip();
    const holder = holdExclusive();
    try {
      const r = await ctx.project.runAsync(["upgrade", "head", "--lock-timeout", "0.5"]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain("Waiting for the migration lock");
      expect(r.stderr).toMatch(/ERROR: Timed out after 500 ms waiting for the migration lock/);
      expect(r.stderr).toMatch(/hint: .*--lock-timeout/);
      expect(r.stderr).not.toMatch(/Cannot open the SQLite database/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(ctx.project.takeCalls()).toEqual([]);
  });

  it("waits for the file, says so, and applies once it is free", async ({ skip }) => {
    if (!ctx.available) skip();
    const holder = holdExclusive();
    const run = startMigrate(ctx.project, ["upgrade", "head", "--lock-timeout", "60"]);
    try {
      await waitUntil(() => run.stderr().includes("Waiting for the migration lock"), "the waiting message");
    } finally {
      holder.exec("COMMIT");
      holder.close();
    }
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(ctx.project.takeCalls()).toEqual(["up:s1"]);
    expect(await versionRows(ctx.db)).toEqual(["s1"]);
  });
});
