/** athanor's version, from its package.json. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The version in package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version: string };
  return pkg.version;
}
