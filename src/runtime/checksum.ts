/**
 * Checksums of revision files, recorded when a revision is applied so later edits to an applied
 * file can be noticed (`migrate current --verbose`, `--strict`, `migrate check`).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { preparedChecksum } from "../loader/import-user-module.js";

/** SHA-256 (hex) of a file's bytes; null when the file cannot be read. */
export function fileChecksum(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}

/**
 * The checksum of a revision file the run imported: of the bytes it compiled (hashed as they
 * were read for the compile cache, so the file is not read a second time), else read now.
 */
export function loadedFileChecksum(path: string | undefined): string | null {
  return (path === undefined ? undefined : preparedChecksum(path)) ?? fileChecksum(path);
}
