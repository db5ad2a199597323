import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SETTINGS = new URL("../../../src/cli/v8-settings.ts", import.meta.url).href;
const TSX = fileURLToPath(new URL("../../../node_modules/tsx/dist/esm/index.mjs", import.meta.url));

/** Runs `body` as a module in a child Node that first calls tuneV8ForShortRun(argv); returns its stdout. */
function afterTuning(body: string, nodeArgs: string[] = [], argv: string[] = ["upgrade", "head"]): string {
  const script = `
    const { tuneV8ForShortRun } = await import(${JSON.stringify(SETTINGS)});
    tuneV8ForShortRun(${JSON.stringify(argv)});
    ${body}
  `;
  const r = spawnSync(process.execPath, [...nodeArgs, "--import", TSX, "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

/**
 * Peak size of the young generation (MiB) in a child that allocates about 60 MiB of objects of
 * which a third survive, as a migration run does.
 */
function youngGenerationPeak(nodeArgs: string[] = []): number {
  const out = afterTuning(
    `
    const { getHeapSpaceStatistics } = await import("node:v8");
    let peak = 0;
    const keep = [];
    for (let i = 0; i < 6e5; i++) {
      const o = { i, s: "row " + i, list: [i, i + 1, i + 2] };
      if (i % 3 === 0) keep.push(o);
      if (i % 5000 === 0) peak = Math.max(peak, getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);
    }
    console.log(peak / 1048576, keep.length);`,
    nodeArgs,
  );
  return Number(out.split(" ")[0]);
}

/** Whether V8 optimizes a function it is asked to optimize (bit 4 of %GetOptimizationStatus: optimized). */
function optimizes(nodeArgs: string[] = [], argv?: string[]): boolean {
  const out = afterTuning(
    `
    const hot = new Function("x", "return x * 2 + 1;");
    eval("%PrepareFunctionForOptimization(hot)");
    hot(1); hot(2);
    eval("%OptimizeFunctionOnNextCall(hot)");
    hot(3);
    console.log(eval("%GetOptimizationStatus(hot)"));`,
    ["--allow-natives-syntax", ...nodeArgs],
    argv,
  );
  return (Number(out) & 16) !== 0;
}

describe("tuneV8ForShortRun", () => {
  it("keeps the young generation at its initial size, where V8 alone grows it", () => {
    const kept = youngGenerationPeak();
    const grown = youngGenerationPeak(["--semi-space-growth-factor=2"]);
    expect(kept).toBeLessThanOrEqual(4);
    expect(grown).toBeGreaterThan(kept * 2);
  });

  it("leaves a young generation the user sized on node's command line alone", () => {
    expect(youngGenerationPeak(["--max-semi-space-size=8"])).toBeGreaterThan(4);
  });

  it("turns the optimizing compiler off, unless the user asked for it", () => {
    expect(optimizes()).toBe(false);
    expect(optimizes(["--opt"])).toBe(true);
  });

  it("keeps the optimizing compiler for the commands that compare schemas", () => {
    expect(optimizes([], ["revision", "--autogenerate", "-m", "add orders"])).toBe(true);
    expect(optimizes([], ["-c", "other.config.ts", "check"])).toBe(true);
    expect(optimizes([], ["pull", "--out", "schema.ts"])).toBe(true);
    expect(optimizes([], ["current"])).toBe(false);
  });
});
