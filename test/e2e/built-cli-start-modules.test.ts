/**
 * What the built CLI loads for a command that runs no revision: neither node:crypto (the first
 * small hashes are done in JavaScript: core/sha256.ts) nor node:child_process (deferred while
 * commander is evaluated: cli/child-process-deferred.ts, kept out of the bundle so that the
 * deferral runs before commander). Each costs ~10 ms of every start. An upgrade hashes its
 * revision files and statements with node:crypto, and records the same checksums either way.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";

let project: TestProject | undefined;
afterEach(() => project?.remove());

/** Runs `args` with a hook that writes which modules the process loaded. */
function loaded(p: TestProject, args: string[]): { code: number; stderr: string; modules: { commander: boolean; crypto: boolean; childProcess: boolean } } {
  const report = join(p.dir, "loaded.json");
  const hook = join(p.dir, "report-loaded.cjs");
  writeFileSync(
    hook,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify({
      commander: Object.keys(require.cache).some((k) => k.includes("/node_modules/commander/")),
      crypto: process.moduleLoadList.includes("NativeModule crypto"),
      childProcess: process.moduleLoadList.includes("NativeModule child_process"),
    })));\n`,
  );
  const r = p.run(args, { NODE_OPTIONS: `--require ${hook}` });
  return { code: r.code, stderr: r.stderr, modules: JSON.parse(readFileSync(report, "utf8")) };
}

describe("the built CLI's start-up", () => {
  it("runs current without node:crypto and node:child_process, and upgrade records sha256 checksums", () => {
    project = new TestProject("sqlite:app.db");
    const file = project.addRevision({ id: "a1", upgrade: `  await op.execute("CREATE TABLE ta (id integer)");` });
    const up = loaded(project, ["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.modules.commander).toBe(true);

    const current = loaded(project, ["current"]);
    expect(current.code, current.stderr).toBe(0);
    expect(current.modules).toEqual({ commander: true, crypto: false, childProcess: false });

    const db = new Database(join(project.dir, "app.db"), { readonly: true });
    const row = db.prepare("SELECT checksum FROM athanor_version_log WHERE revision = 'a1'").get() as { checksum: string };
    db.close();
    expect(row.checksum).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
  });

  it("still runs what needs child_process through the stand-in", async () => {
    const { restoreRequire } = await import("../../src/cli/child-process-deferred.js");
    const { createRequire } = await import("node:module");
    const standIn = createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");
    restoreRequire();
    expect(standIn.execFileSync(process.execPath, ["-e", "process.stdout.write('spawned')"], { encoding: "utf8" })).toBe("spawned");
    expect(createRequire(import.meta.url)("node:child_process")).not.toBe(standIn);
  });
});
