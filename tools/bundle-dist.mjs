/**
 * The last build step: bundles tsc's output in dist/ into the two entry points the package has —
 * dist/cli/main.js (the CLI) and dist/index.js ("athanor", what schema, config and revision
 * files import) — and the chunks both share (dist/chunks/). Why: Node resolves, reads and links
 * every ES module on its own, and a command like `current` loaded ~95 of ours; bundled it loads
 * ~35 files (measured: 13% less wall time for `migrate current`). Each `import()` athanor makes
 * on purpose (a command, a dialect, a dialect's compile or reflection) stays a chunk loaded only
 * when used, and code the CLI and "athanor" share sits in one chunk, so user files and the CLI
 * see the same classes. Packages (pg, commander, …) stay imports Node resolves.
 *
 * dist/dialects/postgres/pg.js and fetch-probe-off.js stay files of their own: they hide
 * `Response` while pg is evaluated, which needs module evaluation order — in a bundle, the
 * `import "pg"` would be hoisted above the code meant to run before it. dist/cli/commander.js and
 * child-process-deferred.js stay files for the same reason (node:child_process deferred while
 * commander is evaluated).
 *
 * Usage: node tools/bundle-dist.mjs (after `tsc -p tsconfig.build.json`).
 */
import { build } from "esbuild";
import { readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const staging = join(root, "dist.bundle");

/** Modules kept as tsc wrote them (paths from dist/), imported by the chunks as files. */
const KEPT = ["dialects/postgres/pg.js", "dialects/postgres/fetch-probe-off.js", "cli/commander.js", "cli/child-process-deferred.js"];
const CHUNKS = "chunks";

/** Imports of a kept module stay imports, written from the chunk folder, where they end up. */
const keepSeparate = {
  name: "keep-separate",
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) => {
      if (!args.importer) return undefined;
      const target = relative(dist, join(dirname(args.importer), args.path));
      if (!KEPT.includes(target)) return undefined;
      return { path: `../${target}`, external: true };
    });
  },
};

rmSync(staging, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(dist, "cli/main.js"), join(dist, "index.js")],
  outbase: dist,
  outdir: staging,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: `${CHUNKS}/[name]-[hash]`,
  plugins: [keepSeparate],
  metafile: true,
  logLevel: "warning",
});

// The external path above is right only from a chunk: a kept module must not be imported from an entry file.
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  const fromChunk = relative(staging, file).startsWith(`${CHUNKS}/`);
  const keptImport = output.imports.some((i) => i.external && KEPT.some((k) => i.path === `../${k}`));
  if (keptImport && !fromChunk) throw new Error(`${file} imports a kept module but is not in ${CHUNKS}/: its relative path would be wrong`);
}

/** Every .js file under `dir`. */
function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith(".js") ? [path] : [];
  });
}

// tsc's modules are in the bundle now (but the kept ones); its .d.ts files stay for TypeScript users.
for (const file of jsFiles(dist)) if (!KEPT.includes(relative(dist, file))) rmSync(file);
renameSync(join(staging, "cli/main.js"), join(dist, "cli/main.js"));
renameSync(join(staging, "index.js"), join(dist, "index.js"));
renameSync(join(staging, CHUNKS), join(dist, CHUNKS));
rmSync(staging, { recursive: true, force: true });
