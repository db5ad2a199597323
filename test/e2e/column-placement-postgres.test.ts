/**
 * PostgreSQL always adds a column after the table's last one. End to end: a column the model puts
 * in the middle is added last with a note in the file and on stderr, `check` then says the order
 * differs (a warning: nothing autogenerate could do about it, and the schema is otherwise equal),
 * the database's own catalog shows where the column went, and a revision that asks for a place
 * anyway fails with one clear message before anything runs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const V1 = `import { serial, table, varchar } from "athanor";
export const users = table("users", { id: serial().primaryKey(), name: varchar(80), email: varchar(120) });
`;
const V2 = `import { serial, table, varchar } from "athanor";
export const users = table("users", { id: serial().primaryKey(), name: varchar(80), nickname: varchar(40), email: varchar(120) });
`;

/** The table's columns in the catalog's order (pg_attribute.attnum). */
async function columnOrder(db: Parameters<typeof queryTestDatabase>[0]): Promise<string[]> {
  const rows = await queryTestDatabase(db, "SELECT attname FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
  return rows.map((r) => String(r.attname));
}

describe("column placement on PostgreSQL", () => {
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), V1) });

  it("adds a middle column last and says so; check reports the order; a placed addColumn is refused", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    expect(project.run(["revision", "--autogenerate", "-m", "users", "--rev-id", "p1"]).code).toBe(0);
    expect(project.run(["upgrade", "head"]).code).toBe(0);

    writeFileSync(join(project.dir, "schema.ts"), V2);
    const gen = project.run(["revision", "--autogenerate", "-m", "nickname", "--rev-id", "p2"]);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stderr).toContain("users.nickname is added after the table's last column: this database cannot place it after name");
    const text = readFileSync(join(project.dir, "migrations/versions/p2_nickname.ts"), "utf8");
    expect(text).toContain("// NOTE: column users.nickname is added after the table's last column");
    expect(text).toContain(`await op.addColumn("users", "nickname", varchar(40));`);
    const up = project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(await columnOrder(db)).toEqual(["id", "name", "email", "nickname"]);

    const check = project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).toContain("table users: its columns are in another order in the database (id, name, email, nickname) than in the model (id, name, nickname, email)");

    expect(project.run(["revision", "-m", "placed", "--rev-id", "p3"]).code).toBe(0);
    const placed = join(project.dir, "migrations/versions/p3_placed.ts");
    const body = readFileSync(placed, "utf8").replace(/(export async function upgrade\(op: Operations\): Promise<void> \{\n)[^}]*\}/, `$1  await op.addColumn("users", "title", varchar(20), { after: "id" });\n}`);
    writeFileSync(placed, body.replace(/^import .*"athanor";$/m, `import { type Operations, varchar } from "athanor";`));
    const refused = project.run(["upgrade", "head"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`PostgreSQL cannot place column "title" after "id" in "users": ADD COLUMN always adds it after the table's last column.`);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await columnOrder(db)).toEqual(["id", "name", "email", "nickname"]);
  });
});
