/**
 * `migrate init [dir]`: writes a working project from templates/init (config, an empty schema.ts,
 * migrations/versions/). Existing files are never overwritten.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError, withFileSystem } from "../errors.js";
import { packageFile } from "../core/package-files.js";

/** What init wrote and what it left alone. */
export interface InitResult {
  dir: string;
  created: string[];
  skipped: string[];
}

function templatesDir(): string {
  return packageFile("templates/init");
}

/** Creates the project in `dir` (default: the working directory). */
export async function init(dir = ".", cwd = process.cwd()): Promise<InitResult> {
  const target = resolve(cwd, dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(`${target} exists and is not a folder.`, { hint: "Pass a folder path to `migrate init`." });
  }
  withFileSystem("create the folder", target, () => mkdirSync(target, { recursive: true }));
  const created: string[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(templatesDir())) {
    const dest = join(target, name);
    if (existsSync(dest)) {
      skipped.push(dest);
      continue;
    }
    withFileSystem("write", dest, () => copyFileSync(join(templatesDir(), name), dest));
    created.push(dest);
  }
  const versions = join(target, "migrations", "versions");
  if (!existsSync(versions)) {
    withFileSystem("create the folder", versions, () => {
      mkdirSync(versions, { recursive: true });
      writeFileSync(join(versions, ".gitkeep"), "");
    });
    created.push(versions);
  } else {
    skipped.push(versions);
  }
  return { dir: target, created, skipped };
}
