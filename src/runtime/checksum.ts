/**
 * Checksums of revision files, recorded when a revision is applied so later edits to an applied
 * file can be noticed (`migrate current --verbose`, `--strict`, `migrate check`).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** SHA-256 (hex) of a file's bytes; null when the file cannot be read. */
export function fileChecksum(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}
