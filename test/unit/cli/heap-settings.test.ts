import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SETTINGS = new URL("../../../src/cli/heap-settings.ts", import.meta.url).href;
const TSX = fileURLToPath(new URL("../../../node_modules/tsx/dist/esm/index.mjs", import.meta.url));

/**
 * Peak size of the young generation (MiB) in a child that calls keepYoungGenerationSmall and
 * then allocates about 60 MiB of objects of which a third survive, as a migration run does.
 */
function youngGenerationPeak(nodeArgs: string[] = []): number {
  const script = `
    import { getHeapSpaceStatistics } from "node:v8";
    const { keepYoungGenerationSmall } = await import(${JSON.stringify(SETTINGS)});
    keepYoungGenerationSmall();
    let peak = 0;
    const keep = [];
    for (let i = 0; i < 6e5; i++) {
      const o = { i, s: "row " + i, list: [i, i + 1, i + 2] };
      if (i % 3 === 0) keep.push(o);
      if (i % 5000 === 0) peak = Math.max(peak, getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size);
    }
    console.log(peak / 1048576, keep.length);
  `;
  const r = spawnSync(process.execPath, [...nodeArgs, "--import", TSX, "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return Number(r.stdout.trim().split(" ")[0]);
}

describe("keepYoungGenerationSmall", () => {
  it("keeps the young generation at its initial size, where V8 alone grows it", () => {
    const kept = youngGenerationPeak();
    const grown = youngGenerationPeak(["--semi-space-growth-factor=2"]);
    expect(kept).toBeLessThanOrEqual(4);
    expect(grown).toBeGreaterThan(kept * 2);
  });

  it("leaves a young generation the user sized on node's command line alone", () => {
    expect(youngGenerationPeak(["--max-semi-space-size=8"])).toBeGreaterThan(4);
  });
});
