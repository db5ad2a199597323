/**
 * The transient progress line ("upgrading 2/3 · c2… …"), drawn in place on stderr only when it is
 * a terminal. The terminal is real: the CLI runs under `script` (util-linux), which gives it a
 * pseudo-terminal, and the test reads what reached that terminal. Piped, with --json or with
 * --quiet, no progress line and no terminal control sequence appears.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { MIGRATE_BIN, type TestProject } from "../helpers/project.js";

/** Erase-line, as the progress line writes it before every redraw and when it ends. */
const ERASE = "\r\x1b[2K";
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

/** Runs the CLI on a pseudo-terminal; returns everything the terminal received, and the exit code. */
function runOnTerminal(project: TestProject, args: string[]): { code: number; screen: string } {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, MIGRATE_BIN, ...args].map(quote).join(" ");
  const r = spawnSync("script", ["-qefc", command, "/dev/null"], {
    cwd: project.dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", TERM: "xterm", COLUMNS: "200" },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, screen: r.stdout };
}

describe.skipIf(!hasScript)("the progress line", () => {
  const ctx = useTestProject("sqlite", {
    setup(project) {
      project.addRevision({ id: "c1aaaaaaaaaa", message: "add users", upgrade: `  await op.execute("CREATE TABLE users (id integer)");`, downgrade: `  await op.execute("DROP TABLE users");` });
      project.addRevision({ id: "c2bbbbbbbbbb", down: "c1aaaaaaaaaa", message: "add orders", upgrade: `  await op.execute("CREATE TABLE orders (id integer)");`, downgrade: `  await op.execute("DROP TABLE orders");` });
      project.addRevision({ id: "c3cccccccccc", down: "c2bbbbbbbbbb", message: "add items", upgrade: `  await op.execute("CREATE TABLE items (id integer)");`, downgrade: `  await op.execute("DROP TABLE items");` });
    },
  });

  it("is drawn on a terminal for every revision, below the lines it keeps out of the way, and erased at the end", ({ skip }) => {
    if (!ctx.available) skip();
    const r = runOnTerminal(ctx.project, ["upgrade", "head"]);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain(`upgrading 1/3 · c1aa… add users`);
    expect(r.screen).toContain(`upgrading 2/3 · c2bb… add orders`);
    expect(r.screen).toContain(`upgrading 3/3 · c3cc… add items`);
    // Each normal line is written after the progress line was erased, never appended to it.
    expect(r.screen).toContain(`${ERASE}Running upgrade c1aaaaaaaaaa -> c2bbbbbbbbbb, add orders`);
    expect(r.screen).toContain(`${ERASE}Upgraded 3 revisions in`);
    // The last thing the terminal received erased the line: nothing of it is left on the screen.
    expect(r.screen.slice(r.screen.lastIndexOf(ERASE) + ERASE.length).trim()).toBe("");

    const down = runOnTerminal(ctx.project, ["downgrade", "base"]);
    expect(down.code, down.screen).toBe(0);
    expect(down.screen).toContain("downgrading 1/3 · c3cc… add items");
    expect(down.screen).toContain("downgrading 3/3 · c1aa… add users");
  });

  it("shows what reflection is doing on a terminal", ({ skip }) => {
    if (!ctx.available) skip();
    const r = runOnTerminal(ctx.project, ["pull", "--out", "-"]);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain(`${ERASE}reflecting the database`);
    expect(r.screen).toMatch(/writing \d+ tables? as a schema module/);
    // The schema module reached the terminal whole, after the line was erased.
    expect(r.screen).toContain(`${ERASE}/**`);
    expect(r.screen).toContain("export default defineSchema(");
  });

  it("is never drawn when stderr is a pipe", ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Running upgrade <base> -> c1aaaaaaaaaa, add users");
    expect(r.stderr).not.toContain("upgrading 1/3");
    expect(r.stderr + r.stdout).not.toContain("\x1b[");
    expect(ctx.project.run(["downgrade", "base"]).code).toBe(0);
  });

  it("is not drawn on a terminal with --json or --quiet", ({ skip }) => {
    if (!ctx.available) skip();
    for (const flag of ["--json", "--quiet"]) {
      const r = runOnTerminal(ctx.project, [flag, "upgrade", "head"]);
      expect(r.code, r.screen).toBe(0);
      expect(r.screen).not.toContain("upgrading");
      expect(r.screen).not.toContain("\x1b[");
      expect(runOnTerminal(ctx.project, [flag, "downgrade", "base"]).code).toBe(0);
    }
  });
});
