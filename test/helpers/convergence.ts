/**
 * The convergence procedure, shared by the corpus test (test/e2e/convergence.test.ts) and the
 * unseen-schema test (test/e2e/convergence-unseen.test.ts), per schema file and dialect:
 *
 *   load the schema into database A → `migrate pull` → `migrate revision --autogenerate` against
 *   an empty database B → `migrate upgrade head` on B → A and B print the same catalog →
 *   `migrate check` exits 0 → `migrate downgrade base` leaves B printing what an empty database
 *   prints.
 *
 * The judge is the independent oracle (test/helpers/catalog-oracle): each database's catalog as
 * the database itself prints it. athanor's reflection is what is under test, so it is never used
 * here.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { expect } from "vitest";
import { catalogText } from "./catalog-oracle/index.js";
import { loadCorpusFile, type CorpusEntry } from "./corpus.js";
import { createTestDatabase, type TestDatabase } from "./databases.js";
import { MIGRATE_BIN } from "./project.js";

/** Runs the built CLI in `cwd` (no DATABASE_URL from the environment). */
export function migrate(cwd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [MIGRATE_BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

/** Lines only in `a` (-) or only in `b` (+): the readable form of a catalog difference. */
export function catalogDiff(a: string[], b: string[]): string[] {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((l) => !inB.has(l)).map((l) => `- ${l}`), ...b.filter((l) => !inA.has(l)).map((l) => `+ ${l}`)];
}

/** A fresh test database of `dialect`, dropped by `cleanup`; SQLite's file exists (empty). */
export async function freshDatabase(dialect: CorpusEntry["dialect"], cleanup: (() => Promise<void>)[]): Promise<TestDatabase> {
  const db = await createTestDatabase(dialect);
  cleanup.push(db.drop);
  // An empty file is an empty SQLite database (the helper creates none until something connects).
  if (db.file) writeFileSync(db.file, "");
  return db;
}

/** A temporary athanor project folder (schema.ts, migrations/), removed by `cleanup`. */
export function projectFolder(name: string, cleanup: (() => Promise<void>)[]): { dir: string; step: (args: string[]) => { code: number; out: string } } {
  const dir = mkdtempSync(join(tmpdir(), `athanor-converge-${name}-`));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "migrate.config.ts"), `export default { schema: "./schema.ts", migrations: "./migrations" };\n`);
  const step = (args: string[]) => {
    const r = migrate(dir, args);
    if (r.code !== 0) throw new Error(`migrate ${args.join(" ")} exited ${r.code}:\n${r.out.slice(0, 4000)}`);
    return r;
  };
  return { dir, step };
}

/** The whole procedure for one schema file (see the module comment); fails on the first difference. */
export async function converge(entry: CorpusEntry, cleanup: (() => Promise<void>)[]): Promise<void> {
  const [a, b, empty] = [await freshDatabase(entry.dialect, cleanup), await freshDatabase(entry.dialect, cleanup), await freshDatabase(entry.dialect, cleanup)];
  loadCorpusFile(entry, a);
  const { dir, step } = projectFolder(entry.name, cleanup);
  step(["--url", a.url, "pull"]);
  step(["--url", b.url, "revision", "--autogenerate", "-m", "initial schema"]);
  step(["--url", b.url, "upgrade", "head"]);

  const [catalogA, catalogB] = await Promise.all([catalogText(a), catalogText(b)]);
  expect(catalogDiff(catalogA, catalogB), "source (-) and migrated (+) catalogs differ").toEqual([]);
  expect(catalogB).toEqual(catalogA);

  const check = migrate(dir, ["--url", b.url, "check"]);
  expect(check.code, check.out).toBe(0);

  step(["--url", b.url, "downgrade", "base"]);
  expect(catalogDiff(await catalogText(empty), await catalogText(b)), "after downgrade base").toEqual([]);
}

/**
 * A change pair (v1 → v2): B is brought to v1 as `converge` does; v2 is loaded into database C
 * and pulled over schema.ts; `revision --autogenerate` against B → `upgrade head` → B prints C's
 * catalog and `check` exits 0 → `downgrade -1` → B prints v1's catalog (A's) again.
 */
export async function convergeChange(v1: CorpusEntry, v2: CorpusEntry, cleanup: (() => Promise<void>)[]): Promise<void> {
  const [a, b, c] = [await freshDatabase(v1.dialect, cleanup), await freshDatabase(v1.dialect, cleanup), await freshDatabase(v1.dialect, cleanup)];
  loadCorpusFile(v1, a);
  loadCorpusFile(v2, c);
  const { dir, step } = projectFolder(v1.name, cleanup);
  const same = async (want: TestDatabase, what: string): Promise<void> => {
    const [expected, actual] = await Promise.all([catalogText(want), catalogText(b)]);
    expect(catalogDiff(expected, actual), what).toEqual([]);
    expect(actual).toEqual(expected);
  };
  step(["--url", a.url, "pull"]);
  step(["--url", b.url, "revision", "--autogenerate", "-m", "v1"]);
  step(["--url", b.url, "upgrade", "head"]);
  await same(a, "v1 (-) and migrated (+) catalogs differ");

  step(["--url", c.url, "pull", "--force"]);
  step(["--url", b.url, "revision", "--autogenerate", "-m", "v2"]);
  step(["--url", b.url, "upgrade", "head"]);
  await same(c, "v2 (-) and upgraded (+) catalogs differ");
  const check = migrate(dir, ["--url", b.url, "check"]);
  expect(check.code, check.out).toBe(0);

  step(["--url", b.url, "downgrade", "-1"]);
  await same(a, "v1 (-) and downgraded (+) catalogs differ");
}
