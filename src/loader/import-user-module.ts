/**
 * Imports the user's modules (config, schema, revision files; TypeScript or JavaScript) without
 * loader hooks: each file is compiled once to a self-contained ES module (bundle.ts) and kept in
 * the content-keyed compile cache (compile-cache.ts), so a run whose files did not change
 * compiles nothing and does not even load esbuild. `prepareUserModules` compiles many files in
 * one batch (an upgrade's revisions); `importUserModule` then imports each from the cache.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleModules } from "./bundle.js";
import { cacheDirFor, cacheKey, lookup, sha256, store } from "./compile-cache.js";

/** Where a prepared module's code is: a file in the cache, or the code itself when there is no cache. */
type Prepared = { url: string } | { error: Error };

const prepared = new Map<string, Prepared>();
let entryUrl: string | undefined;

/** This installation's public entry point, which user modules get for `import … from "athanor"`. */
function athanorUrl(): string {
  if (entryUrl) return entryUrl;
  const js = new URL("../index.js", import.meta.url);
  entryUrl = (existsSync(fileURLToPath(js)) ? js : new URL("../index.ts", import.meta.url)).href;
  return entryUrl;
}

function dataUrl(code: string): string {
  return `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`;
}

/**
 * Compiles the files that are not already in the cache, all in one batch, so that the imports
 * that follow only read finished code. Errors are kept and thrown by importUserModule for the
 * file they belong to.
 */
export async function prepareUserModules(files: string[]): Promise<void> {
  const url = athanorUrl();
  const missing: { file: string; key: string; dir: string | null }[] = [];
  for (const file of new Set(files)) {
    if (prepared.has(file)) continue;
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch (error) {
      prepared.set(file, { error: error as Error });
      continue;
    }
    const hash = sha256(content);
    const key = cacheKey(file, hash, url);
    const dir = cacheDirFor(dirname(file));
    const hit = dir ? lookup(dir, key, new Map([[file, hash]])) : undefined;
    if (hit) prepared.set(file, { url: pathToFileURL(hit).href });
    else missing.push({ file, key, dir });
  }
  if (missing.length === 0) return;
  const results = await bundleModules(missing.map((m) => m.file), url);
  for (const { file, key, dir } of missing) {
    const result = results.get(file);
    if (!result || !result.ok) {
      prepared.set(file, { error: result ? result.error : new Error(`${file} was not compiled`) });
      continue;
    }
    const cached = dir ? store(dir, key, result.module) : undefined;
    prepared.set(file, { url: cached ? pathToFileURL(cached).href : dataUrl(result.module.code) });
  }
}

/**
 * A module compiled from CommonJS (`module.exports = …`) arrives as `{ default: exports }`; return
 * the exports themselves so callers see `upgrade`, `revision`, `default` the same way for both.
 */
function unwrap(ns: Record<string, unknown>): Record<string, unknown> {
  const inner = ns.default;
  if (inner && typeof inner === "object" && (inner as { __esModule?: unknown }).__esModule === true) return inner as Record<string, unknown>;
  return ns;
}

/** Imports a user module (.ts, .mts, .cts, .js, .mjs, .cjs) by absolute path and returns its exports. */
export async function importUserModule(file: string): Promise<Record<string, unknown>> {
  await prepareUserModules([file]);
  const entry = prepared.get(file) as Prepared;
  if ("error" in entry) throw entry.error;
  return unwrap((await import(entry.url)) as Record<string, unknown>);
}
