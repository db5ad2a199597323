/**
 * The drivers are optional peer dependencies: a project without the one its URL needs gets one
 * clear error naming the package and the `npm install` to run (exit 1, no stack). The packages are hidden by a module resolution hook in the spawned CLI, as if absent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATE_BIN, REPO_ROOT } from "../helpers/project.js";

const HIDE = pathToFileURL(join(REPO_ROOT, "test/fixtures/hide-packages/register.mjs")).href;
const dir = mkdtempSync(join(tmpdir(), "athanor-no-driver-"));
spawnSync(process.execPath, [MIGRATE_BIN, "init"], { cwd: dir, encoding: "utf8" });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWithout(pkg: string, url: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", HIDE, MIGRATE_BIN, "--url", url, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ATHANOR_HIDE_PACKAGES: pkg },
  });
}

const CASES = [
  { pkg: "pg", dialect: "postgres", url: "postgresql://postgres@127.0.0.1:5432/athanor_never_created" },
  { pkg: "mysql2", dialect: "mysql", url: "mysql://root@127.0.0.1:3306/athanor_never_created" },
  { pkg: "better-sqlite3", dialect: "sqlite", url: "sqlite:///never-created.db" },
];

describe.each(CASES)("without $pkg", ({ pkg, dialect, url }) => {
  it("says which package to install", () => {
    const r = runWithout(pkg, url, "current");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `ERROR: The ${dialect} driver (the npm package "${pkg}") is not installed in this project.\nhint: Run: npm install -D ${pkg}\n`,
    );
  });

  it("still runs commands that need no database", () => {
    const r = runWithout(pkg, url, "history");
    expect(r.stderr).not.toContain(pkg);
    expect(r.status).toBe(0);
  });
});

describe("the hook itself", () => {
  it("leaves the other drivers loadable", () => {
    const r = runWithout("pg", "sqlite:///:memory:", "current");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
