/**
 * End to end: the real CLI against SQLite, PostgreSQL and MariaDB, upgrading, downgrading and
 * stamping across a branch point, two labelled branches, a dependsOn and a merge. Every step
 * asserts which revision functions ran, in order, and the version-table rows read directly.
 *
 *   a ─ b ─ c ─┬─ bl1 ─ bl2 ─────────┬─ m ─ z        (bl1, bl2: branch "billing")
 *              └─ au1 ─ au2 ─────────┘                (au1, au2: branch "audit"; au1 dependsOn bl1)
 */
import { describe, expect, it } from "vitest";
import { ALL_DIALECTS } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { versionRows } from "../helpers/version-rows.js";

describe.each(ALL_DIALECTS)("revision graph traversal on %s", (dialect) => {
  const ctx = useTestProject(dialect, {
    setup(project) {
      project.addRevision({ id: "a", message: "create base" });
      project.addRevision({ id: "b", down: "a" });
      project.addRevision({ id: "c", down: "b", message: "branch point" });
      project.addRevision({ id: "bl1", down: "c", branchLabels: ["billing"] });
      project.addRevision({ id: "bl2", down: "bl1" });
      project.addRevision({ id: "au1", down: "c", branchLabels: ["audit"], dependsOn: ["bl1"] });
      project.addRevision({ id: "au2", down: "au1" });
      project.addRevision({ id: "m", down: ["bl2", "au2"], message: "merge billing and audit" });
      project.addRevision({ id: "z", down: "m" });
    },
  });

  const migrate = (...args: string[]) => {
    const r = ctx.project.run(args);
    if (r.code !== 0) throw new Error(`migrate ${args.join(" ")} exited ${r.code}\n${r.stderr}`);
    return r;
  };

  it("current on a fresh database prints nothing and creates no version table", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = migrate("current");
    expect(r.stdout.trim()).toBe("");
    expect(await versionRows(ctx.db)).toBeNull();
  });

  it("upgrades one branch, running its whole ancestry in order", async ({ skip }) => {
    if (!ctx.available) skip();
    // Not billing@head: labels spread to descendants, so after the merge that is z.
    const r = migrate("upgrade", "bl2");
    expect(ctx.project.takeCalls()).toEqual(["up:a", "up:b", "up:c", "up:bl1", "up:bl2"]);
    expect(await versionRows(ctx.db)).toEqual(["bl2"]);
    expect(r.stderr).toContain("Running upgrade <base> -> a, create base");
    expect(r.stderr).toContain("Running upgrade c -> bl1");
  });

  it("upgrades the other branch; its dependency is already applied", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("upgrade", "au2");
    expect(ctx.project.takeCalls()).toEqual(["up:au1", "up:au2"]);
    expect(await versionRows(ctx.db)).toEqual(["au2", "bl2"]);
  });

  it("refuses -1 with two heads and names them", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["downgrade", "-1"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/au2/);
    expect(r.stderr).toMatch(/bl2/);
    expect(r.stderr).toMatch(/@-1|-1/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(ctx.project.takeCalls()).toEqual([]);
    expect(await versionRows(ctx.db)).toEqual(["au2", "bl2"]);
  });

  it("downgrades one step on a labelled branch; the dependent branch stays", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("downgrade", "billing@-1");
    expect(ctx.project.takeCalls()).toEqual(["down:bl2"]);
    // As in Alembic, bl1 has no row of its own while au1, which depends on it, is applied.
    expect(await versionRows(ctx.db)).toEqual(["au2"]);
  });

  it("upgrades through the merge to the single head", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("upgrade", "head");
    expect(ctx.project.takeCalls()).toEqual(["up:bl2", "up:m", "up:z"]);
    expect(await versionRows(ctx.db)).toEqual(["z"]);
    expect(migrate("current").stdout).toContain("z (head)");
  });

  it("downgrades below the merge and the branch point, removing dependents first", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("downgrade", "c");
    const calls = ctx.project.takeCalls();
    expect(calls.slice(0, 2)).toEqual(["down:z", "down:m"]);
    expect([...calls].sort()).toEqual(["down:au1", "down:au2", "down:bl1", "down:bl2", "down:m", "down:z"]);
    // A revision is removed only after everything that builds on it.
    expect(calls.indexOf("down:au1")).toBeLessThan(calls.indexOf("down:bl1"));
    expect(calls.indexOf("down:au2")).toBeLessThan(calls.indexOf("down:au1"));
    expect(calls.indexOf("down:bl2")).toBeLessThan(calls.indexOf("down:bl1"));
    expect(await versionRows(ctx.db)).toEqual(["c"]);
  });

  it("downgrade of a dependency removes the revisions that depend on it", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("upgrade", "au2");
    expect(ctx.project.takeCalls()).toEqual(["up:bl1", "up:au1", "up:au2"]);
    expect(await versionRows(ctx.db)).toEqual(["au2"]);
    migrate("downgrade", "billing@base");
    expect(ctx.project.takeCalls()).toEqual(["down:au2", "down:au1", "down:bl1"]);
    expect(await versionRows(ctx.db)).toEqual(["c"]);
  });

  it("downgrades to base", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("downgrade", "base");
    expect(ctx.project.takeCalls()).toEqual(["down:c", "down:b", "down:a"]);
    expect(await versionRows(ctx.db)).toEqual([]);
  });

  it("stamps without running anything, across branches and with --purge", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("stamp", "au2", "bl2");
    expect(await versionRows(ctx.db)).toEqual(["au2", "bl2"]);
    // Stamping down to bl1 drops what builds on it: bl2, and au1/au2 which depend on it.
    migrate("stamp", "bl1");
    expect(await versionRows(ctx.db)).toEqual(["bl1"]);
    migrate("stamp", "--purge", "b");
    expect(await versionRows(ctx.db)).toEqual(["b"]);
    migrate("stamp", "heads");
    expect(await versionRows(ctx.db)).toEqual(["z"]);
    expect(ctx.project.takeCalls()).toEqual([]);
  });

  it("stamp with one bad revision writes nothing", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["stamp", "bl2", "nosuchrev"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nosuchrev");
    expect(await versionRows(ctx.db)).toEqual(["z"]);
  });

  it("relative upgrade and downgrade from a single head", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("stamp", "--purge", "a");
    migrate("upgrade", "+2");
    expect(ctx.project.takeCalls()).toEqual(["up:b", "up:c"]);
    migrate("downgrade", "-1");
    expect(ctx.project.takeCalls()).toEqual(["down:c"]);
    expect(await versionRows(ctx.db)).toEqual(["b"]);
  });

  it("an unknown version row is an error that suggests stamp --purge", async ({ skip }) => {
    if (!ctx.available) skip();
    migrate("stamp", "--purge", "b");
    const config = ctx.project.run(["upgrade", "head", "--url", ctx.db.url]);
    expect(config.code).toBe(0);
    ctx.project.takeCalls();
    // Forget the file of the current head: the row now names an unknown revision.
    const { rmSync, readdirSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = join(ctx.project.dir, "migrations/versions");
    rmSync(join(dir, readdirSync(dir).find((f) => f.startsWith("z_")) as string));
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("stamp --purge");
    const cur = ctx.project.run(["current"]);
    expect(cur.code).toBe(1);
    expect(cur.stderr).toContain("z");
  });
});
