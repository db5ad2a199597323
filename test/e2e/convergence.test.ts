/**
 * The convergence test over the public schema corpus (../shared/schemas), per schema and dialect:
 *
 *   load the schema into database A → `migrate pull` → `migrate revision --autogenerate` against
 *   an empty database B → `migrate upgrade head` on B → A and B print the same catalog →
 *   `migrate check` exits 0 → `migrate downgrade base` leaves B printing what an empty database
 *   prints.
 *
 * The judge is the independent oracle (test/helpers/catalog-oracle): each database's catalog as
 * the database itself prints it. athanor's reflection is what is under test, so it is never used
 * here. Schemas that still fail are listed in KNOWN_GAPS with the exact reason; those cases are
 * expected to fail (so a fix shows up as a test to update).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { corpusEntries, corpusPresent, loadCorpusFile, type CorpusEntry } from "../helpers/corpus.js";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { MIGRATE_BIN } from "../helpers/project.js";

/** "<schema>/<dialect>" → why the catalogs still differ. */
const KNOWN_GAPS: Record<string, string> = {
};

function migrate(cwd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [MIGRATE_BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

/** Lines only in `a` (-) or only in `b` (+): the readable form of a catalog difference. */
function catalogDiff(a: string[], b: string[]): string[] {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((l) => !inB.has(l)).map((l) => `- ${l}`), ...b.filter((l) => !inA.has(l)).map((l) => `+ ${l}`)];
}

async function converge(entry: CorpusEntry, cleanup: (() => Promise<void>)[]): Promise<void> {
  const fresh = async (): Promise<TestDatabase> => {
    const db = await createTestDatabase(entry.dialect);
    cleanup.push(db.drop);
    return db;
  };
  const [a, b, empty] = [await fresh(), await fresh(), await fresh()];
  // An empty file is an empty SQLite database (the helper creates none until something connects).
  if (empty.file) writeFileSync(empty.file, "");
  loadCorpusFile(entry, a);
  const dir = mkdtempSync(join(tmpdir(), `athanor-converge-${entry.name}-`));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "migrate.config.ts"), `export default { schema: "./schema.ts", migrations: "./migrations" };\n`);

  const step = (args: string[]) => {
    const r = migrate(dir, args);
    if (r.code !== 0) throw new Error(`migrate ${args.join(" ")} exited ${r.code}:\n${r.out.slice(0, 4000)}`);
    return r;
  };
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

describe("convergence over the schema corpus", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  const present = corpusPresent();
  const entries = present ? corpusEntries() : [];
  it("finds the corpus", ({ skip }) => {
    if (!present) skip();
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    const key = `${entry.name}/${entry.dialect}`;
    const gap = KNOWN_GAPS[key];
    const test = gap ? it.fails : it;
    test(`${key}${gap ? ` (known gap: ${gap})` : ""}`, async ({ skip }) => {
      if (!(await serverAvailable(entry.dialect))) skip();
      await converge(entry, cleanup);
    }, 600_000);
  }
});
