/**
 * Change pairs (test/fixtures/change-pairs/<dialect>/<name>/v1.sql → v2.sql, optional seed.sql):
 * a schema and the same schema one release later, written for athanor's tests. Per pair:
 *
 *   load v1 into A1 and v2 into A2 → pull A1, autogenerate against empty B, upgrade (B is v1;
 *   seed.sql's rows go in) → pull A2, autogenerate v1 → v2 against B, upgrade → the oracle prints
 *   B as A2, check exits 0, the seeded rows are all there → downgrade -1 → the oracle prints B as
 *   A1 again, the rows still there.
 *
 * The judge is the oracle (test/helpers/catalog-oracle), as in the convergence tests.
 */
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { catalogDiff, freshDatabase, migrate, projectFolder } from "../helpers/convergence.js";
import { loadCorpusFile } from "../helpers/corpus.js";
import { serverAvailable, type TestDatabase, type TestDialect } from "../helpers/databases.js";
import { REPO_ROOT } from "../helpers/project.js";
import { rowCounts } from "../helpers/row-counts.js";

const PAIRS_DIR = join(REPO_ROOT, "test/fixtures/change-pairs");

/** "<pair>/<dialect>" → why it still fails; such a case is expected to fail, so a fix shows up as a test to update. */
const KNOWN_GAPS: Record<string, string> = {};

interface ChangePair {
  name: string;
  dialect: TestDialect;
  dir: string;
}

function pairs(): ChangePair[] {
  return (["mysql", "postgres", "sqlite"] as TestDialect[]).flatMap((dialect) =>
    readdirSync(join(PAIRS_DIR, dialect)).sort().map((name) => ({ name, dialect, dir: join(PAIRS_DIR, dialect, name) })),
  );
}

/**
 * The counts after the upgrade, set beside the counts before it: a table v2 adds must be empty
 * (it is left out), and a table v2 drops must have held no rows (it is counted 0), so a seed that
 * gives a dropped table rows still fails. The downgrade is compared whole.
 */
function keptRows(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const added = Object.keys(after).filter((t) => !(t in before));
  expect(Object.fromEntries(added.map((t) => [t, after[t]])), "rows in tables the upgrade adds").toEqual(Object.fromEntries(added.map((t) => [t, 0])));
  return Object.fromEntries(Object.keys(before).map((t) => [t, after[t] ?? 0]));
}

const load = (pair: ChangePair, file: string, db: TestDatabase) => loadCorpusFile({ name: pair.name, dialect: pair.dialect, file: join(pair.dir, file) }, db);

describe("change pairs: autogenerate v1 → v2, upgrade, downgrade", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  const all = pairs();
  it("finds the pairs", () => {
    expect(all.length).toBeGreaterThan(0);
  });

  for (const pair of all) {
    const key = `${pair.name}/${pair.dialect}`;
    const gap = KNOWN_GAPS[key];
    (gap ? it.fails : it)(`${key}${gap ? ` (known gap: ${gap})` : ""}`, async ({ skip }) => {
      if (!(await serverAvailable(pair.dialect))) skip();
      const [v1, v2, b] = [await freshDatabase(pair.dialect, cleanup), await freshDatabase(pair.dialect, cleanup), await freshDatabase(pair.dialect, cleanup)];
      load(pair, "v1.sql", v1);
      load(pair, "v2.sql", v2);
      const { dir, step } = projectFolder(pair.name, cleanup);

      step(["--url", v1.url, "pull"]);
      step(["--url", b.url, "revision", "--autogenerate", "-m", "v1"]);
      step(["--url", b.url, "upgrade", "head"]);
      const catalogV1 = await catalogText(v1);
      expect(catalogDiff(catalogV1, await catalogText(b)), "B after the v1 revision (+) against v1 (-)").toEqual([]);
      const seeded = existsSync(join(pair.dir, "seed.sql"));
      if (seeded) load(pair, "seed.sql", b);
      const rows = await rowCounts(b);

      step(["--url", v2.url, "pull", "--force"]);
      step(["--url", b.url, "revision", "--autogenerate", "-m", "v2"]);
      step(["--url", b.url, "upgrade", "head"]);
      const catalogV2 = await catalogText(v2);
      expect(catalogDiff(catalogV2, await catalogText(b)), "B after upgrading to v2 (+) against v2 (-)").toEqual([]);
      const check = migrate(dir, ["--url", b.url, "check"]);
      expect(check.code, check.out).toBe(0);
      if (seeded) expect(keptRows(await rowCounts(b), rows), "rows kept by the upgrade").toEqual(rows);

      step(["--url", b.url, "downgrade", "-1"]);
      expect(catalogDiff(catalogV1, await catalogText(b)), "B after downgrading to v1 (+) against v1 (-)").toEqual([]);
      if (seeded) expect(await rowCounts(b), "rows kept by the downgrade").toEqual(rows);
    }, 600_000);
  }
});
