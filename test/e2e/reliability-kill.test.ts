/**
 * kill -9 in the middle of a revision. PostgreSQL and SQLite roll the revision back with the dead
 * session, release the lock, and a re-run succeeds. MariaDB cannot roll DDL back: the revision log
 * says exactly which statements ran, upgrade refuses to go on blindly, and `--resume` finishes it.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_DIALECTS } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { versionRows } from "../helpers/version-rows.js";
import { logRows, PAUSE_PRELUDE, pausingBody, startMigrate, tableExists, waitForPause } from "./reliability-helpers.js";

describe.each(ALL_DIALECTS)("SIGKILL during a revision on %s", (dialect) => {
  let marker: string;
  const ctx = useTestProject(dialect, {
    setup(project) {
      marker = join(project.dir, "paused.marker");
      project.addRevision({ id: "k1", upgrade: `  await op.execute("CREATE TABLE k0 (id integer)");` });
      project.addRevision({ id: "k2", down: "k1", prelude: PAUSE_PRELUDE, upgrade: pausingBody("k2a", "k2b", marker, dialect) });
      const first = project.run(["upgrade", "k1"]);
      if (first.code !== 0) throw new Error(first.stderr);
      project.takeCalls();
    },
  });

  it("a killed upgrade leaves the database as recoverable as the dialect allows", async ({ skip }) => {
    if (!ctx.available) skip();
    const run = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_PAUSE: "1" });
    await waitForPause(dialect, ctx.db, marker);
    run.child.kill("SIGKILL");
    await run.done;
    expect(ctx.project.takeCalls()).toEqual(["up:k2"]);
    expect(await versionRows(ctx.db)).toEqual(["k1"]);
    expect(await tableExists(ctx.db, "k2b")).toBe(false);

    if (dialect !== "mysql") {
      // The revision's first statement went with its transaction; nothing is partial.
      expect(await tableExists(ctx.db, "k2a")).toBe(false);
      expect((await logRows(ctx.db)).filter((r) => r.status !== "done")).toEqual([]);
      // The dead process's lock is gone: a re-run gets it at once and finishes.
      const again = ctx.project.run(["upgrade", "head", "--lock-timeout", "5"]);
      expect(again.code, again.stderr).toBe(0);
      expect(ctx.project.takeCalls()).toEqual(["up:k2"]);
      expect(await versionRows(ctx.db)).toEqual(["k2"]);
      expect(await tableExists(ctx.db, "k2a")).toBe(true);
      expect(await tableExists(ctx.db, "k2b")).toBe(true);
      return;
    }

    // MariaDB: the first CREATE TABLE committed by itself, and the log says exactly that.
    expect(await tableExists(ctx.db, "k2a")).toBe(true);
    const cur = ctx.project.run(["current"]);
    expect(cur.code, cur.stderr).toBe(0);
    expect(cur.stdout).toContain("k1");
    expect(cur.stdout).toContain("Revision k2 is partially applied: its upgrade stopped after 1 statement.");
    expect(cur.stdout).toMatch(/1\. CREATE TABLE k2a \(id integer\)/);
    // It was killed while the server ran statement 2 (the pause): reported as possibly in effect.
    expect(cur.stdout).toContain("Statement that was running when the process stopped (it may or may not have taken effect):");
    expect(cur.stdout).toMatch(/2\. DO SLEEP\(3\)/);
    expect(cur.stdout).not.toContain("k2b");

    const refused = ctx.project.run(["upgrade", "head", "--lock-timeout", "5"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refusing to run");
    expect(refused.stderr).toContain("migrate upgrade --resume");
    expect(ctx.project.takeCalls()).toEqual([]);

    const resumed = ctx.project.run(["upgrade", "--resume", "--lock-timeout", "5"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain("Resuming k2: skipping the 1 statement(s) that already ran.");
    expect(ctx.project.takeCalls()).toEqual(["up:k2"]);
    expect(await tableExists(ctx.db, "k2b")).toBe(true);
    expect(await versionRows(ctx.db)).toEqual(["k2"]);
    expect(await logRows(ctx.db)).toEqual([
      expect.objectContaining({ revision: "k1", status: "done" }),
      expect.objectContaining({ revision: "k2", direction: "up", status: "done", statements_done: 2 }),
    ]);
  });
});
