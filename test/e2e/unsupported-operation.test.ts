/**
 * An operation a dialect cannot express fails with a message naming the operation and the
 * dialect, before any statement of the revision has run — also on MySQL, where DDL cannot be
 * rolled back (the sink compiles the whole revision before running it).
 */
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { TestProject } from "../helpers/project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";

const CASES = [
  { dialect: "mysql", name: "MySQL", op: `await op.createIndex("ix_gadgets_name", "gadgets", ["name"], { where: "name <> ''" });` },
  { dialect: "sqlite", name: "SQLite", op: `await op.createTableComment("gadgets", "things we sell");` },
  { dialect: "postgres", name: "PostgreSQL", op: `await op.createIndex("ix_gadgets_name", "gadgets", [{ column: "name", length: 10 }]);` },
] as const;

describe.each(CASES)("an unsupported operation on $dialect", ({ dialect, name, op }) => {
  let db: TestDatabase | undefined;
  let project: TestProject | undefined;
  afterAll(async () => {
    project?.remove();
    await db?.drop();
  });

  it("fails before the revision's first statement runs", async ({ skip }) => {
    if (!(await serverAvailable(dialect))) skip();
    db = await createTestDatabase(dialect);
    project = new TestProject(db.url);
    project.addRevision({
      id: "g1",
      message: "gadgets",
      prelude: `import { serial, varchar } from "athanor";`,
      upgrade: `  await op.createTable("gadgets", { id: serial().primaryKey(), name: varchar(50).notNull() });\n  ${op}`,
    });
    const r = project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(name);
    expect(r.stderr).toMatch(/hint:/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const tables = await queryTestDatabase(
      db,
      dialect === "sqlite"
        ? "SELECT name FROM sqlite_master WHERE name = 'gadgets'"
        : dialect === "postgres"
          ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'gadgets'"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'gadgets'",
    );
    expect(tables).toEqual([]);
    expect((await versionRows(db)) ?? []).toEqual([]);
    const current = project.run(["current"]);
    expect(current.code, current.stderr).toBe(0);
    expect(current.stdout.trim()).toBe("");
  });
});
