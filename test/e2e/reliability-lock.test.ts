/**
 * The migration lock, end to end: eight `migrate upgrade head` processes started at once against
 * one database run every revision exactly once; a process that finds the lock taken says it is
 * waiting and goes on when it is released, gives up with a clean error after --lock-timeout, and
 * can be interrupted while it waits.
 */
import { describe, expect, it } from "vitest";
import { ALL_DIALECTS } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { versionRows } from "../helpers/version-rows.js";
import { holdLock, STACK_LINE, startMigrate, tableExists, waitUntil } from "./reliability-helpers.js";

const REVISIONS = ["r1", "r2", "r3", "r4", "r5"];

describe.each(ALL_DIALECTS)("migration lock on %s", (dialect) => {
  const ctx = useTestProject(dialect, {
    setup(project) {
      REVISIONS.forEach((id, i) =>
        project.addRevision({ id, down: i === 0 ? null : REVISIONS[i - 1], upgrade: `  await op.execute("CREATE TABLE t_${id} (id integer)");`, downgrade: `  await op.execute("DROP TABLE t_${id}");` }),
      );
    },
  });

  it("eight concurrent upgrades run every revision exactly once", async ({ skip }) => {
    if (!ctx.available) skip();
    const runs = await Promise.all(Array.from({ length: 8 }, () => ctx.project.runAsync(["upgrade", "head", "--lock-timeout", "60"])));
    for (const r of runs) expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(ctx.project.takeCalls().sort()).toEqual(REVISIONS.map((id) => `up:${id}`));
    expect(await versionRows(ctx.db)).toEqual(["r5"]);
    for (const id of REVISIONS) expect(await tableExists(ctx.db, `t_${id}`)).toBe(true);
    // Exactly one process did the work; the others found nothing left to do.
    expect(runs.filter((r) => r.stderr.includes("Running upgrade")).length).toBe(1);
    expect(runs.filter((r) => r.stderr.includes("Nothing to do")).length).toBe(7);
  });

  it("waits for a held lock, says so, and goes on once it is released", async ({ skip }) => {
    if (!ctx.available) skip();
    const lock = await holdLock(ctx.db);
    const run = startMigrate(ctx.project, ["downgrade", "-1", "--lock-timeout", "60"]);
    try {
      await waitUntil(() => run.stderr().includes("Waiting for the migration lock"), "the waiting message");
      expect(ctx.project.takeCalls()).toEqual([]);
    } finally {
      await lock.release();
    }
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(ctx.project.takeCalls()).toEqual(["down:r5"]);
    expect(await versionRows(ctx.db)).toEqual(["r4"]);
  });

  it("gives up after --lock-timeout with one clear error and changes nothing", async ({ skip }) => {
    if (!ctx.available) skip();
    const lock = await holdLock(ctx.db);
    try {
      const r = await ctx.project.runAsync(["upgrade", "head", "--lock-timeout", "0.3"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Waiting for the migration lock");
      expect(r.stderr).toMatch(/ERROR: Timed out after 300 ms waiting for the (migration|write) lock/);
      expect(r.stderr).toMatch(/hint: .*(lock-timeout|lock timeout)/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      await lock.release();
    }
    expect(ctx.project.takeCalls()).toEqual([]);
    expect(await versionRows(ctx.db)).toEqual(["r4"]);
  });

  it("SIGINT while waiting for the lock exits 130 and changes nothing", async ({ skip }) => {
    if (!ctx.available) skip();
    const lock = await holdLock(ctx.db);
    try {
      const run = startMigrate(ctx.project, ["upgrade", "head", "--lock-timeout", "60"]);
      await waitUntil(() => run.stderr().includes("Waiting for the migration lock"), "the waiting message");
      run.child.kill("SIGINT");
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain("ERROR: Interrupted by SIGINT");
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      await lock.release();
    }
    expect(ctx.project.takeCalls()).toEqual([]);
    expect(await versionRows(ctx.db)).toEqual(["r4"]);
  });
});
