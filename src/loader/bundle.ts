/**
 * Compiles user modules (TypeScript or JavaScript) to ES modules in one esbuild run, in this
 * process's own thread (esbuild's service is a child process; no loader thread, no hooks).
 *
 * Each entry is bundled with the local files it imports, so the output stands on its own:
 * "athanor" becomes this installation's entry URL (a project without athanor in node_modules
 * still shares one copy of the model code), other packages become the absolute file URL Node
 * would load, builtins stay as they are. So the output can run from any folder, or from memory.
 * `import.meta.url`, `import.meta.dirname`/`filename`, `__dirname`, `__filename` and `require`
 * keep meaning the original file, as they did when the file was loaded in place.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildOptions, Loader, Message, Plugin } from "esbuild";
import type { CompiledModule } from "./compile-cache.js";
import { sha256 } from "../core/sha256.js";

const BUILTINS = new Set(builtinModules);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const LOADERS: Record<string, Loader> = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" };
const RESOLVING = Symbol("athanor-resolving");

/** One entry's outcome: the compiled module, or the error that stopped it. */
export type BundleResult = { ok: true; module: CompiledModule } | { ok: false; error: Error };

/** A compile error in a user file, with esbuild's location ("file:line:column: text"). */
export class CompileError extends Error {
  constructor(messages: Message[]) {
    super(
      messages
        .map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${m.text}` : m.text))
        .join("\n"),
    );
    this.name = "CompileError";
  }
}

/** The original file's meaning of the ESM and CommonJS file globals, as literals. */
function fileGlobals(path: string, text: string): string {
  const url = JSON.stringify(pathToFileURL(path).href);
  let out = text
    .replace(/\bimport\.meta\.url\b/g, url)
    .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(path))
    .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(path)));
  const declare: string[] = [];
  if (/\b__filename\b/.test(out)) declare.push(`var __filename = ${JSON.stringify(path)};`);
  if (/\b__dirname\b/.test(out)) declare.push(`var __dirname = ${JSON.stringify(dirname(path))};`);
  if (declare.length > 0) out = `${declare.join(" ")}${out}`;
  return out;
}

function isBare(path: string): boolean {
  return !path.startsWith(".") && !path.startsWith("/") && !/^[a-zA-Z]:[\\/]/.test(path) && !path.startsWith("file:");
}

function plugin(athanorUrl: string, hashes: Map<string, string>): Plugin {
  return {
    name: "athanor-user-modules",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === RESOLVING || !isBare(args.path)) return undefined;
        if (args.path === "athanor") return { path: athanorUrl, external: true };
        if (BUILTINS.has(args.path) || args.path.startsWith("node:")) return { path: args.path, external: true };
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
        if (found.errors.length > 0) return { errors: found.errors };
        return { path: pathToFileURL(found.path).href, external: true };
      });
      build.onLoad({ filter: SOURCE }, (args) => {
        const text = readFileSync(args.path);
        hashes.set(args.path, sha256(text));
        return { contents: fileGlobals(args.path, text.toString("utf8")), loader: LOADERS[extname(args.path)] ?? "js", resolveDir: dirname(args.path) };
      });
      // Data files bundled in (JSON) are inputs too: their edits must reach the cache check.
      build.onLoad({ filter: /\.json$/ }, (args) => {
        const text = readFileSync(args.path);
        hashes.set(args.path, sha256(text));
        return { contents: text, loader: "json" };
      });
    },
  };
}

/**
 * `require` for output that calls it (esbuild's `__require` shim for a `require()` of a package),
 * resolving as from the entry's folder.
 */
function withRequire(entry: string, code: string): string {
  if (!code.includes("__require")) return code;
  return `import { createRequire as __athanorCreateRequire } from "node:module"; const require = __athanorCreateRequire(${JSON.stringify(pathToFileURL(entry).href)});\n${code}`;
}

const OUT_DIR = "/athanor-out";

/** What every compile of user modules shares: one in-memory ES module bundle for Node 20, "athanor" and packages left to Node. */
function buildOptions(cwd: string, athanorUrl: string, hashes: Map<string, string>) {
  return {
    absWorkingDir: cwd,
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    mainFields: ["main"],
    logLevel: "silent",
    plugins: [plugin(athanorUrl, hashes)],
  } satisfies BuildOptions;
}

/** One esbuild run over `entries`; throws esbuild's failure as it is. */
async function buildBatch(entries: string[], athanorUrl: string): Promise<Map<string, BundleResult>> {
  const { build } = await import("esbuild");
  const hashes = new Map<string, string>();
  const cwd = process.cwd();
  const result = await build({
    ...buildOptions(cwd, athanorUrl, hashes),
    entryPoints: entries.map((entry, i) => ({ in: entry, out: `m${i}` })),
    metafile: true,
    outdir: OUT_DIR,
  });
  const code = new Map(result.outputFiles.map((f) => [f.path, f.text]));
  const inputsOf = new Map(Object.entries(result.metafile.outputs).map(([out, meta]) => [resolve(cwd, out), Object.keys(meta.inputs).map((i) => resolve(cwd, i))]));
  const results = new Map<string, BundleResult>();
  entries.forEach((entry, i) => {
    const out = join(OUT_DIR, `m${i}.js`);
    const text = code.get(out);
    if (text === undefined) {
      results.set(entry, { ok: false, error: new Error(`esbuild wrote no output for ${entry}`) });
      return;
    }
    const deps = (inputsOf.get(out) ?? []).flatMap((input): [string, string][] => (hashes.has(input) ? [[input, hashes.get(input) as string]] : []));
    results.set(entry, { ok: true, module: { code: withRequire(entry, text), deps } });
  });
  return results;
}

/**
 * Compiles `entries` into one module whose export `m<i>` is the namespace of entry i: one file
 * for Node to read, parse and link instead of one per entry (an upgrade's revisions).
 */
export async function bundleTogether(entries: string[], athanorUrl: string): Promise<BundleResult> {
  const { build } = await import("esbuild");
  const hashes = new Map<string, string>();
  const cwd = process.cwd();
  try {
    const result = await build({
      ...buildOptions(cwd, athanorUrl, hashes),
      stdin: { contents: entries.map((entry, i) => `export * as m${i} from ${JSON.stringify(entry)};`).join("\n"), resolveDir: cwd, loader: "js", sourcefile: "athanor-revisions.js" },
      outfile: join(OUT_DIR, "all.js"),
    });
    const text = result.outputFiles[0]?.text;
    if (text === undefined) return { ok: false, error: new Error("esbuild wrote no output") };
    return { ok: true, module: { code: withRequire(entries[0] as string, text), deps: [...hashes.entries()] } };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): BundleResult {
  const messages = (error as { errors?: Message[] }).errors;
  return { ok: false, error: messages && messages.length > 0 ? new CompileError(messages) : (error as Error) };
}

/**
 * Compiles every entry; each gets its own result, so one broken file does not hide the others'
 * outcome. All entries go to esbuild at once (one build, many entry points); only a failed batch
 * is retried file by file, to tell which file an error belongs to.
 */
export async function bundleModules(entries: string[], athanorUrl: string): Promise<Map<string, BundleResult>> {
  if (entries.length === 0) return new Map();
  try {
    return await buildBatch(entries, athanorUrl);
  } catch (error) {
    if (entries.length === 1) return new Map([[entries[0]!, failure(error)]]);
    const results = new Map<string, BundleResult>();
    for (const entry of entries) {
      try {
        results.set(entry, (await buildBatch([entry], athanorUrl)).get(entry) as BundleResult);
      } catch (single) {
        results.set(entry, failure(single));
      }
    }
    return results;
  }
}
