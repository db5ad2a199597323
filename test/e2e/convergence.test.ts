/**
 * The convergence test over the public schema corpus (../shared/schemas), per schema and dialect:
 *
 *   load the schema into database A → `migrate pull` → `migrate revision --autogenerate` against
 *   an empty database B → `migrate upgrade head` on B → A and B reflect equal → `migrate check`
 *   finds nothing → `migrate downgrade base` leaves B with only the version table.
 *
 * Schemas that use a feature the model does not support are listed in KNOWN_GAPS with the
 * missing feature; those cases are expected to fail (so a fix shows up as a test to update).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../src/core/database-url.js";
import { loadDialect } from "../../src/dialects/registry.js";
import { compareSchemas } from "../../src/autogenerate/compare.js";
import { describeOperation } from "../../src/operations/describe.js";
import type { DatabaseSchema } from "../../src/catalog/types.js";
import { corpusEntries, corpusPresent, loadCorpusFile, type CorpusEntry } from "../helpers/corpus.js";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { MIGRATE_BIN } from "../helpers/project.js";

/** "<schema>/<dialect>" → the feature the model lacks. */
const KNOWN_GAPS: Record<string, string> = {
  "pagila/postgres": "user-defined aggregates (group_concat, used by its views)",
  "sakila/postgres": "user-defined aggregates (group_concat, used by its views)",
};

async function reflect(url: string): Promise<DatabaseSchema> {
  const parsed = parseDatabaseUrl(url);
  const dialect = await loadDialect(parsed.dialect);
  const conn = await dialect.connect(parsed);
  try {
    return dialect.normalizeSchema(await dialect.reflect(conn, { excludeTables: ["athanor_version", "athanor_version_log"] }));
  } finally {
    await conn.close();
  }
}

async function differences(a: DatabaseSchema, b: DatabaseSchema, url: string): Promise<string[]> {
  const dialect = await loadDialect(parseDatabaseUrl(url).dialect);
  return compareSchemas(a, b, { capabilities: dialect.capabilities }).operations.map(describeOperation);
}

function migrate(cwd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [MIGRATE_BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

async function converge(entry: CorpusEntry, cleanup: (() => Promise<void>)[]): Promise<void> {
  const a: TestDatabase = await createTestDatabase(entry.dialect);
  cleanup.push(a.drop);
  const b: TestDatabase = await createTestDatabase(entry.dialect);
  cleanup.push(b.drop);
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

  const [schemaA, schemaB] = await Promise.all([reflect(a.url), reflect(b.url)]);
  expect(schemaB.tables.map((t) => t.name)).toEqual(schemaA.tables.map((t) => t.name));
  expect(await differences(schemaA, schemaB, a.url)).toEqual([]);
  expect(schemaB).toEqual(schemaA);

  const check = migrate(dir, ["--url", b.url, "check"]);
  expect(check.code, check.out).toBe(0);

  step(["--url", b.url, "downgrade", "base"]);
  const emptied = await reflect(b.url);
  expect(emptied.tables.map((t) => t.name)).toEqual([]);
  expect(emptied.enums).toEqual([]);
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
    }, 300_000);
  }
});
