/**
 * Convergence over schemas written for athanor's tests (test/fixtures/unseen/<dialect>/*.sql):
 * realistic schemas in the shapes applications write, with the features the public corpus lacks
 * (per-column charsets, prefix and spatial indexes, MariaDB's own types, STRICT and WITHOUT ROWID
 * tables, partial and expression indexes…). Same procedure as the corpus test
 * (test/helpers/convergence.ts), judged by the same oracle.
 *
 * test/fixtures/unseen/unmanaged/<dialect>/*.sql hold what athanor does not manage. Those must
 * never come out silently equal: pull lists each item, and after the same pull → autogenerate →
 * upgrade, check exits 1 naming each.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { converge, freshDatabase, migrate, projectFolder } from "../helpers/convergence.js";
import { loadCorpusFile } from "../helpers/corpus.js";
import type { CorpusEntry } from "../helpers/corpus.js";
import { serverAvailable, type TestDialect } from "../helpers/databases.js";
import { REPO_ROOT } from "../helpers/project.js";

const UNSEEN_DIR = join(REPO_ROOT, "test/fixtures/unseen");

/** Every unseen schema file in `dir`, by name and dialect. */
function unseenEntries(dir = UNSEEN_DIR): CorpusEntry[] {
  return (["mysql", "sqlite"] as TestDialect[]).flatMap((dialect) =>
    readdirSync(join(dir, dialect))
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .map((f) => ({ name: f.replace(/\.sql$/, ""), dialect, file: join(dir, dialect, f) })),
  );
}

describe("convergence over the unseen schemas", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  const entries = unseenEntries();
  it("finds the schemas", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    it(`${entry.name}/${entry.dialect}`, async ({ skip }) => {
      if (!(await serverAvailable(entry.dialect))) skip();
      await converge(entry, cleanup);
    }, 600_000);
  }
});

/** What each unmanaged fixture holds that pull and check must name (a fragment of each line). */
const UNMANAGED_ITEMS: Record<string, string[]> = {
  "conflicts_and_options/sqlite": ['"uuid" UNIQUE ON CONFLICT REPLACE', '"label" NOT NULL ON CONFLICT IGNORE', 'PRIMARY KEY ("device_id", "flag") ON CONFLICT IGNORE', "settings", "events"],
  "options_and_versioning/mysql": ["samples", "row_format=COMPRESSED", "key_block_size=8", "PRIMARY", "one row per sample", "rollups", "page_checksum=1", "PARTITION BY RANGE", "thresholds", "batch_ids", "purge_samples"],
};

describe("unmanaged features in the unseen schemas are reported, never silent", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  for (const entry of unseenEntries(join(UNSEEN_DIR, "unmanaged"))) {
    const key = `${entry.name}/${entry.dialect}`;
    it(key, async ({ skip }) => {
      if (!(await serverAvailable(entry.dialect))) skip();
      const items = UNMANAGED_ITEMS[key];
      expect(items, `UNMANAGED_ITEMS lists what ${key} must report`).toBeDefined();
      const [a, b] = [await freshDatabase(entry.dialect, cleanup), await freshDatabase(entry.dialect, cleanup)];
      loadCorpusFile(entry, a);
      const { dir, step } = projectFolder(entry.name, cleanup);
      const pull = step(["--url", a.url, "pull"]);
      for (const item of items!) expect(pull.out, `pull names ${item}`).toContain(item);
      step(["--url", b.url, "revision", "--autogenerate", "-m", "initial schema"]);
      step(["--url", b.url, "upgrade", "head"]);
      // Against the source database, which holds every unmanaged item, check must fail naming each.
      const check = migrate(dir, ["--url", a.url, "check"]);
      expect(check.code, check.out).toBe(1);
      for (const item of items!) expect(check.out, `check names ${item}`).toContain(item);
    }, 600_000);
  }
});
