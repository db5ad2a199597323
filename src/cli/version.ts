/** athanor's version, from its package.json. */
import { readFileSync } from "node:fs";
import { packageFile } from "../core/package-files.js";

/** The version in package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string };
  return pkg.version;
}
