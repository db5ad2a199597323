/**
 * The migrations folder on disk: lists revision files in `<migrations>/versions` and any extra
 * version locations, and reads their headers.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ScriptError } from "../errors.js";
import type { Revision } from "../revisions/types.js";
import { parseRevisionHeader } from "./header.js";

const REVISION_FILE = /^[^.].*\.(ts|mts|js|mjs)$/;

/** True for a file name that holds a revision (not a declaration file, not hidden). */
function isRevisionFileName(name: string): boolean {
  return REVISION_FILE.test(name) && !name.endsWith(".d.ts") && !name.endsWith(".d.mts");
}

/** Lists revision files (absolute paths, sorted) in the given folders; missing folders are skipped. */
function listRevisionFiles(dirs: string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (isRevisionFileName(name)) files.push(join(dir, name));
  }
  return files.sort();
}

/** Reads every revision header in the given folders. */
export function readRevisions(dirs: string[]): Revision[] {
  return listRevisionFiles(dirs).map((file) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new ScriptError(`Could not read ${file}: ${(error as Error).message}`, { hint: "Check the file's permissions.", cause: error });
    }
    return parseRevisionHeader(text, file);
  });
}
