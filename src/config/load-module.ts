/**
 * Imports the user's TypeScript (config, schema, revision files) through tsx. Two loader hooks are
 * registered once per process: tsx itself, and an alias that resolves the bare specifier
 * "athanor" to this very installation, so a schema.ts outside any node_modules still works and
 * shares one copy of the model classes with the CLI.
 */
import { register as registerHooks } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register as registerTsx } from "tsx/esm/api";

let registered = false;

const ALIAS_HOOK = `
let target;
export async function initialize(data) { target = data.target; }
export async function resolve(specifier, context, next) {
  if (specifier === "athanor") return { url: target, shortCircuit: true };
  return next(specifier, context);
}`;

function packageEntry(): string {
  const js = new URL("../index.js", import.meta.url);
  if (existsSync(fileURLToPath(js))) return js.href;
  return new URL("../index.ts", import.meta.url).href;
}

function ensureHooks(): void {
  if (registered) return;
  registered = true;
  registerTsx();
  registerHooks(`data:text/javascript,${encodeURIComponent(ALIAS_HOOK)}`, { data: { target: packageEntry() } });
}

/** Imports a user module (.ts, .mts, .js, .mjs) by absolute path and returns its namespace. */
export async function importUserModule(file: string): Promise<Record<string, unknown>> {
  ensureHooks();
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}
