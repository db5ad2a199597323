/**
 * Bad input on disk and on the command line: broken revision files, a broken revision graph, a
 * broken config, and usage errors. Each gives one message saying what is wrong and a hint, the
 * right exit code (2 for usage), no stack trace without --verbose, and writes nothing: no file,
 * no version table, no version row.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TestProject, type CliRun } from "../helpers/project.js";
import { versionRows } from "../helpers/version-rows.js";
import type { TestDatabase } from "../helpers/databases.js";
import { STACK_LINE } from "./reliability-helpers.js";

let project: TestProject;

afterEach(() => project?.remove());

/** A project on an SQLite file inside its own folder, with revisions a -> b. */
function setup(): { db: TestDatabase; versions: string } {
  project = new TestProject("sqlite:app.db");
  const file = join(project.dir, "app.db");
  project.addRevision({ id: "a1", upgrade: `  await op.execute("CREATE TABLE ta (id integer)");` });
  project.addRevision({ id: "b1", down: "a1", upgrade: `  await op.execute("CREATE TABLE tb (id integer)");` });
  return { db: { dialect: "sqlite", url: `sqlite:${file}`, file, drop: async () => undefined }, versions: join(project.dir, "migrations/versions") };
}

/** The common contract: exit code, one ERROR line with the message, a hint, no stack. */
function expectUserError(r: CliRun, code: number, message: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(/^ERROR: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stdout).toBe("");
}

/** Nothing reached the database and no revision ran. */
async function expectNothingWritten(db: TestDatabase): Promise<void> {
  expect(await versionRows(db)).toBeNull();
  expect(project.takeCalls()).toEqual([]);
}

describe("a broken schema.ts", () => {
  // The model is loaded before connecting: its error is the one to fix first, even with the server down.
  for (const command of [["revision", "--autogenerate", "-m", "x"], ["check"]]) {
    it(`${command[0]} reports a syntax error in schema.ts although the database is unreachable`, () => {
      project = new TestProject("postgres://nobody@127.0.0.1:1/nowhere", `schema: "./schema.ts"`);
      writeFileSync(join(project.dir, "schema.ts"), `import { table, integer } from "athanor";\nexport const t = table("t", { id: integer( });\n`);
      const r = project.run(command);
      expectUserError(r, 1, /Could not load .*schema\.ts/);
      expect(r.stderr).not.toMatch(/connect|ECONNREFUSED/i);
      expect(readdirSync(join(project.dir, "migrations/versions"))).toEqual([]);
    });
  }
});

describe("bad revision files", () => {
  it("a syntax error names the file and the error", async () => {
    const { db } = setup();
    project.addRevision({ id: "b1", down: "a1", upgrade: "  await op.execute(\"SELECT 1\"" });
    const r = project.run(["upgrade", "head"]);
    expectUserError(r, 1, /Could not load revision b1 \(.*b1_rev\.ts\)/);
    expect(r.stderr).toMatch(/hint: Fix the error in the revision file/);
    await expectNothingWritten(db);
  });

  it("the stack of a syntax error is shown with --verbose only", () => {
    setup();
    project.addRevision({ id: "b1", down: "a1", upgrade: "  await op.execute(\"SELECT 1\"" });
    const r = project.run(["--verbose", "upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(STACK_LINE);
  });

  for (const missing of ["upgrade", "downgrade"] as const) {
    it(`a missing ${missing} export fails the run before anything is written`, async () => {
      const { db, versions } = setup();
      const path = join(versions, "b1_rev.ts");
      const text = readFileSync(path, "utf8").replace(`export async function ${missing}(`, `async function ${missing}_(`);
      writeFileSync(path, text);
      const r = project.run(["upgrade", "head"]);
      expectUserError(r, 1, new RegExp(`Revision b1 \\(.*\\) does not export a function "${missing}"`));
      expect(r.stderr).toContain(`hint: Add \`export async function ${missing}(op: Operations)`);
      // a1 is fine, but the whole run stops before it: modules are loaded first.
      await expectNothingWritten(db);
    });
  }

  it("the same revision id in two files", async () => {
    const { db, versions } = setup();
    copyFileSync(join(versions, "b1_rev.ts"), join(versions, "b1_copy.ts"));
    const r = project.run(["upgrade", "head"]);
    expectUserError(r, 1, /Revision id b1 is declared twice: in .*b1_copy\.ts and in .*b1_rev\.ts/);
    expect(r.stderr).toContain("hint:");
    await expectNothingWritten(db);
  });

  it("a cycle", async () => {
    const { db } = setup();
    project.addRevision({ id: "a1", down: "b1" });
    const r = project.run(["upgrade", "head"]);
    expectUserError(r, 1, /cycle/);
    expect(r.stderr).toMatch(/a1/);
    expect(r.stderr).toMatch(/b1/);
    await expectNothingWritten(db);
  });

  it("an unknown parent", async () => {
    const { db } = setup();
    project.addRevision({ id: "b1", down: "zz9" });
    const r = project.run(["upgrade", "head"]);
    expectUserError(r, 1, /Revision b1 \(.*\) revises zz9, which no revision file defines/);
    await expectNothingWritten(db);
  });
});

describe("bad configuration", () => {
  it("a config file that throws", async () => {
    const { db } = setup();
    writeFileSync(join(project.dir, "migrate.config.ts"), `throw new Error("config exploded");\nexport default {};\n`);
    const r = project.run(["upgrade", "head"]);
    expectUserError(r, 1, /Could not load .*migrate\.config\.ts: config exploded/);
    expect(r.stderr).toContain("hint: Fix the error in the config file");
    await expectNothingWritten(db);
  });

  it("a config with the wrong shape names the setting", async () => {
    const { db } = setup();
    writeFileSync(join(project.dir, "migrate.config.ts"), `export default { url: "sqlite:app.db", lockTimeout: "soon" };\n`);
    const r = project.run(["upgrade", "head"]);
    expectUserError(r, 1, /Setting "lockTimeout" in .*migrate\.config\.ts must be a number of seconds/);
    await expectNothingWritten(db);
  });

  it("an unknown setting is named", () => {
    setup();
    writeFileSync(join(project.dir, "migrate.config.ts"), `export default { url: "sqlite:app.db", lockTimeot: 5 };\n`);
    expectUserError(project.run(["current"]), 1, /Unknown setting "lockTimeot"/);
  });
});

describe("usage errors", () => {
  it("an unknown command exits 2", () => {
    setup();
    const r = project.run(["upgarde"]);
    expectUserError(r, 2, /unknown command 'upgarde'/);
    expect(r.stderr).toContain("migrate --help");
  });

  it("an unknown option exits 2", async () => {
    const { db } = setup();
    const r = project.run(["upgrade", "--dry-run"]);
    expectUserError(r, 2, /unknown option '--dry-run'/);
    await expectNothingWritten(db);
  });

  it("a bad --lock-timeout exits 2", async () => {
    const { db } = setup();
    expectUserError(project.run(["upgrade", "--lock-timeout", "soon"]), 2, /--lock-timeout must be a number of seconds, got "soon"/);
    await expectNothingWritten(db);
  });

  it("an ambiguous revision prefix lists the candidates", async () => {
    const { db } = setup();
    project.addRevision({ id: "a2", down: "a1" });
    rmSync(join(project.dir, "migrations/versions/b1_rev.ts"));
    const r = project.run(["upgrade", "a"]);
    expectUserError(r, 1, /a1/);
    expect(r.stderr).toMatch(/a2/);
    expect(r.stderr).toMatch(/ambiguous|more than one/i);
    await expectNothingWritten(db);
  });

  it("forbidden characters in --rev-id exit 2 and write no file", () => {
    const { versions } = setup();
    const before = readdirSync(versions).sort();
    const r = project.run(["revision", "-m", "x", "--rev-id", "../evil"]);
    expectUserError(r, 2, /Revision id "\.\.\/evil" is not allowed/);
    expect(r.stderr).toContain("hint:");
    expect(readdirSync(versions).sort()).toEqual(before);
    expect(existsSync(join(project.dir, "migrations/evil_x.ts"))).toBe(false);
  });

  it("resolve without --applied or --rolled-back exits 2", () => {
    setup();
    expectUserError(project.run(["resolve", "b1"]), 2, /pass exactly one of --applied and --rolled-back/);
  });

  it("--resume with nothing to resume exits 2 and runs nothing", async () => {
    const { db } = setup();
    const r = project.run(["upgrade", "--resume"]);
    expectUserError(r, 2, /Nothing to resume: no revision is partially applied/);
    await expectNothingWritten(db);
  });
});
