/**
 * Changed files: the SHA-256 of each revision file is recorded when it is applied. `migrate
 * current --verbose` and `migrate check` list applied revisions whose file changed since; `--strict` (or config
 * `strict: true`) makes that an error; `migrate resolve <rev> --applied` accepts the file as it is.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { STACK_LINE } from "./reliability-helpers.js";

describe.each(["sqlite", "postgres"] as const)("changed revision files on %s", (dialect) => {
  let c1: string;
  const ctx = useTestProject(dialect, {
    setup(project) {
      c1 = project.addRevision({ id: "c1", upgrade: `  await op.execute("CREATE TABLE c1t (id integer)");` });
      project.addRevision({ id: "c2", down: "c1" });
      project.addRevision({ id: "c3", down: "c2" });
      const r = project.run(["upgrade", "c2"]);
      if (r.code !== 0) throw new Error(r.stderr);
      project.takeCalls();
    },
  });

  it("unchanged files: --verbose lists nothing and --strict passes", ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["--verbose", "current", "--strict"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("c2\n");
  });

  it("an edited applied file is reported with --verbose, and is an error with --strict", ({ skip }) => {
    if (!ctx.available) skip();
    appendFileSync(c1, "// an edit after the fact\n");
    // An edit to a revision that is not applied is nobody's business.
    appendFileSync(join(ctx.project.dir, "migrations/versions/c3_rev.ts"), "// not applied yet\n");
    const plain = ctx.project.run(["current"]);
    expect(plain.stdout).toBe("c2\n");
    const verbose = ctx.project.run(["--verbose", "current"]);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toBe(`c2\nChanged since applied: c1 (${c1})\n`);
    const strict = ctx.project.run(["current", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`ERROR: An applied revision file has changed since it was applied:\n  c1 (${c1})`);
    expect(strict.stderr).toContain("hint: Undo the edits and put new changes in a new revision; if an edit is harmless, record the file as it is now with `migrate resolve c1 --applied`.");
    expect(strict.stderr).not.toMatch(STACK_LINE);
  });

  it("check warns about the edited file, and --strict makes it an error", ({ skip }) => {
    if (!ctx.available) skip();
    const config = join(ctx.project.dir, "migrate.config.ts");
    writeFileSync(join(ctx.project.dir, "schema.ts"), `import { defineSchema } from "athanor";\nexport default defineSchema({ tables: [] });\n`);
    writeFileSync(config, `export default { url: ${JSON.stringify(ctx.db.url)}, schema: "./schema.ts", excludeTables: ["c1t"] };\n`);
    const r = ctx.project.run(["check"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("WARNING: applied revision c1 changed since it was applied");
    const strict = ctx.project.run(["check", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("An applied revision file has changed since it was applied");
    writeFileSync(config, `export default { url: ${JSON.stringify(ctx.db.url)} };\n`);
  });

  it("config strict: true makes it an error without the flag", ({ skip }) => {
    if (!ctx.available) skip();
    const config = join(ctx.project.dir, "migrate.config.ts");
    writeFileSync(config, `export default { url: ${JSON.stringify(ctx.db.url)}, strict: true };\n`);
    const r = ctx.project.run(["current"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("An applied revision file has changed");
    writeFileSync(config, `export default { url: ${JSON.stringify(ctx.db.url)} };\n`);
  });

  it("resolve --applied records the file as it is now", ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["resolve", "c1", "--applied"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Recorded the file of c1 as applied; version table: c2");
    expect(ctx.project.run(["current", "--strict"]).code).toBe(0);
    expect(ctx.project.takeCalls()).toEqual([]);
  });

  it("resolve --applied refuses a revision that is not applied", ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["resolve", "c3", "--applied"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Revision c3 has no unfinished step to resolve and is not applied.");
    expect(r.stderr).toContain("hint: To mark it applied without running it, use `migrate stamp c3`.");
  });
});
