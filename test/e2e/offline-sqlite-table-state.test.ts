/**
 * Offline `--sql` on SQLite knows its tables from the revisions: a range that starts mid-history
 * (a downgrade across a rebuild) is rendered from the definitions the earlier upgrades leave, and
 * a rename followed by a type change rebuilds with the new name in checks and indexes. Each
 * script is run with the sqlite3 shell and the resulting catalog and rows are looked at, and the
 * same revisions run online give the same statements.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";

const PRELUDE = `import { integer, varchar, sql } from "athanor";`;
const CODE_10 = `existingType: varchar(10), existingNullable: false, existingDefault: null, existingComment: null, existingGenerated: null`;

function addRevisions(project: TestProject): void {
  project.addRevision({
    id: "s1",
    message: "create items",
    prelude: PRELUDE,
    upgrade: [
      `  await op.createTable("items", { id: integer().primaryKey(), code: varchar(10).notNull(), qty: integer() });`,
      `  await op.createCheckConstraint("ck_items_code", "items", sql\`length(code) > 0\`);`,
      `  await op.createIndex("ix_items_code", "items", ["code"], { where: sql\`code <> 'x'\` });`,
      `  await op.bulkInsert("items", [{ id: 1, code: "a1", qty: 3 }, { id: 2, code: "b2", qty: null }]);`,
    ].join("\n"),
    downgrade: `  await op.dropTable("items");`,
  });
  project.addRevision({
    id: "s2",
    down: "s1",
    message: "rename code to sku and widen it",
    prelude: PRELUDE,
    upgrade: [
      `  await op.alterColumn("items", "code", { newName: "sku" });`,
      `  await op.alterColumn("items", "sku", { type: varchar(40), ${CODE_10} });`,
    ].join("\n"),
    downgrade: [
      `  await op.alterColumn("items", "sku", { type: varchar(10), existingType: varchar(40), existingNullable: false, existingDefault: null, existingComment: null, existingGenerated: null });`,
      `  await op.alterColumn("items", "sku", { newName: "code" });`,
    ].join("\n"),
  });
}

let project: TestProject;
let file: string;
const shell = (input: string) => execFileSync("sqlite3", ["-bail", file], { input });
const read = (query: string) => execFileSync("sqlite3", [file, query], { encoding: "utf8" }).trim();

beforeAll(() => {
  project = new TestProject("sqlite:never-created.db");
  addRevisions(project);
  file = join(project.dir, "from-script.db");
});
afterAll(() => project.remove());

describe("offline --sql on SQLite tracks tables through the revisions", () => {
  it("a rename then a type change rebuilds with the new name in the check and the index", () => {
    const r = project.run(["upgrade", "head", "--sql"]);
    expect(r.code, r.stderr).toBe(0);
    const rebuild = r.stdout.slice(r.stdout.indexOf("-- Running upgrade s1 -> s2"));
    expect(rebuild).toMatch(/length\("sku"\) > 0/);
    expect(rebuild).toMatch(/CREATE INDEX "ix_items_code" ON "items" \("sku"\) WHERE "sku" <> 'x'/);
    expect(rebuild.slice(rebuild.indexOf("CREATE TABLE"))).not.toMatch(/[^_]code\b/);
    rmSync(file, { force: true });
    shell(r.stdout);
    expect(read("SELECT version_num FROM athanor_version")).toBe("s2");
    expect(read("SELECT type FROM pragma_table_info('items') WHERE name = 'sku'")).toBe("VARCHAR(40)");
    expect(read("SELECT sql FROM sqlite_schema WHERE name = 'ix_items_code'")).toContain('"sku"');
    expect(read("SELECT id || ':' || sku FROM items ORDER BY id")).toBe("1:a1\n2:b2");
  });

  it("downgrade head:s1 --sql rebuilds a table created before the range, and the script restores it", () => {
    rmSync(file, { force: true });
    shell(project.run(["upgrade", "head", "--sql"]).stdout);
    const r = project.run(["downgrade", "s2:s1", "--sql"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE "_athanor_tmp_items"');
    // Nothing of the replayed upgrades is printed.
    expect(r.stdout).not.toContain("Running upgrade");
    shell(r.stdout);
    expect(read("SELECT version_num FROM athanor_version")).toBe("s1");
    expect(read("SELECT name || ' ' || type FROM pragma_table_info('items') ORDER BY cid")).toBe("id INTEGER\ncode VARCHAR(10)\nqty INTEGER");
    expect(read("SELECT sql FROM sqlite_schema WHERE name = 'items'")).toMatch(/length\("code"\) > 0/);
    expect(read("SELECT id || ':' || code FROM items ORDER BY id")).toBe("1:a1\n2:b2");
  });

  it("downgrade s2:base --sql undoes both revisions, and upgrade s1:head --sql redoes the second", () => {
    const down = project.run(["downgrade", "s2:base", "--sql"]);
    expect(down.code, down.stderr).toBe(0);
    const up = project.run(["upgrade", "s1:head", "--sql"]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/length\("sku"\) > 0/);
  });

  it("online runs compile the same statements as the offline script", () => {
    const online = new TestProject("sqlite:online.db");
    try {
      addRevisions(online);
      const offline = online.run(["upgrade", "head", "--sql"]);
      const run = online.run(["upgrade", "head", "--verbose"]);
      expect(run.code, run.stderr).toBe(0);
      const rebuild = offline.stdout.split("\n").filter((l) => l.includes("_athanor_tmp_items"))[0] as string;
      expect(run.stdout + run.stderr).toContain(rebuild.replace(/;$/, ""));
    } finally {
      online.remove();
    }
  });
});
