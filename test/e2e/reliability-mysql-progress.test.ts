/**
 * MySQL/MariaDB commits every DDL statement, so a revision that fails half-way stays half
 * applied. The revision log records it statement by statement: `migrate current` says exactly
 * what ran and what failed, upgrade/downgrade/stamp refuse to go on blindly, `--resume` re-runs
 * the rest (after checking the statements that ran are still the same), and `migrate resolve`
 * records a hand-made outcome without running anything.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";
import { logRows, STACK_LINE, tableExists } from "./reliability-helpers.js";

describe("partial revisions on MariaDB", () => {
  let m2: string;
  const ctx = useTestProject("mysql", {
    setup(project) {
      project.addRevision({ id: "m1", upgrade: `  await op.execute("CREATE TABLE m0 (id integer)");`, downgrade: `  await op.execute("DROP TABLE m0");` });
      m2 = project.addRevision({
        id: "m2",
        down: "m1",
        upgrade: `  await op.execute("CREATE TABLE a1 (id integer)");\n  await op.execute("CREATE TABLE a1 (id integer)");\n  await op.execute("CREATE TABLE a3 (id integer)");`,
        downgrade: `  await op.execute("DROP TABLE a3");\n  await op.execute("DROP TABLE nope");\n  await op.execute("DROP TABLE a1");`,
      });
    },
  });

  const migrate = (...args: string[]) => ctx.project.run(args);

  const fix = (from: string, to: string) => writeFileSync(m2, readFileSync(m2, "utf8").replace(from, to));

  it("a failure part-way is reported exactly and blocks every other run", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = migrate("upgrade", "head");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The upgrade of revision m2 failed");
    expect(r.stderr).toContain("statement: CREATE TABLE a1 (id integer)");
    expect(r.stderr).toContain("1 of its statements had already run and stay in the database");
    expect(r.stderr).toContain("hint: Fix the cause, then `migrate upgrade --resume`");
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(ctx.project.takeCalls()).toEqual(["up:m1", "up:m2"]);
    expect(await versionRows(ctx.db)).toEqual(["m1"]);

    const cur = migrate("current");
    expect(cur.code).toBe(0);
    expect(cur.stdout).toBe(
      [
        "m1",
        "Revision m2 is partially applied: its upgrade failed after 1 statement.",
        "  Statements that ran (they stay in the database):",
        "    1. CREATE TABLE a1 (id integer)",
        "  Statement that failed (it may or may not have taken effect; `--resume` runs it again):",
        "    2. CREATE TABLE a1 (id integer)",
        "  Error: SQL failed: Table 'a1' already exists",
        "  Next: fix the cause, then `migrate upgrade --resume` runs it again from statement 2, skipping the 1 statement that ran;",
        "  or complete or undo it by hand and record that with `migrate resolve m2 --applied` or `migrate resolve m2 --rolled-back`.",
        "",
      ].join("\n"),
    );
    const json = JSON.parse(migrate("--json", "current").stdout) as { partial: Array<Record<string, unknown>> };
    expect(json.partial).toEqual([expect.objectContaining({ revision: "m2", direction: "up", status: "failed", statementsDone: 1 })]);

    for (const args of [["upgrade", "head"], ["downgrade", "base"], ["stamp", "m2"]]) {
      const refused = migrate(...args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("ERROR: Refusing to run: a revision did not finish last time.");
      expect(refused.stderr).toContain("hint: Run `migrate upgrade --resume`, or `migrate resolve m2 --applied|--rolled-back`");
    }
    expect(migrate("downgrade", "--resume", "base").stderr).toContain("cannot be resumed by a downgrade");
    expect(ctx.project.takeCalls()).toEqual([]);
    expect(await versionRows(ctx.db)).toEqual(["m1"]);
  });

  it("--resume refuses when the statements that ran are no longer the revision's first ones", async ({ skip }) => {
    if (!ctx.available) skip();
    fix(`await op.execute("CREATE TABLE a1 (id integer)");\n`, `await op.execute("CREATE TABLE a0 (id integer)");\n`);
    const r = migrate("upgrade", "--resume");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Cannot resume the upgrade of revision m2: its first statement is no longer the one that ran. Nothing was run.");
    expect(await tableExists(ctx.db, "a0")).toBe(false);
    // The record of the original failure is kept as it was.
    expect(await logRows(ctx.db)).toContainEqual(expect.objectContaining({ revision: "m2", status: "failed", statements_done: 1, pending_statement: "CREATE TABLE a1 (id integer)" }));
    fix(`await op.execute("CREATE TABLE a0 (id integer)");\n`, `await op.execute("CREATE TABLE a1 (id integer)");\n`);
    ctx.project.takeCalls();
  });

  it("--resume after fixing the failed statement runs only the rest", async ({ skip }) => {
    if (!ctx.available) skip();
    fix(`await op.execute("CREATE TABLE a1 (id integer)");\n  await op.execute("CREATE TABLE a1 (id integer)");`, `await op.execute("CREATE TABLE a1 (id integer)");\n  await op.execute("CREATE TABLE a2 (id integer)");`);
    const r = migrate("upgrade", "--resume");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Resuming m2: skipping the 1 statement(s) that already ran.");
    for (const t of ["a1", "a2", "a3"]) expect(await tableExists(ctx.db, t)).toBe(true);
    expect(await versionRows(ctx.db)).toEqual(["m2"]);
    expect(migrate("current").stdout).toBe("m2 (head)\n");
    ctx.project.takeCalls();
  });

  it("a downgrade that fails part-way can be finished by hand and resolved as applied", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = migrate("downgrade", "m1");
    expect(r.code).toBe(1);
    expect(await tableExists(ctx.db, "a3")).toBe(false);
    const cur = migrate("current").stdout;
    expect(cur).toContain("Revision m2 is partially reverted: its downgrade failed after 1 statement.");
    expect(cur).toContain("1. DROP TABLE a3");
    expect(cur).toContain("2. DROP TABLE nope");
    expect(migrate("upgrade", "--resume").stderr).toContain("`migrate downgrade --resume`");

    await queryTestDatabase(ctx.db, "DROP TABLE a1");
    await queryTestDatabase(ctx.db, "DROP TABLE a2");
    const resolved = migrate("resolve", "m2", "--applied");
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stderr).toContain("Recorded the downgrade of m2 as applied; version table: m1");
    expect(await versionRows(ctx.db)).toEqual(["m1"]);
    expect(migrate("current").stdout).toBe("m1\n");
    expect(ctx.project.takeCalls()).toEqual(["down:m2"]);
  });

  it("an upgrade undone by hand is resolved as rolled back, and a clean upgrade follows", async ({ skip }) => {
    if (!ctx.available) skip();
    fix(`await op.execute("CREATE TABLE a2 (id integer)");`, `await op.execute("CREATE TABLE a1 (id integer)");`);
    expect(migrate("upgrade", "head").code).toBe(1);
    expect(await tableExists(ctx.db, "a1")).toBe(true);
    await queryTestDatabase(ctx.db, "DROP TABLE a1");
    const resolved = migrate("resolve", "m2", "--rolled-back");
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["m1"]);
    fix(`await op.execute("CREATE TABLE a1 (id integer)");\n  await op.execute("CREATE TABLE a1 (id integer)");`, `await op.execute("CREATE TABLE a1 (id integer)");\n  await op.execute("CREATE TABLE a2 (id integer)");`);
    const r = migrate("upgrade", "head");
    expect(r.code, r.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["m2"]);
    expect(ctx.project.takeCalls()).toEqual(["up:m2", "up:m2"]);
  });

  it("resolve refuses a revision with nothing to settle", ({ skip }) => {
    if (!ctx.available) skip();
    const r = migrate("resolve", "m2", "--rolled-back");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Revision m2 has no unfinished step to resolve.");
    expect(r.stderr).toContain("hint:");
  });
});
