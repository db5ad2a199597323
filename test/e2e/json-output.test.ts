/**
 * `--json`: every command prints one JSON document on stdout, errors included
 * (`{"error":{"code","message","hint"}}`, nothing on stdout besides it), with the documented exit
 * codes: 0 success, 1 failure, 2 usage.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATE_BIN } from "../helpers/project.js";

const dir = mkdtempSync(join(tmpdir(), "athanor-json-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function json(...args: string[]) {
  const r = spawnSync(process.execPath, [MIGRATE_BIN, "--json", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  return { code: r.status, value: JSON.parse(r.stdout) as Record<string, unknown> & { error?: { code: string; message: string; hint: string | null } }, stderr: r.stderr };
}

describe("--json", () => {
  it("prints a config error as JSON on stdout, exit 1, nothing on stderr", () => {
    const r = json("current");
    expect(r.code).toBe(1);
    expect(r.value.error).toEqual({ code: "config", message: `No migrate.config.ts found in ${dir} or any folder above it.`, hint: expect.stringContaining("migrate init") });
    expect(r.stderr).toBe("");
  });

  it("prints every command's result as JSON", () => {
    const results = [
      json("init"),
      json("revision", "-m", "first"),
      json("upgrade", "head"),
      json("current"),
      json("heads"),
      json("branches"),
      json("history"),
      json("stamp", "head"),
      json("check"),
      json("downgrade", "base"),
      json("pull", "--out", "pulled.ts"),
    ];
    for (const r of results) {
      expect(r.code, JSON.stringify(r.value)).toBe(0);
      expect(r.value.error).toBeUndefined();
    }
    const [, revision, upgrade, current, heads] = results;
    expect((upgrade!.value.steps as { revision: string }[])[0]!.revision).toBe(revision!.value.revision);
    expect(current!.value.rows).toEqual([revision!.value.revision]);
    expect((heads!.value as unknown as { revision: string }[])[0]!.revision).toBe(revision!.value.revision);
    const show = json("show", String(revision!.value.revision));
    expect(show.code).toBe(0);
    expect(show.value.revision).toBe(revision!.value.revision);
  });

  it("prints a user error with its code and hint", () => {
    const r = json("show", "zzzz");
    expect(r.code).toBe(1);
    expect(r.value.error?.code).toBe("unknown-revision");
    expect(r.value.error?.hint).toContain("migrate history");
  });

  it("prints usage errors as JSON, exit 2", () => {
    for (const args of [["bogus"], ["current", "--bad-option"]]) {
      const r = json(...args);
      expect(r.code).toBe(2);
      expect(r.value.error?.code).toBe("usage");
      expect(r.value.error?.message).toMatch(/^unknown (command 'bogus'|option '--bad-option')$/);
    }
  });

  it("prints a failing check as one document: the error and the result beside it", () => {
    writeFileSync(join(dir, "schema.ts"), `import { table, serial } from "athanor";\nexport const t = table("t", { id: serial().primaryKey() });\n`);
    const r = json("check");
    expect(r.code).toBe(1);
    expect(r.value.error?.code).toBe("check-failed");
    expect((r.value.result as { pending: string[] }).pending).toEqual(["create table t"]);
  });
});
