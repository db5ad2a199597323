/**
 * Extra version locations: revisions may live outside `<migrations>/versions`, `--version-path`
 * writes into one of them, and every graph command sees them all.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";

describe("versionLocations and --version-path", () => {
  let project: TestProject;
  beforeAll(() => {
    project = new TestProject("sqlite:app.db", `versionLocations: ["./plugins/billing"]`);
  });
  afterAll(() => project.remove());

  it("writes into the named location and reads revisions from every location", () => {
    const base = project.run(["revision", "-m", "core", "--rev-id", "core1"]);
    expect(base.code, base.stderr).toBe(0);
    const plugin = project.run(["revision", "-m", "billing", "--rev-id", "bill1", "--version-path", join(project.dir, "plugins/billing")]);
    expect(plugin.code, plugin.stderr).toBe(0);
    expect(readdirSync(join(project.dir, "plugins/billing"))).toEqual(["bill1_billing.ts"]);
    expect(existsSync(join(project.dir, "migrations/versions/bill1_billing.ts"))).toBe(false);
    const history = project.run(["history"]);
    expect(history.stdout).toContain("core1 -> bill1 (head), billing");
    const up = project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(project.takeCalls()).toEqual([]);
    expect(project.run(["current"]).stdout.trim()).toBe("bill1 (head)");
  });

  it("refuses a --version-path that is not a configured location, writing nothing", () => {
    const r = project.run(["revision", "-m", "stray", "--version-path", join(project.dir, "elsewhere")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not one of the configured version locations");
    expect(existsSync(join(project.dir, "elsewhere"))).toBe(false);
  });
});
