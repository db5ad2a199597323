import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SETTINGS = new URL("../../../src/cli/v8-settings.ts", import.meta.url).href;
const TSX = fileURLToPath(new URL("../../../node_modules/tsx/dist/esm/index.mjs", import.meta.url));

/** Runs `body` as a module in a child Node that first calls tuneV8ForShortRun(argv); returns its stdout. */
function afterTuning(body: string, nodeArgs: string[] = [], argv: string[] = []): string {
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

/**
 * Which of three functions V8 optimized in a child (bit 4 of %GetOptimizationStatus): `warm`,
 * called 50,000 times as a run's bookkeeping is; `small`, a tiny helper called 1,500,000 times, which
 * uses up V8's budget once and which V8 alone optimizes on that first tick; and `hot`, a loop over
 * 500,000 rows called until it is optimized (at most `rounds` times), as a revision's transform of
 * rows is. `argv`: the command line the CLI was given.
 */
function optimized(nodeArgs: string[] = [], argv: string[] = [], rounds = 200): { warm: boolean; small: boolean; hot: boolean } {
  const out = afterTuning(
    `
    const isOptimized = (f) => (eval("%GetOptimizationStatus(f)") & 16) !== 0;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    const warm = new Function("x", "return x * 2 + 1;");
    const small = new Function("x", "return x + 1;");
    const hot = new Function("n", "let s = 0; for (let i = 0; i < n; i++) s += (i * 3 + 1) & 7; return s;");
    let sum = 0;
    for (let i = 0; i < 50000; i++) sum += warm(i);
    // Called from a function V8 may not optimize, so the calls are not inlined into an optimized loop
    // (which would leave the helper's own budget untouched).
    const drive = new Function("f", "n", "let s = 0; for (let i = 0; i < n; i++) s += f(i); return s;");
    eval("%NeverOptimizeFunction(drive)");
    sum += drive(small, 1500000);
    // An optimization decided during the calls compiles on a background thread: let it land.
    await pause();
    sum += warm(1) + small(1);
    for (let round = 0; round < ${rounds} && !isOptimized(hot); round++) {
      sum += hot(500000);
      await pause();
    }
    console.log(JSON.stringify({ warm: isOptimized(warm), small: isOptimized(small), hot: isOptimized(hot), sum: sum > 0 }));`,
    ["--allow-natives-syntax", ...nodeArgs],
    argv,
  );
  const result = JSON.parse(out) as { warm: boolean; small: boolean; hot: boolean };
  return { warm: result.warm, small: result.small, hot: result.hot };
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

  it("optimizes hot code only: what V8's own budget would optimize while warm is left alone", () => {
    expect(optimized()).toEqual({ warm: false, small: false, hot: true });
    // The user's own budget (here V8's default) wins.
    expect(optimized(["--interrupt-budget=67584"])).toEqual({ warm: true, small: true, hot: true });
    // The same budget without the early-optimization setting: V8 optimizes the small helper on its first tick.
    expect(optimized(["--interrupt-budget=4000000"])).toEqual({ warm: false, small: true, hot: true });
  });

  it("turns TurboFan off for a bookkeeping command only", () => {
    // 20 rounds (10 million calls) optimize the hot function under the budget, as the other cases show.
    expect(optimized([], ["history", "--verbose"], 20)).toEqual({ warm: false, small: false, hot: false });
    expect(optimized([], ["upgrade", "head"], 20)).toEqual({ warm: false, small: false, hot: true });
    // Options before the command: it is not guessed, and the general setting holds.
    expect(optimized([], ["--config", "x.config.ts", "current"], 20)).toEqual({ warm: false, small: false, hot: true });
  });
});
