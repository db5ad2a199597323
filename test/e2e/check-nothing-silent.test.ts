/**
 * Nothing silent: a difference between schema.ts and the database makes `check` exit 1, whether
 * autogenerate turns it into an operation or cannot (then it is listed by kind and name, with why).
 * One live case per difference that used to be only a warning, on each dialect where it exists;
 * the collation, engine and primary-key cases are in mysql-charset-changes, fidelity-mysql-tables
 * and primary-key-change.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATE_BIN } from "../helpers/project.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

describe("check --help", () => {
  it("documents the exit codes", () => {
    const help = spawnSync(process.execPath, [MIGRATE_BIN, "check", "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n\s+0\s+the database is what schema\.ts says\n\s+1\s+they differ/);
    expect(help.stdout).toMatch(/\n\s+2\s+usage error/);
  });
});

const enumModel = (values: string[]) => `import { array, enumType, integer, table } from "athanor";
export const mood = enumType("mood", ${JSON.stringify(values)});
export const person = table("person", { id: integer().primaryKey(), moods: array(mood.column()) });
`;

describe("PostgreSQL: an enum used by an array column loses a value", () => {
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), enumModel(["sad", "ok", "happy"])) });

  it("check exits 1 and names the enum and why, though autogenerate has nothing it can write", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project } = ctx;
    expect(project.run(["revision", "--autogenerate", "-m", "person", "--rev-id", "e1"]).code).toBe(0);
    expect(project.run(["upgrade", "head"]).code).toBe(0);
    expect(project.run(["check"]).code).toBe(0);

    writeFileSync(join(project.dir, "schema.ts"), enumModel(["sad", "ok"]));
    const check = project.run(["check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("Differences autogenerate does not change (1):");
    expect(check.stdout).toMatch(/enum mood: values 'happy' were removed in the model, but array columns use it \(person\.moods\)/);
    expect(check.stderr).toContain("1 difference(s) autogenerate does not change");
    const json = project.run(["check", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).result.unmanaged).toHaveLength(1);
    // autogenerate writes nothing and says why.
    const gen = project.run(["revision", "--autogenerate", "-m", "nothing", "--rev-id", "e2"]);
    expect(gen.stderr).toMatch(/array columns use it/);
  });
});

const onUpdateModel = (onUpdate: boolean) => `import { integer, table, timestamp } from "athanor";
export const items = table("items", { id: integer().primaryKey(), touched: timestamp().default(null)${onUpdate ? `.onUpdate("CURRENT_TIMESTAMP")` : ""} });
`;

describe("MySQL: an ON UPDATE clause the database does not hold", () => {
  const ctx = useTestProject("mysql", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), onUpdateModel(false)) });

  it("check exits 1 on it, autogenerate adds it, and the downgrade takes it away again", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    expect(project.run(["revision", "--autogenerate", "-m", "items", "--rev-id", "u1"]).code).toBe(0);
    expect(project.run(["upgrade", "head"]).code).toBe(0);
    const extra = async () => (await queryTestDatabase(db, "SELECT EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'items' AND COLUMN_NAME = 'touched'"))[0]?.extra;
    const before = await extra();
    expect(String(before)).not.toMatch(/on update/i);

    writeFileSync(join(project.dir, "schema.ts"), onUpdateModel(true));
    const check = project.run(["check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("alter column items.touched (on update)");
    expect(project.run(["revision", "--autogenerate", "-m", "on update", "--rev-id", "u2"]).code).toBe(0);
    const up = project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(String(await extra())).toMatch(/on update current_timestamp/i);
    expect(project.run(["check"]).code).toBe(0);
    expect(project.run(["downgrade", "u1"]).code).toBe(0);
    expect(await extra()).toEqual(before);
  });
});
