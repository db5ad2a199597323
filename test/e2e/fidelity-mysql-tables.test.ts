/**
 * MySQL/MariaDB table collation and engine, live: a model that names them creates them (the
 * catalog says so), pull writes them back, `check` is clean; a model that names a different one
 * than the database holds is a difference: `check` exits 1 on it, and autogenerate changes it
 * (alterTableOptions), reversibly.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const schema = (collation: string, engine: string) => `import { integer, table, varchar } from "athanor";
export const legacy = table("legacy", {
  id: integer().primaryKey(),
  name: varchar(40).notNull(),
}, { collation: "${collation}", engine: "${engine}" });
`;

describe("MySQL table collation and engine", () => {
  const ctx = useTestProject("mysql", {
    configExtra: `schema: "./schema.ts"`,
    setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema("utf8mb3_general_ci", "MyISAM")),
  });

  it("creates them, pull keeps them, and check is clean", async ({ skip }) => {
    if (!ctx.available) skip();
    expect(ctx.project.run(["revision", "--autogenerate", "-m", "legacy"]).code).toBe(0);
    expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
    const rows = await queryTestDatabase(ctx.db, "SELECT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy'");
    expect(rows).toEqual([{ engine: "MyISAM", collation: "utf8mb3_general_ci" }]);
    const columns = await queryTestDatabase(ctx.db, "SELECT CHARACTER_SET_NAME AS charset FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy' AND COLUMN_NAME = 'name'");
    expect(columns).toEqual([{ charset: "utf8mb3" }]);
    expect(ctx.project.run(["check"]).code).toBe(0);
    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    const text = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
    expect(text).toContain(`collation: "utf8mb3_general_ci"`);
    expect(text).toContain(`engine: "MyISAM"`);
  });

  it("check exits 1 when the model names another collation or engine, and autogenerate changes them", async ({ skip }) => {
    if (!ctx.available) skip();
    writeFileSync(join(ctx.project.dir, "schema.ts"), schema("utf8mb4_bin", "InnoDB"));
    const check = ctx.project.run(["check"]);
    expect(check.code).toBe(1);
    // Engine names compare without case (the server has its own spelling).
    expect(check.stdout).toMatch(/alter table legacy \(collation utf8mb4_bin, engine InnoDB\)/);
    expect(ctx.project.run(["revision", "--autogenerate", "-m", "options"]).code).toBe(0);
    expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
    const rows = await queryTestDatabase(ctx.db, "SELECT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy'");
    expect(rows).toEqual([{ engine: "InnoDB", collation: "utf8mb4_bin" }]);
    expect(ctx.project.run(["check"]).code).toBe(0);
    expect(ctx.project.run(["downgrade", "-1"]).code).toBe(0);
    const back = await queryTestDatabase(ctx.db, "SELECT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'legacy'");
    expect(back).toEqual([{ engine: "MyISAM", collation: "utf8mb3_general_ci" }]);
  });
});
