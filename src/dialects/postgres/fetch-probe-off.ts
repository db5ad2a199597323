/**
 * Keeps `pg` from loading Node's fetch implementation. At load, pg asks whether it runs in a
 * Cloudflare Worker: where there is no `navigator` (Node 20) it builds a `Response`, and the
 * first touch of `Response` loads undici, Node's whole fetch stack — 7 MiB of peak memory and ~10 ms
 * for every PostgreSQL command, which never fetches. Imported just before "pg" (pg.ts), this hides
 * `Response` while pg is evaluated; pg.ts puts it back right after. ES module evaluation of the
 * three is one synchronous sequence, so no other code can see the global missing.
 */
const saved = Object.getOwnPropertyDescriptor(globalThis, "Response");
const hidden = typeof (globalThis as { navigator?: unknown }).navigator === "undefined" && saved?.configurable === true;
if (hidden) Object.defineProperty(globalThis, "Response", { value: undefined, configurable: true, writable: true });

/** Puts `Response` back as it was. */
export function restoreResponse(): void {
  if (hidden && saved) Object.defineProperty(globalThis, "Response", saved);
}
