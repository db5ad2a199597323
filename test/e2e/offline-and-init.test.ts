/**
 * End to end: `migrate init` gives a working project, and offline `--sql` renders upgrade,
 * downgrade ranges and stamps without touching the database — with BEGIN/COMMIT exactly where
 * the dialect has transactional DDL, and SQLite rebuilds of tables created earlier in the range
 * or by the revisions before it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";

const CREATE = `await op.createTable("widgets", { id: serial().primaryKey(), name: varchar(50).notNull() });`;
const ALTER = `await op.alterColumn("widgets", "name", { type: varchar(120), existingType: varchar(50), existingNullable: false, existingDefault: null, existingComment: null, existingGenerated: null });`;

function addWidgetRevisions(project: TestProject): void {
  const imports = `import { serial, varchar } from "athanor";`;
  project.addRevision({ id: "w1", message: "create widgets", prelude: imports, upgrade: `  ${CREATE}`, downgrade: `  await op.dropTable("widgets");` });
  project.addRevision({ id: "w2", down: "w1", message: "widen name", prelude: imports, upgrade: `  ${ALTER}`, downgrade: `  await op.alterColumn("widgets", "name", { type: varchar(50), existingType: varchar(120), existingNullable: false, existingDefault: null, existingComment: null, existingGenerated: null });` });
}

describe.each([
  ["sqlite", "sqlite:never-created.db", true],
  ["postgres", "postgres://nobody:secret@127.0.0.1:1/nowhere", true],
  ["mysql", "mysql://nobody:secret@127.0.0.1:1/nowhere", false],
] as const)("offline --sql on %s (no database is contacted)", (dialect, url, transactional) => {
  let project: TestProject;
  beforeAll(() => {
    project = new TestProject(url);
    addWidgetRevisions(project);
  });
  afterAll(() => project.remove());

  it("renders the whole upgrade with version-table statements", () => {
    const r = project.run(["upgrade", "head", "--sql"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/CREATE TABLE[^;]*athanor_version/);
    expect(r.stdout).toMatch(/CREATE TABLE [`"]widgets[`"]/);
    expect(r.stdout).toContain("INSERT INTO");
    expect(r.stdout).toContain("'w1'");
    expect(r.stdout).toMatch(/UPDATE [`"]athanor_version[`"] SET [`"]version_num[`"] = 'w2' WHERE [`"]version_num[`"] = 'w1'/);
    expect(r.stdout).toContain("-- Running upgrade <base> -> w1, create widgets");
    expect((r.stdout.match(/^BEGIN;$/gm) ?? []).length).toBe(transactional ? 2 : 0);
    expect((r.stdout.match(/^COMMIT;$/gm) ?? []).length).toBe(transactional ? 2 : 0);
    expect(r.stdout).not.toContain("secret");
    if (dialect === "sqlite") {
      // The alter is a rebuild, possible offline because w1 created the table in the same range.
      expect(r.stdout).toMatch(/_athanor_tmp_widgets/);
      // Foreign keys off before the first transaction, so a rebuild cannot cascade into child rows.
      expect(r.stdout.indexOf("PRAGMA foreign_keys = OFF;")).toBeGreaterThanOrEqual(0);
      expect(r.stdout.indexOf("PRAGMA foreign_keys = OFF;")).toBeLessThan(r.stdout.indexOf("BEGIN;"));
      expect(r.stdout.trimEnd().endsWith("PRAGMA foreign_keys = ON;")).toBe(true);
      // The script is real SQL: run it with the sqlite3 shell and look at the result.
      const file = join(project.dir, "from-script.db");
      execFileSync("sqlite3", ["-bail", file], { input: r.stdout });
      const read = (sql: string) => execFileSync("sqlite3", [file, sql], { encoding: "utf8" }).trim();
      expect(read("SELECT version_num FROM athanor_version")).toBe("w2");
      expect(read("SELECT type FROM pragma_table_info('widgets') WHERE name = 'name'")).toBe("VARCHAR(120)");
      expect(existsSync(join(project.dir, "never-created.db"))).toBe(false);
    }
  });

  it("renders a downgrade range and refuses a downgrade without one", () => {
    const r = project.run(["downgrade", "w2:base", "--sql"]);
    // Undoing w2 on SQLite is a rebuild of a table created before the range: its definition comes from w1.
    if (dialect === "sqlite") expect(r.stdout).toMatch(/_athanor_tmp_widgets/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("-- Running downgrade w2 -> w1");
    expect(r.stdout).toMatch(/DROP TABLE [`"]widgets[`"]/);
    expect(r.stdout).toMatch(/DELETE FROM [`"]athanor_version[`"]/);
    const bad = project.run(["downgrade", "base", "--sql"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("range");
  });

  it("renders a stamp", () => {
    const r = project.run(["stamp", "w2", "--sql"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("'w2'");
  });
});

describe("migrate init", () => {
  it("reports a path it cannot create as a clear error, not a crash", () => {
    const blocker = join(project.dir, "a-file");
    writeFileSync(blocker, "");
    const r = project.run(["init", join(blocker, "inside")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Could not create the folder ${join(blocker, "inside")}: a file is in the way of a folder.`);
    expect(r.stderr).not.toContain("bug");
  });

  let project: TestProject;
  beforeAll(() => {
    project = new TestProject("sqlite:unused.db");
  });
  afterAll(() => project.remove());

  it("writes a project that works, and never overwrites", () => {
    const dir = join(project.dir, "fresh");
    const first = project.run(["init", "fresh"]);
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["migrate.config.ts", "migrations", "schema.ts"]);
    const config = readFileSync(join(dir, "migrate.config.ts"), "utf8");
    writeFileSync(join(dir, "migrate.config.ts"), `${config}// mine\n`);
    const second = project.run(["init", "fresh"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Kept existing");
    expect(readFileSync(join(dir, "migrate.config.ts"), "utf8")).toBe(`${config}// mine\n`);

    const run = (args: string[]) => project.run(["-c", join(dir, "migrate.config.ts"), ...args]);
    const rev = run(["revision", "-m", "first", "--rev-id", "f1"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(run(["current"]).stdout.trim()).toBe("f1 (head)");
    expect(existsSync(join(dir, "app.db"))).toBe(true);
    // The template's empty model is valid: nothing to generate, and check agrees.
    const auto = run(["revision", "--autogenerate", "-m", "nothing yet"]);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toContain("No changes");
    expect(run(["check"]).code).toBe(0);
  });
});
