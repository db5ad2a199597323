/**
 * End to end on every dialect: a NOT NULL column without a default added to a table with rows is
 * written as add nullable → (fill) → set NOT NULL, with a warning in the file and on stderr. Left
 * unfilled, the NOT NULL step fails and no value is invented (MariaDB included); filled as the
 * warning says, the upgrade applies, the rows survive, and the downgrade restores the catalog.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogDump } from "../helpers/catalog-dump.js";
import { ALL_DIALECTS } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const V1 = `import { serial, table, varchar } from "athanor";
export const users = table("users", { id: serial().primaryKey(), email: varchar(100).notNull() });
`;
const V2 = `import { integer, serial, table, varchar } from "athanor";
export const users = table("users", { id: serial().primaryKey(), email: varchar(100).notNull(), score: integer().notNull() });
`;

describe.each(ALL_DIALECTS)("a required column added to a table with rows on %s", (dialect) => {
  const ctx = useTestProject(dialect, { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), V1) });

  it("is added nullable, filled, then set NOT NULL; never filled with invented values", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    expect(project.run(["revision", "--autogenerate", "-m", "users", "--rev-id", "n1"]).code).toBe(0);
    expect(project.run(["upgrade", "head"]).code).toBe(0);
    await queryTestDatabase(db, "INSERT INTO users (email) VALUES ('ada@example.com'), ('bob@example.com')");
    const before = await catalogDump(db);

    writeFileSync(join(project.dir, "schema.ts"), V2);
    const gen = project.run(["revision", "--autogenerate", "-m", "score", "--rev-id", "n2"]);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stderr).toContain("users.score is NOT NULL without a default and its table exists");
    const path = join(project.dir, "migrations/versions/n2_score.ts");
    const text = readFileSync(path, "utf8");
    expect(text).toContain("// NOTE: column users.score is NOT NULL without a default");
    expect(text).toMatch(/op\.addColumn\("users", "score", integer\(\)\)|batch\.addColumn\("score", integer\(\)\)/);

    // Unfilled, the NOT NULL step fails: no 0 is invented for the existing rows.
    const unfilled = project.run(["upgrade", "head"]);
    expect(unfilled.code).not.toBe(0);
    if (dialect !== "mysql") expect(await catalogDump(db)).toEqual(before);
    if (dialect === "mysql") {
      const scores = await queryTestDatabase(db, "SELECT score FROM users");
      expect(scores.map((r) => r.score)).toEqual([null, null]);
      // MySQL commits DDL as it goes: the revision is partial; fill and resume.
      await queryTestDatabase(db, "UPDATE users SET score = 0");
      const resumed = project.run(["upgrade", "--resume"]);
      expect(resumed.code, resumed.stderr).toBe(0);
    } else {
      // Filled as the warning says, the same revision applies.
      const fill = `  await op.execute("UPDATE users SET score = 0 WHERE score IS NULL");\n`;
      // SQLite writes both steps into one rebuild (left undone: splitting it there), so the fill
      // goes between the add, taken out of the batch, and the rebuild that sets NOT NULL.
      const filled = dialect === "sqlite"
        ? text.replace('  await op.batchAlterTable("users", (batch) => {\n    batch.addColumn("score", integer());\n\n', `  await op.addColumn("users", "score", integer());\n${fill}  await op.batchAlterTable("users", (batch) => {\n`)
        : text.replace(/(  await op\.addColumn\("users", "score", integer\(\)\);\n)/, `$1${fill}`);
      expect(filled, text).not.toBe(text);
      writeFileSync(path, filled);
      const up = project.run(["upgrade", "head"]);
      expect(up.code, up.stderr).toBe(0);
    }
    expect((await queryTestDatabase(db, "SELECT email, score FROM users ORDER BY id")).map((r) => [r.email, Number(r.score)])).toEqual([["ada@example.com", 0], ["bob@example.com", 0]]);
    expect(project.run(["check"]).code).toBe(0);
    const down = project.run(["downgrade", "n1"]);
    expect(down.code, down.stderr).toBe(0);
    expect(await catalogDump(db)).toEqual(before);
  });
});
