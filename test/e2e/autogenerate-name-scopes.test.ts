/**
 * End to end: one index name on two tables. MySQL scopes index names per table, so the model
 * accepts it and the revision applies; PostgreSQL and SQLite scope them per schema/database, so
 * `revision --autogenerate` and `check` refuse the model up front, naming both tables, before any
 * statement runs or any file is written.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_DIALECTS } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const SCHEMA = `import { index, integer, table } from "athanor";
export const deptEmp = table("dept_emp", { emp_no: integer().primaryKey(), dept_no: integer().notNull() }, { indexes: [index(["dept_no"], { name: "dept_no" })] });
export const deptManager = table("dept_manager", { emp_no: integer().primaryKey(), dept_no: integer().notNull() }, { indexes: [index(["dept_no"], { name: "dept_no" })] });
`;

describe.each(ALL_DIALECTS)("one index name on two tables on %s", (dialect) => {
  const ctx = useTestProject(dialect, {
    configExtra: `schema: "./schema.ts"`,
    setup: (project) => writeFileSync(join(project.dir, "schema.ts"), SCHEMA),
  });
  const versions = () => {
    const dir = join(ctx.project.dir, "migrations/versions");
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ts")) : [];
  };

  it(dialect === "mysql" ? "is accepted and applied (index names are per table)" : "is refused before anything runs, naming both tables", async ({ skip }) => {
    if (!ctx.available) skip();
    const gen = ctx.project.run(["revision", "--autogenerate", "-m", "initial", "--rev-id", "a1"]);
    if (dialect === "mysql") {
      expect(gen.code, gen.stderr).toBe(0);
      expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
      const check = ctx.project.run(["check"]);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      const rows = await queryTestDatabase(ctx.db, "SELECT TABLE_NAME AS t FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'dept_no' ORDER BY TABLE_NAME");
      expect(rows.map((r) => r.t)).toEqual(["dept_emp", "dept_manager"]);
      return;
    }
    expect(gen.code).not.toBe(0);
    expect(gen.stderr).toContain('The name "dept_no" is used by the index of table dept_emp and by the index of table dept_manager');
    expect(gen.stderr).toContain("must be unique within a schema");
    expect(gen.stderr).toContain("hint: Rename one of them");
    expect(versions()).toEqual([]);
    const check = ctx.project.run(["check"]);
    expect(check.code).not.toBe(0);
    expect(check.stderr).toContain('The name "dept_no" is used by the index of table dept_emp');
  });
});
