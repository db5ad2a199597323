/**
 * Imports the user's TypeScript (config, schema, revision files) through tsx. Loader hooks are
 * registered once per process: tsx for both module systems (a .ts file outside a
 * `"type": "module"` package is compiled as CommonJS), and an alias that resolves the bare
 * specifier "athanor" to this very installation — for `import` and `require` alike — so a
 * project without athanor in node_modules still works and shares one copy of the model code.
 */
import Module, { register as registerHooks } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register as registerTsxEsm } from "tsx/esm/api";
import { register as registerTsxCjs } from "tsx/cjs/api";

let registered = false;

const ALIAS_HOOK = `
let target;
export async function initialize(data) { target = data.target; }
export async function resolve(specifier, context, next) {
  if (specifier === "athanor") return { url: target, shortCircuit: true };
  return next(specifier, context);
}`;

function packageEntry(): URL {
  const js = new URL("../index.js", import.meta.url);
  return existsSync(fileURLToPath(js)) ? js : new URL("../index.ts", import.meta.url);
}

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

function aliasRequire(entryPath: string): void {
  const cjs = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = cjs._resolveFilename;
  cjs._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === "athanor" ? entryPath : original.call(this, request, ...rest);
  };
}

function ensureHooks(): void {
  if (registered) return;
  registered = true;
  const entry = packageEntry();
  registerTsxEsm();
  registerTsxCjs();
  registerHooks(`data:text/javascript,${encodeURIComponent(ALIAS_HOOK)}`, { data: { target: entry.href } });
  aliasRequire(fileURLToPath(entry));
}

/**
 * A CommonJS-compiled module arrives as `{ default: exports }`; return the exports themselves
 * so callers see `upgrade`, `revision`, `default` the same way for both module systems.
 */
function unwrap(ns: Record<string, unknown>): Record<string, unknown> {
  const inner = ns.default;
  if (inner && typeof inner === "object" && (inner as { __esModule?: unknown }).__esModule === true) return inner as Record<string, unknown>;
  return ns;
}

/** Imports a user module (.ts, .mts, .js, .mjs) by absolute path and returns its exports. */
export async function importUserModule(file: string): Promise<Record<string, unknown>> {
  ensureHooks();
  return unwrap((await import(pathToFileURL(file).href)) as Record<string, unknown>);
}
