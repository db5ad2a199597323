/**
 * SHA-256 without loading `node:crypto` for the first few small inputs. Loading node:crypto
 * costs ~10 ms at start-up (it brings in every cipher, key and WebCrypto module), and a command
 * like `current` hashes only its config file for the compile cache (~0.5 KB). So the first
 * inputs, up to `JS_BUDGET_BYTES` in all, are hashed by the JavaScript implementation below;
 * after that (an upgrade hashes every revision file and statement) node:crypto is loaded once and
 * used for everything. Both give the same digest, so which one ran never shows.
 */
import { createRequire } from "node:module";

type NodeCrypto = typeof import("node:crypto");

/** Bytes hashed in JavaScript before node:crypto takes over: the config and a small schema, not a run's revisions. */
const JS_BUDGET_BYTES = 8 * 1024;

let jsBudget = JS_BUDGET_BYTES;
let nodeCrypto: NodeCrypto | undefined;

/** SHA-256 (lowercase hex) of a text (as UTF-8) or of bytes. */
export function sha256(data: string | Uint8Array): string {
  if (nodeCrypto === undefined) {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    if (bytes.length <= jsBudget) {
      jsBudget -= bytes.length;
      return sha256Js(bytes);
    }
    nodeCrypto = createRequire(import.meta.url)("node:crypto") as NodeCrypto;
  }
  return nodeCrypto.createHash("sha256").update(data).digest("hex");
}

/** The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2). */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The initial hash value (FIPS 180-4, 5.3.3). */
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** FIPS 180-4 SHA-256 of `bytes`, as lowercase hex (exported for the test that compares it with node:crypto). */
export function sha256Js(bytes: Uint8Array): string {
  // Padding: a 1 bit, zeros, and the length in bits as a 64-bit big-endian number, to a multiple of 64 bytes.
  const blocks = Math.ceil((bytes.length + 9) / 64);
  const message = new Uint8Array(blocks * 64);
  message.set(bytes);
  message[bytes.length] = 0x80;
  const view = new DataView(message.buffer);
  const bits = bytes.length * 8;
  view.setUint32(message.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(message.length - 4, bits >>> 0);

  const h = H0.slice();
  const w = new Uint32Array(64);
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block * 64 + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number;
      const w2 = w[t - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[t] as number) + (w[t] as number)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const next = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (next[i] as number)) >>> 0;
  }
  return h.map((word) => word.toString(16).padStart(8, "0")).join("");
}
