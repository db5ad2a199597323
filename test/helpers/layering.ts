/**
 * The layering rules of src/, checked from the import graph. Kept apart from the test so the
 * test can show that a deliberately wrong import is caught.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";

/** The top-level parts of src/, lowest first: a part may import only parts at or below its own rank. */
export const LAYERS = [
  "errors",
  "core",
  "revisions",
  "catalog",
  "model",
  "operations",
  "dialects",
  "autogenerate",
  "pull",
  "loader",
  "config",
  "scripts",
  "runtime",
  "project",
  "commands",
  "cli",
  "index",
] as const;

const DIALECTS = ["postgres", "mysql", "sqlite"];

/** Files outside a dialect's folder that may spell a dialect's name: the name type, URL schemes, and the registry. */
const MAY_NAME_DIALECTS = new Set(["core/dialect-name.ts", "core/database-url.ts", "dialects/registry.ts"]);

/** One broken rule: the file, what it did, and the rule. */
export interface Violation {
  file: string;
  detail: string;
}

/** The part of src/ a path (relative to src/, posix) belongs to: its first folder, or the file's name for top-level files. */
export function layerOf(path: string): string {
  const first = path.split("/")[0] as string;
  return first.replace(/\.ts$/, "");
}

function dialectOf(path: string): string | undefined {
  const [top, name] = path.split("/");
  return top === "dialects" && name && DIALECTS.includes(name) ? name : undefined;
}

const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|[^\w.])import\s+["']([^"']+)["']/g;
const DIALECT_LITERAL = new RegExp(`["'\`](?:${DIALECTS.join("|")})["'\`]`);
const PRINTS = /\bconsole\.\w+\(|\bprocess\.exit\(|\bprocess\.(?:stdout|stderr)\.write\(/;

/** Drops comments so that prose naming a dialect or `console.log` is not taken for code. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** The relative imports of a file, resolved to paths relative to src/ (posix, `.ts`). */
export function importsOf(path: string, source: string): string[] {
  const out: string[] = [];
  for (const m of withoutComments(source).matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec || !spec.startsWith(".")) continue;
    out.push(posix.normalize(posix.join(posix.dirname(path), spec)).replace(/\.js$/, ".ts"));
  }
  return out;
}

/** Every broken layering rule in `files` (path relative to src/ → source text). */
export function layeringViolations(files: ReadonlyMap<string, string>): Violation[] {
  const rank = new Map<string, number>(LAYERS.map((name, i) => [name, i]));
  const violations: Violation[] = [];
  for (const [file, source] of files) {
    const layer = layerOf(file);
    const own = rank.get(layer);
    if (own === undefined) {
      violations.push({ file, detail: `"${layer}" is not a known part of src/ (add it to LAYERS and to docs/architecture.md)` });
      continue;
    }
    for (const target of importsOf(file, source)) {
      const targetLayer = layerOf(target);
      const theirs = rank.get(targetLayer);
      if (theirs !== undefined && theirs > own) violations.push({ file, detail: `imports upward: ${layer} → ${targetLayer} (${target})` });
      if (layer === "revisions" && targetLayer !== "revisions" && targetLayer !== "errors") {
        violations.push({ file, detail: `revisions/ is pure and imports only errors, not ${target}` });
      }
      if (layer === "commands" && targetLayer === "commands") {
        violations.push({ file, detail: `a command imports another command (${target}); move what they share to project/` });
      }
      const targetDialect = dialectOf(target);
      if (targetDialect && dialectOf(file) !== targetDialect && file !== "dialects/registry.ts") {
        violations.push({ file, detail: `only dialects/${targetDialect}/ (and the registry) may import ${target}` });
      }
    }
    const code = withoutComments(source);
    if (!dialectOf(file) && !MAY_NAME_DIALECTS.has(file) && DIALECT_LITERAL.test(code)) {
      violations.push({ file, detail: "names a dialect outside src/dialects/<name>/ (ask the Dialect interface or a capability flag instead)" });
    }
    if (layer !== "cli" && PRINTS.test(code)) violations.push({ file, detail: "prints or exits outside cli/" });
  }
  return violations;
}

/** Reads every .ts file under `srcDir` as a map from path relative to it (posix) to source. */
export function readSources(srcDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) files.set(relative(srcDir, full).split("\\").join("/"), readFileSync(full, "utf8"));
    }
  };
  walk(srcDir);
  return files;
}
