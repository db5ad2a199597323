/**
 * MySQL/MariaDB and SQLite have no composite or range types: a model declaring one is refused
 * when the revision runs, with one message naming the type and what to model instead, and no
 * stack trace; nothing is created and check keeps failing on it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TestDialect } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";

const SCHEMA = `import { compositeType, integer, rangeType, table } from "athanor";
export const address = compositeType("address", { street: "text", city: "text" });
export const floatrange = rangeType("floatrange", { subtype: "float8", subtypeDiff: "float8mi" });
export const sites = table("sites", { id: integer().primaryKey() });
`;

const CASES: { dialect: TestDialect; name: string }[] = [
  { dialect: "mysql", name: "MySQL" },
  { dialect: "sqlite", name: "SQLite" },
];

describe.each(CASES)("composite and range types on $dialect", ({ dialect, name }) => {
  const ctx = useTestProject(dialect, { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), SCHEMA) });

  it("refuses them by name with what to model instead, without a stack trace", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project } = ctx;
    const rev = project.run(["revision", "--autogenerate", "-m", "types"]);
    expect(rev.code, rev.stdout + rev.stderr).toBe(0);
    const up = project.run(["upgrade", "head"]);
    expect(up.code).not.toBe(0);
    expect(up.stderr).toContain(`${name} has no composite types (composite type address): they are PostgreSQL's.`);
    expect(up.stderr).toMatch(/hint: For .*give each attribute a column of its own/);
    expect(up.stderr).not.toMatch(/^\s+at /m);
    expect(project.run(["check"]).code).toBe(1);
  }, 60_000);
});
