/**
 * Files of athanor's own package (package.json, templates/, the public entry point), found from
 * the running code wherever it sits: in src/ (tests), in dist/ as tsc wrote it, or in the bundled
 * dist/ whose chunks sit at another depth than the source files they hold. So no path here
 * counts `../` from a module's own place.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

let root: string | undefined;

/** The package's root folder: the nearest folder above this code that holds a package.json. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`athanor's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  root = dir;
  return root;
}

/** A file of the package, by its path from the package root (`templates/init`, `package.json`). */
export function packageFile(path: string): string {
  return join(packageRoot(), path);
}

/**
 * The URL of the public entry point ("athanor") that matches the running code: src/index.ts when
 * athanor runs from its sources, dist/index.js when built. User modules import this very copy, so
 * their model objects are the classes the running code knows.
 */
export function publicEntryUrl(): string {
  const fromSources = import.meta.url.endsWith(".ts");
  return pathToFileURL(packageFile(fromSources ? "src/index.ts" : "dist/index.js")).href;
}
