/**
 * Checksums of revision files, recorded when a revision is applied so later edits to an applied
 * file can be noticed (`migrate current --verbose`, `--strict`, `migrate check`).
 */
import { readFileSync } from "node:fs";
import { sha256 } from "../core/sha256.js";
import { preparedChecksum } from "../loader/import-user-module.js";

/** SHA-256 (hex) of a file's bytes; null when the file cannot be read. */
export function fileChecksum(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return sha256(readFileSync(path));
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
