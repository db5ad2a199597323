/**
 * Transaction planning on PostgreSQL: statements that cannot run in a transaction block
 * (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE followed by a use of the new value) end the
 * revision's transaction and start a new one; a revision exporting `transactional = false` runs
 * without one (VACUUM), and a failure in it is recorded as partial like on MySQL.
 */
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";
import { logRows, STACK_LINE, tableExists } from "./reliability-helpers.js";

describe("transaction planning on postgres", () => {
  const ctx = useTestProject("postgres", {
    setup(project) {
      project.addRevision({
        id: "p1",
        prelude: `import { integer, text } from "athanor";`,
        upgrade: `  await op.createEnum("mood", ["happy", "sad"]);
  await op.createTable("people", { id: integer().primaryKey(), name: text() });
  await op.execute("ALTER TABLE people ADD COLUMN mood mood");
  await op.execute("INSERT INTO people (id, name, mood) VALUES (1, 'ann', 'sad')");
  await op.createIndex("ix_people_name", "people", ["name"], { concurrently: true });
  await op.addEnumValue("mood", "meh", { after: "happy" });
  await op.execute("UPDATE people SET mood = 'meh'");`,
      });
    },
  });

  it("offline SQL commits around the statements that must run outside a transaction", ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["upgrade", "--sql", "base:p1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/COMMIT;\nCREATE INDEX CONCURRENTLY "ix_people_name" ON "people" \("name"\);\nBEGIN;/);
    expect(r.stdout).toMatch(/COMMIT;\nALTER TYPE "mood" ADD VALUE 'meh' AFTER 'happy';\nBEGIN;/);
  });

  it("CREATE INDEX CONCURRENTLY and a new enum value used in the same revision", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["upgrade", "p1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["p1"]);
    const index = await queryTestDatabase(ctx.db, "SELECT indexname FROM pg_indexes WHERE tablename = 'people' AND indexname = 'ix_people_name'");
    expect(index).toHaveLength(1);
    expect(await queryTestDatabase(ctx.db, "SELECT mood::text AS mood FROM people")).toEqual([{ mood: "meh" }]);
    expect(await logRows(ctx.db)).toEqual([expect.objectContaining({ revision: "p1", direction: "up", status: "done", statements_done: 7 })]);
  });

  it("a statement that cannot run in a transaction fails in an ordinary revision, which is rolled back", async ({ skip }) => {
    if (!ctx.available) skip();
    const file = ctx.project.addRevision({ id: "p2", down: "p1", upgrade: `  await op.execute("CREATE TABLE v1 (id integer)");\n  await op.execute("VACUUM people");` });
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The upgrade of revision p2 failed: .*VACUUM cannot run inside a transaction block/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(await tableExists(ctx.db, "v1")).toBe(false);
    expect(await versionRows(ctx.db)).toEqual(["p1"]);
    rmSync(file);
    ctx.project.takeCalls();
  });

  it("a revision exporting transactional = false runs outside a transaction", async ({ skip }) => {
    if (!ctx.available) skip();
    ctx.project.addRevision({
      id: "p2",
      down: "p1",
      prelude: "export const transactional = false;",
      upgrade: `  await op.execute("CREATE TABLE v1 (id integer)");\n  await op.execute("VACUUM people");`,
      downgrade: `  await op.execute("DROP TABLE v1");`,
    });
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await tableExists(ctx.db, "v1")).toBe(true);
    expect(await versionRows(ctx.db)).toEqual(["p2"]);
    const sql = ctx.project.run(["upgrade", "--sql", "p1:p2"]);
    expect(sql.stdout).not.toContain("BEGIN;");
    expect(sql.stdout).toContain("VACUUM people;");
  });

  it("a failure in such a revision keeps what ran, and current reports it", async ({ skip }) => {
    if (!ctx.available) skip();
    ctx.project.addRevision({
      id: "p3",
      down: "p2",
      prelude: "export const transactional = false;",
      upgrade: `  await op.execute("CREATE TABLE w1 (id integer)");\n  await op.execute("CREATE TABLE w1 (id integer)");`,
    });
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("1 of its statements had already run");
    expect(await tableExists(ctx.db, "w1")).toBe(true);
    const cur = ctx.project.run(["current"]);
    expect(cur.stdout).toContain("Revision p3 is partially applied: its upgrade failed after 1 statement.");
    expect(cur.stdout).toContain('Error: PostgreSQL error [42P07]: relation "w1" already exists');
    // Undo by hand, then record it: the version table never moved.
    await queryTestDatabase(ctx.db, "DROP TABLE w1");
    const resolved = ctx.project.run(["resolve", "p3", "--rolled-back"]);
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["p2"]);
    expect(ctx.project.run(["current"]).stdout.trim()).toBe("p2");
  });
});
