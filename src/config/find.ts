/**
 * Finds migrate.config.* by walking up from the working directory, as git finds .git.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "../errors.js";

/** Config file names, in order of preference. */
const CONFIG_FILE_NAMES = ["migrate.config.ts", "migrate.config.mts", "migrate.config.js", "migrate.config.mjs"];

/** The nearest config file at or above `startDir`, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Validates an explicit `-c PATH`: it must exist and be a file. */
export function checkExplicitConfig(path: string, cwd: string): string {
  const file = resolve(cwd, path);
  if (!existsSync(file)) {
    throw new ConfigError(`Config file ${file} does not exist.`, { hint: "Check the -c path, or run `migrate init` to create a project." });
  }
  if (!statSync(file).isFile()) {
    throw new ConfigError(`Config path ${file} is not a file.`, { hint: "Pass the path of migrate.config.ts itself, not its folder." });
  }
  return file;
}
