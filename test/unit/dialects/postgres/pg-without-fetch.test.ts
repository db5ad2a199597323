import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DRIVER = new URL("../../../../src/dialects/postgres/driver.ts", import.meta.url).href;
const TSX = fileURLToPath(new URL("../../../../node_modules/tsx/dist/esm/index.mjs", import.meta.url));

/** Loads the PostgreSQL driver in a child Node and reports what it left behind. */
function afterLoadingDriver(): { undici: boolean; response: string; status: number } {
  const script = `
    await import(${JSON.stringify(DRIVER)});
    const undici = process.moduleLoadList.some((m) => m.includes("undici"));
    const response = typeof Response;
    console.log(JSON.stringify({ undici, response, status: new Response("x").status }));
  `;
  const r = spawnSync(process.execPath, ["--import", TSX, "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim()) as { undici: boolean; response: string; status: number };
}

describe("loading pg", () => {
  it("does not load Node's fetch stack, and leaves Response as it was", () => {
    // Where Node has `navigator` (21+), pg never touches Response: nothing to hide there either.
    expect(afterLoadingDriver()).toEqual({ undici: false, response: "function", status: 200 });
  });
});
