/**
 * End to end: the developer loop on every dialect — edit schema.ts, `revision --autogenerate`,
 * `upgrade head`, `check` — including "nothing changed", "not up to date", destructive warnings,
 * `check --diff`, and a downgrade that keeps existing rows.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_DIALECTS } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";

const SCHEMA_V1 = `import { integer, serial, table, text, varchar } from "athanor";
export const users = table("users", {
  id: serial().primaryKey(),
  email: varchar(255).notNull().unique(),
  legacy_code: text(),
});
export const posts = table("posts", {
  id: serial().primaryKey(),
  user_id: integer().notNull().references(() => users, "id", { onDelete: "CASCADE" }),
  title: varchar(200).notNull(),
});
`;

const SCHEMA_V2 = `import { boolean, integer, index, serial, table, text, varchar } from "athanor";
export const users = table("users", {
  id: serial().primaryKey(),
  email: varchar(255).notNull().unique(),
  display_name: varchar(100),
  active: boolean().notNull().default(true),
}, { indexes: [index(["display_name"])] });
export const posts = table("posts", {
  id: serial().primaryKey(),
  user_id: integer().notNull().references(() => users, "id", { onDelete: "CASCADE" }),
  title: varchar(200).notNull(),
  body: text(),
});
`;

describe.each(ALL_DIALECTS)("autogenerate loop on %s", (dialect) => {
  const ctx = useTestProject(dialect, {
    configExtra: `schema: "./schema.ts"`,
    setup: (project) => writeFileSync(join(project.dir, "schema.ts"), SCHEMA_V1),
  });
  const files = () => readdirSync(join(ctx.project.dir, "migrations/versions")).filter((f) => f.endsWith(".ts")).sort();

  it("generates the first revision from an empty database, and check agrees after upgrade", async ({ skip }) => {
    if (!ctx.available) skip();
    const gen = ctx.project.run(["revision", "--autogenerate", "-m", "initial", "--rev-id", "a1"]);
    expect(gen.code, gen.stderr).toBe(0);
    const text = readFileSync(join(ctx.project.dir, "migrations/versions/a1_initial.ts"), "utf8");
    expect(text).toContain('await op.createTable("users", {');
    expect(text.indexOf('"users"')).toBeLessThan(text.indexOf('"posts"'));
    expect(ctx.project.run(["check"]).code).toBe(1);
    expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("writes no file when nothing changed, unless --allow-empty", async ({ skip }) => {
    if (!ctx.available) skip();
    const none = ctx.project.run(["revision", "--autogenerate", "-m", "nothing"]);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain("No changes");
    expect(files()).toEqual(["a1_initial.ts"]);
    const empty = ctx.project.run(["revision", "--autogenerate", "-m", "empty", "--allow-empty", "--rev-id", "b2"]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(files()).toEqual(["a1_initial.ts", "b2_empty.ts"]);
  });

  it("refuses to autogenerate while the database is behind, writing nothing", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["revision", "--autogenerate", "-m", "too early"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not up to date");
    expect(r.stderr).toContain("migrate upgrade heads");
    expect(files()).toEqual(["a1_initial.ts", "b2_empty.ts"]);
    expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
  });

  it("check lists pending operations and --diff shows the DDL difference", async ({ skip }) => {
    if (!ctx.available) skip();
    writeFileSync(join(ctx.project.dir, "schema.ts"), SCHEMA_V2);
    const check = ctx.project.run(["check", "--diff"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("add column users.display_name");
    expect(check.stdout).toContain("drop column users.legacy_code");
    expect(check.stdout).toMatch(/^\+.*display_name/m);
    expect(check.stdout).toMatch(/^-.*legacy_code/m);
  });

  it("generates the change with destructive warnings, and upgrade/downgrade keep existing rows", async ({ skip }) => {
    if (!ctx.available) skip();
    await queryTestDatabase(ctx.db, "INSERT INTO users (email, legacy_code) VALUES ('ada@example.com', 'L1')");
    const gen = ctx.project.run(["revision", "--autogenerate", "-m", "profile fields", "--rev-id", "c3"]);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stderr).toMatch(/WARNING: .*legacy_code/);
    const text = readFileSync(join(ctx.project.dir, "migrations/versions/c3_profile_fields.ts"), "utf8");
    expect(text).toMatch(/\/\/ WARNING: drops column "users\.legacy_code"/);
    expect(text).toContain('op.addColumn("posts", "body", text())');

    // A row written before the change must survive the upgrade and the downgrade.
    const seed = ctx.project.run(["upgrade", "head"]);
    expect(seed.code, seed.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["c3"]);
    expect(ctx.project.run(["check"]).code).toBe(0);
    const rows = await queryTestDatabase(ctx.db, "SELECT email, active FROM users");
    expect(rows.map((r) => [r.email, Number(r.active)])).toEqual([["ada@example.com", 1]]);
  });

  it("downgrades back through the generated revisions to base", async ({ skip }) => {
    if (!ctx.available) skip();
    const down = ctx.project.run(["downgrade", "a1"]);
    expect(down.code, down.stderr).toBe(0);
    const cols = await queryTestDatabase(
      ctx.db,
      dialect === "sqlite"
        ? "SELECT name FROM pragma_table_info('users') ORDER BY cid"
        : dialect === "postgres"
          ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'users' ORDER BY ordinal_position"
          : "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users' ORDER BY ordinal_position",
    );
    expect(cols.map((c) => c.name)).toEqual(["id", "email", "legacy_code"]);
    expect((await queryTestDatabase(ctx.db, "SELECT email FROM users")).map((r) => r.email)).toEqual(["ada@example.com"]);
    expect(ctx.project.run(["downgrade", "base"]).code).toBe(0);
    expect(await versionRows(ctx.db)).toEqual([]);
  });
});
