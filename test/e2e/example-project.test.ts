/**
 * The shipped example project (migrations-example/) runs on every dialect: upgrade to head
 * (through two labelled branches, a dependsOn, a merge and a data migration), then back to base.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_DIALECTS, createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { MIGRATE_BIN, REPO_ROOT } from "../helpers/project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";

describe.each(ALL_DIALECTS)("example project on %s", (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), "athanor-example-"));
  cpSync(join(REPO_ROOT, "migrations-example"), dir, { recursive: true, filter: (src) => !src.endsWith(".db") });
  let db: TestDatabase | undefined;

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  const migrate = (url: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [MIGRATE_BIN, "--url", url, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status, r.stderr).toBe(0);
    return r;
  };

  it("upgrades to head, seeds data, and downgrades to base", async ({ skip }) => {
    if (!(await serverAvailable(dialect))) skip();
    db = await createTestDatabase(dialect);
    const up = migrate(db.url, "upgrade", "head");
    expect(up.stderr).toContain("Running upgrade 4d5e6f7a8b9c, 5e6f7a8b9c0d -> 6f7a8b9c0d1e, merge billing and audit");
    // The closing line: how many revisions ran, the total time and the slowest one.
    expect(up.stderr).toMatch(/\nUpgraded 7 revisions in \d+(\.\d)? m?s \(slowest: [0-9a-f]{12}, \d+(\.\d)? m?s\)\.\n$/);
    expect(await versionRows(db)).toEqual(["7a8b9c0d1e2f"]);
    const products = await queryTestDatabase(db, "SELECT sku, price FROM products ORDER BY sku");
    expect(products.map((p) => [p.sku, Number(p.price)])).toEqual([
      ["MUG-001", 12],
      ["TEA-001", 4.05],
      ["TEA-002", 3.51],
    ]);
    migrate(db.url, "downgrade", "base");
    expect(await versionRows(db)).toEqual([]);
    const leftover = await queryTestDatabase(
      db,
      dialect === "sqlite"
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'athanor_version%'"
        : dialect === "postgres"
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE 'athanor_version%'"
          : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT LIKE 'athanor_version%'",
    );
    expect(leftover).toEqual([]);
  });
});
