/**
 * Failures inside a revision, on every dialect: an SQL error names the revision and the statement
 * and, where DDL is transactional, leaves nothing behind; SIGINT and SIGTERM in the middle of a
 * revision roll it back where the dialect allows (record it where not), release the lock and exit
 * with 130 / 143; a second signal exits at once.
 */
import { join } from "node:path";
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_DIALECTS } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";
import { logRows, PAUSE_PRELUDE, pausingBody, STACK_LINE, startMigrate, tableExists, waitForMarker, waitForPause, waitUntil } from "./reliability-helpers.js";

describe.each(ALL_DIALECTS)("errors inside a revision on %s", (dialect) => {
  let marker: string;
  const transactional = dialect !== "mysql";
  const ctx = useTestProject(dialect, {
    setup(project) {
      marker = join(project.dir, "paused.marker");
      project.addRevision({ id: "base1", upgrade: `  await op.execute("CREATE TABLE b0 (id integer)");` });
    },
  });

  /** Brings the database back to base1 and forgets partial state (MySQL) between tests. */
  async function reset(revisionFile: string, tables: string[]): Promise<void> {
    rmSync(revisionFile);
    if (!transactional) {
      for (const t of tables) if (await tableExists(ctx.db, t)) await queryTestDatabase(ctx.db, `DROP TABLE ${t}`);
      const r = ctx.project.run(["resolve", "bad1", "--rolled-back"]);
      expect(r.code, r.stderr).toBe(0);
    }
    ctx.project.takeCalls();
  }

  it("an SQL error names the revision and the statement, and leaves no trace where DDL is transactional", async ({ skip }) => {
    if (!ctx.available) skip();
    const first = ctx.project.run(["upgrade", "base1"]);
    expect(first.code, first.stderr).toBe(0);
    const file = ctx.project.addRevision({
      id: "bad1",
      down: "base1",
      upgrade: `  await op.execute("CREATE TABLE e1 (id integer)");\n  await op.execute("INSERT INTO no_such_table VALUES (1)");\n  await op.execute("CREATE TABLE e2 (id integer)");`,
    });
    ctx.project.takeCalls();
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ERROR: The upgrade of revision bad1 failed: .*no_such_table/);
    expect(r.stderr).toContain("statement: INSERT INTO no_such_table VALUES (1)");
    expect(r.stderr).toMatch(/\nhint: /);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(await versionRows(ctx.db)).toEqual(["base1"]);
    expect(await tableExists(ctx.db, "e2")).toBe(false);
    if (transactional) {
      expect(r.stderr).toContain("Its changes were rolled back");
      expect(await tableExists(ctx.db, "e1")).toBe(false);
      expect((await logRows(ctx.db)).map((row) => row.revision)).toEqual(["base1"]);
      expect(ctx.project.run(["current"]).stdout.trim()).toBe("base1");
    } else {
      expect(r.stderr).toContain("1 of its statements had already run");
      expect(r.stderr).toContain("migrate upgrade --resume");
      expect(await tableExists(ctx.db, "e1")).toBe(true);
      const cur = ctx.project.run(["current"]).stdout;
      expect(cur).toContain("Revision bad1 is partially applied: its upgrade failed after 1 statement.");
      expect(cur).toContain("1. CREATE TABLE e1 (id integer)");
      expect(cur).toContain("2. INSERT INTO no_such_table VALUES (1)");
      expect(cur).toMatch(/Error: .*no_such_table/);
    }
    await reset(file, ["e1"]);
  });

  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`${signal} in the middle of a revision rolls back where possible, releases the lock and exits ${code}`, async ({ skip }) => {
      if (!ctx.available) skip();
      rmSync(marker, { force: true });
      const file = ctx.project.addRevision({ id: "bad1", down: "base1", prelude: PAUSE_PRELUDE, upgrade: pausingBody("s1", "s2", marker, dialect) });
      const run = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_PAUSE: "1" });
      await waitForPause(dialect, ctx.db, marker);
      run.child.kill(signal);
      const r = await run.done;
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(`ERROR: Interrupted by ${signal} during the upgrade of revision bad1`);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(await versionRows(ctx.db)).toEqual(["base1"]);
      expect(await tableExists(ctx.db, "s2")).toBe(false);
      if (transactional) {
        expect(r.stderr).toContain("Its changes were rolled back");
        expect(await tableExists(ctx.db, "s1")).toBe(false);
      } else {
        expect(await tableExists(ctx.db, "s1")).toBe(true);
        // MySQL lets the running statement (the pause) finish before it stops: two statements ran.
        expect(await logRows(ctx.db)).toContainEqual(expect.objectContaining({ revision: "bad1", status: "failed", statements_done: 2, error: `Interrupted by ${signal}.` }));
      }
      // The lock was released: another run gets it at once.
      const cur = ctx.project.run(["stamp", "base1", "--lock-timeout", "2"]);
      expect(cur.code).toBe(transactional ? 0 : 1);
      if (!transactional) expect(cur.stderr).toContain("Refusing to run");
      await reset(file, ["s1"]);
    });
  }

  it("a signal during a long statement cancels it on PostgreSQL, so the lock is free at once", async ({ skip }) => {
    if (!ctx.available || dialect !== "postgres") skip();
    rmSync(marker, { force: true });
    const file = ctx.project.addRevision({
      id: "bad1",
      down: "base1",
      prelude: `import { writeFileSync } from "node:fs";`,
      upgrade: `  await op.execute("CREATE TABLE s1 (id integer)");\n  writeFileSync(${JSON.stringify(marker)}, "x");\n  await op.execute("SELECT pg_sleep(30)");`,
    });
    const run = startMigrate(ctx.project, ["upgrade", "head"]);
    await waitForMarker(marker);
    // Signal only once the sleep is running on the server.
    const sleeping = "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query = 'SELECT pg_sleep(30)'";
    for (let i = 0; i < 400 && Number((await queryTestDatabase(ctx.db, sleeping))[0]?.n) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    run.child.kill("SIGTERM");
    const r = await run.done;
    expect(r.code).toBe(143);
    expect(r.stderr).toContain("The statement it was running was cancelled. Its changes were rolled back");
    expect(await tableExists(ctx.db, "s1")).toBe(false);
    // Without the cancel the backend would hold the lock until pg_sleep ended.
    const again = ctx.project.run(["stamp", "base1", "--lock-timeout", "3"]);
    expect(again.code, again.stderr).toBe(0);
    rmSync(file);
    ctx.project.takeCalls();
  });

  it("a second signal exits at once, without waiting for the cleanup", async ({ skip }) => {
    // MySQL is left to finish a running statement (DDL cannot be cancelled safely there), so the
    // first signal's cleanup waits for it — which the second signal cuts short.
    if (!ctx.available || dialect !== "mysql") skip();
    rmSync(marker, { force: true });
    const file = ctx.project.addRevision({
      id: "bad2",
      down: "base1",
      prelude: `import { writeFileSync } from "node:fs";`,
      upgrade: `  writeFileSync(${JSON.stringify(marker)}, "x");\n  await op.execute("SELECT SLEEP(20)");`,
    });
    const run = startMigrate(ctx.project, ["upgrade", "head"]);
    await waitForPause(dialect, ctx.db, marker);
    run.child.kill("SIGINT");
    await waitUntil(() => run.stderr().includes("SIGINT received"), "the first signal's notice");
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("SIGINT again: exiting without waiting for the cleanup.");
    expect(await versionRows(ctx.db)).toEqual(["base1"]);
    rmSync(file);
    ctx.project.takeCalls();
  });
});
