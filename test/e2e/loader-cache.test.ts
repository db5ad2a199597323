/**
 * The compile cache of user modules, through the real CLI: a second run compiles and writes
 * nothing, an edit to a revision or to a local file it imports is always seen, a cache folder
 * that cannot be written only means no cache, and concurrent runs leave only whole files.
 * Offline `upgrade --sql` imports every revision without touching a database.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";

const REVISION = (table: string, extra = "") => `/**
 * create ${table}
 *
 * Revision ID: a1
 */
import { integer, type Operations } from "athanor";
${extra}
export const revision = "a1";
export const downRevision: string | null = null;

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable(${table}, { id: integer().primaryKey() });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable(${table});
}
`;

function snapshot(dir: string): Map<string, number> {
  return new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

describe("compile cache", () => {
  let project: TestProject;
  let cache: string;
  let revisionPath: string;
  const run = (env: Record<string, string> = {}) => project.run(["upgrade", "head", "--sql"], { ATHANOR_CACHE_DIR: cache, ...env });

  beforeEach(() => {
    project = new TestProject("sqlite:app.db");
    cache = join(project.dir, "cache");
    revisionPath = join(project.dir, "migrations/versions/a1_create.ts");
    writeFileSync(revisionPath, REVISION(JSON.stringify("first_table")));
  });
  afterEach(() => project.remove());

  it("compiles once, then reuses the compiled files without writing anything", () => {
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain('CREATE TABLE "first_table"');
    const before = snapshot(cache);
    // The config and the revision: a pointer and a code file each.
    expect([...before.keys()].filter((f) => f.endsWith(".json"))).toHaveLength(2);
    expect([...before.keys()].filter((f) => f.endsWith(".mjs"))).toHaveLength(2);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    expect(snapshot(cache)).toEqual(before);
  });

  it("sees an edited revision at once", () => {
    run();
    writeFileSync(revisionPath, REVISION(JSON.stringify("second_table")));
    const r = run();
    expect(r.stdout).toContain('CREATE TABLE "second_table"');
    expect(r.stdout).not.toContain("first_table");
  });

  it("sees an edit to a local file the revision imports", () => {
    const names = join(project.dir, "migrations/names.ts");
    writeFileSync(names, `export const TABLE: string = "from_helper_one";\n`);
    writeFileSync(revisionPath, REVISION("TABLE", `import { TABLE } from "../names.ts";`));
    expect(run().stdout).toContain('CREATE TABLE "from_helper_one"');
    writeFileSync(names, `export const TABLE: string = "from_helper_two";\n`);
    const r = run();
    expect(r.stdout).toContain('CREATE TABLE "from_helper_two"');
    expect(r.stdout).not.toContain("from_helper_one");
  });

  it("sees an edit to a JSON file the revision imports", () => {
    const names = join(project.dir, "migrations/names.json");
    writeFileSync(names, JSON.stringify({ table: "json_one" }));
    writeFileSync(revisionPath, REVISION("names.table", `import names from "../names.json";`));
    expect(run().stdout).toContain('CREATE TABLE "json_one"');
    writeFileSync(names, JSON.stringify({ table: "json_two" }));
    expect(run().stdout).toContain('CREATE TABLE "json_two"');
  });

  it("runs from memory when the cache folder cannot be created", () => {
    const blocker = join(project.dir, "not-a-folder");
    writeFileSync(blocker, "");
    const r = run({ ATHANOR_CACHE_DIR: join(blocker, "cache") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE "first_table"');
  });

  it("a compile error still names the file and the line", () => {
    writeFileSync(revisionPath, `${REVISION(JSON.stringify("t"))}\nexport const broken = ;\n`);
    const r = run();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Could not load revision a1 \(.*a1_create\.ts\): .*a1_create\.ts:\d+:\d+: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("the revisions of one run are one cached module; an edit to any of them is seen", () => {
    const second = join(project.dir, "migrations/versions/b2_second.ts");
    const b2 = (table: string) => REVISION(JSON.stringify(table)).replace("Revision ID: a1", "Revision ID: b2").replace('revision = "a1"', 'revision = "b2"').replace("downRevision: string | null = null", 'downRevision: string | null = "a1"');
    writeFileSync(second, b2("b_one"));
    const first = run();
    expect(first.stdout).toContain('CREATE TABLE "b_one"');
    // The config, and both revisions together: a pointer and a code file each.
    expect(readdirSync(cache)).toHaveLength(4);
    const before = snapshot(cache);
    expect(run().stdout).toBe(first.stdout);
    expect(snapshot(cache)).toEqual(before);
    writeFileSync(second, b2("b_two"));
    const edited = run();
    expect(edited.stdout).toContain('CREATE TABLE "b_two"');
    expect(edited.stdout).toContain('CREATE TABLE "first_table"');
    expect(edited.stdout).not.toContain("b_one");
  });

  it("bundles a long chain 100 revisions to a module; an edit recompiles only its module", () => {
    const id = (i: number) => `r${String(i).padStart(3, "0")}`;
    const file = (i: number) => join(project.dir, `migrations/versions/${id(i)}_step.ts`);
    const step = (i: number, table: string) =>
      REVISION(JSON.stringify(table))
        .replace("Revision ID: a1", `Revision ID: ${id(i)}`)
        .replace('revision = "a1"', `revision = "${id(i)}"`)
        .replace("downRevision: string | null = null", `downRevision: string | null = ${JSON.stringify(i === 0 ? "a1" : id(i - 1))}`);
    for (let i = 0; i < 150; i++) writeFileSync(file(i), step(i, `t${i}`));
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('CREATE TABLE "t149"');
    // The config, and 151 revisions as two modules (100 + 51): a pointer and a code file each.
    expect(readdirSync(cache)).toHaveLength(6);
    const before = snapshot(cache);
    writeFileSync(file(140), step(140, "t140_edited"));
    const edited = run();
    expect(edited.stdout).toContain('CREATE TABLE "t140_edited"');
    const after = snapshot(cache);
    // Only the second module is compiled again: one new pointer and code file, nothing rewritten.
    expect([...before].every(([f, mtime]) => after.get(f) === mtime)).toBe(true);
    expect(after.size).toBe(8);
  });

  it("concurrent first runs all succeed and leave only whole files", async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => project.runAsync(["upgrade", "head", "--sql"], { ATHANOR_CACHE_DIR: cache })));
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(runs[0]!.stdout);
    }
    expect(readdirSync(cache).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(cache)).toHaveLength(4);
  });
});

describe("compile cache location", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "athanor-cache-home-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is node_modules/.cache/athanor of the nearest node_modules, else the user's cache folder", () => {
    const project = new TestProject("sqlite:app.db");
    try {
      const env = { ATHANOR_CACHE_DIR: "", XDG_CACHE_HOME: join(root, "xdg") };
      expect(project.run(["current"], env).code).toBe(0);
      expect(readdirSync(join(root, "xdg/athanor")).length).toBeGreaterThan(0);
      rmSync(join(root, "xdg"), { recursive: true });
      // A node_modules folder above the config wins over the user's cache folder.
      const nodeModules = join(project.dir, "node_modules");
      mkdirSync(nodeModules);
      expect(project.run(["current"], env).code).toBe(0);
      expect(readdirSync(join(nodeModules, ".cache/athanor")).length).toBeGreaterThan(0);
    } finally {
      project.remove();
    }
  });
});
