/**
 * athanor as a user gets it: `npm pack` the project, install the tarball into a fresh project with
 * only the SQLite driver, and there run `npx athanor init`, `revision --autogenerate`,
 * `upgrade head` and `current`; `import` and `require` both load the package; a strict `tsc`
 * accepts the user's schema.ts, config and generated revision; the absent PostgreSQL driver is one
 * clear error.
 *
 * Offline and quick: npm installs from its cache (`--prefer-offline`; the repository's own
 * `npm ci` filled it), with `--ignore-scripts` so better-sqlite3 is not compiled from source
 * (minutes here) — its prebuilt module is copied from this repository's node_modules instead. The
 * pack uses `--ignore-scripts` too: its prepack build would replace dist/ under the other
 * end-to-end tests running in parallel (`npm test` has just built it).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project.js";

const repoRequire = createRequire(join(REPO_ROOT, "package.json"));
const versionOf = (pkg: string) => (JSON.parse(readFileSync(repoRequire.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;
const TSC = repoRequire.resolve("typescript/bin/tsc");

const root = mkdtempSync(join(tmpdir(), "athanor-installed-"));
const project = join(root, "app");
let tarball = "";
let packedFiles: string[] = [];

function run(command: string, args: string[], cwd = project) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function npx(...args: string[]) {
  return run("npx", ["--no-install", ...args]);
}

beforeAll(() => {
  const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], { cwd: REPO_ROOT, encoding: "utf8" })) as { filename: string; files: { path: string }[] }[];
  tarball = join(root, packed[0]!.filename);
  packedFiles = packed[0]!.files.map((f) => f.path);
  cpSync(join(REPO_ROOT, "test/fixtures/installed-project"), project, { recursive: true });
  const install = run("npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund", tarball, `better-sqlite3@${versionOf("better-sqlite3")}`]);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  const prebuilt = join(dirname(repoRequire.resolve("better-sqlite3/package.json")), "build/Release/better_sqlite3.node");
  cpSync(prebuilt, join(project, "node_modules/better-sqlite3/build/Release/better_sqlite3.node"));
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the packed tarball", () => {
  it("carries the built code, the templates and no source maps", () => {
    for (const file of ["bin/migrate.js", "dist/index.js", "dist/index.d.ts", "dist/cli/main.js", "templates/init/schema.ts", "templates/revision.ts.tmpl", "package.json", "README.md"]) {
      expect(packedFiles).toContain(file);
    }
    expect(packedFiles.filter((f) => f.endsWith(".map") || f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);
  });

  it("installs only the driver the project asked for", () => {
    const pkg = JSON.parse(readFileSync(join(project, "node_modules/athanor/package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepack).toBe("npm run build");
    expect(existsSync(join(project, "node_modules/better-sqlite3"))).toBe(true);
    expect(existsSync(join(project, "node_modules/pg"))).toBe(false);
    expect(existsSync(join(project, "node_modules/mysql2"))).toBe(false);
  });
});

describe("a fresh project using the installed package", () => {
  it("runs init, revision --autogenerate, upgrade head and current", () => {
    const init = npx("athanor", "init");
    expect(init.code, init.stderr).toBe(0);
    writeFileSync(join(project, "schema.ts"), readFileSync(join(project, "schema.users.ts"), "utf8"));
    rmSync(join(project, "schema.users.ts"));

    const revision = npx("athanor", "revision", "--autogenerate", "-m", "add users");
    expect(revision.code, revision.stderr).toBe(0);
    const upgrade = npx("athanor", "upgrade", "head");
    expect(upgrade.code, upgrade.stderr).toBe(0);
    expect(upgrade.stderr).toMatch(/Running upgrade <base> -> [0-9a-f]{12}, add users/);
    const current = npx("migrate", "current");
    expect(current.code, current.stderr).toBe(0);
    expect(current.stdout).toMatch(/^[0-9a-f]{12} \(head\)/);

    const tables = run(process.execPath, ["-e", `const D=require("better-sqlite3");console.log(new D("app.db").prepare("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name").all().map(r=>r.name).join(","))`]);
    expect(tables.stdout.trim().split(",")).toContain("users");
  });

  it("accepts the user's schema.ts, config and generated revision under a strict tsc", () => {
    const files = run(process.execPath, [TSC, "-p", "tsconfig.json", "--listFilesOnly"]).stdout;
    expect(files).toMatch(/migrations\/versions\/[0-9a-f]{12}_add_users\.ts/);
    expect(files).toContain("node_modules/athanor/dist/index.d.ts");
    expect(files).toContain("program.ts");
    const tsc = run(process.execPath, [TSC, "-p", "tsconfig.json"]);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  });

  it("loads with import and with require", () => {
    const imported = run(process.execPath, ["--input-type=module", "-e", `import { table, defineConfig, upgrade, MigrateError } from "athanor"; console.log(typeof table, typeof defineConfig, typeof upgrade, typeof MigrateError);`]);
    expect(imported.stdout.trim(), imported.stderr).toBe("function function function function");
    const required = run(process.execPath, ["-e", `const a = require("athanor"); console.log(typeof a.table, typeof a.defineConfig, typeof a.upgrade, typeof a.MigrateError);`]);
    expect(required.stdout.trim(), required.stderr).toBe("function function function function");
  });

  it("names the npm install for a driver it lacks", () => {
    const r = npx("athanor", "--url", "postgresql://postgres@127.0.0.1:5432/athanor_never_created", "current");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The postgres driver (the npm package "pg") is not installed in this project.');
    expect(r.stderr).toContain("hint: Run: npm install -D pg");
  });
});
