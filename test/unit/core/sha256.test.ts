import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256, sha256Js } from "../../../src/core/sha256.js";

const native = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** Deterministic bytes (a linear congruential sequence), so a failure names a reproducible input. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("sha256 in JavaScript", () => {
  it("gives FIPS 180-4's digests for the standard examples", () => {
    expect(sha256Js(new Uint8Array())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Js(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Js(Buffer.from("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("equals node:crypto at every length around the padding boundaries and beyond one block", () => {
    for (let length = 0; length <= 300; length++) expect(sha256Js(bytes(length, length)), `length ${length}`).toBe(native(bytes(length, length)));
    expect(sha256Js(bytes(70_000, 7))).toBe(native(bytes(70_000, 7)));
  });
});

describe("sha256", () => {
  it("hashes text as UTF-8 and bytes as given, the same digest before and after node:crypto takes over", () => {
    const inputs: (string | Uint8Array)[] = ["", "migrate.config.ts", "ünïcödé — 表 🚀", bytes(5000, 1), "x".repeat(3000), bytes(20_000, 2), "after the budget", bytes(10, 3)];
    for (const input of inputs) expect(sha256(input)).toBe(native(input));
  });
});
