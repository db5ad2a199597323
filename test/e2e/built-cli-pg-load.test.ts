/**
 * The built CLI (bundled dist/) keeps pg's load without Node's fetch stack: the bundle leaves
 * dialects/postgres/pg.js a module of its own, since hoisted imports would otherwise evaluate pg
 * before `Response` is hidden (tools/bundle-dist.mjs). No server needed: the driver is loaded
 * before the connection is refused.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";

let project: TestProject | undefined;
afterEach(() => project?.remove());

describe("the built CLI on PostgreSQL", () => {
  it("loads pg without undici", () => {
    project = new TestProject("postgres://postgres@127.0.0.1:1/athanor_nothing_here");
    const report = join(project.dir, "loaded.json");
    const hook = join(project.dir, "report-loaded.cjs");
    writeFileSync(
      hook,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify({
        pg: Object.keys(require.cache).some((k) => k.includes("/node_modules/pg/lib/")),
        undici: process.moduleLoadList.some((m) => m.includes("undici")),
        response: typeof Response,
      })));\n`,
    );
    const r = project.run(["current"], { NODE_OPTIONS: `--require ${hook}` });
    expect(r.code, r.stderr).not.toBe(0);
    expect(r.stderr).toMatch(/127\.0\.0\.1:1/);
    expect(JSON.parse(readFileSync(report, "utf8"))).toEqual({ pg: true, undici: false, response: "function" });
  });
});
