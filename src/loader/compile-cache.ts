/**
 * The compile cache of user modules (config, schema.ts, revision files), keyed by file content
 * like Python's `__pycache__`, so a second run transforms nothing.
 *
 * Where: `$ATHANOR_CACHE_DIR` if set; else `node_modules/.cache/athanor` in the nearest
 * node_modules above the file (where JavaScript tools keep caches: ignored by git, dropped with
 * a reinstall); else the user's cache folder (`$XDG_CACHE_HOME/athanor`, `~/.cache/athanor`,
 * for projects without node_modules). Never the migrations folder: it is committed, and often
 * read-only where migrations run. A folder that cannot be written means no cache, not an error.
 *
 * What: per module a pointer `<key>.json`, where the key hashes the file's path and content
 * and the loader's format; it lists the other local files bundled in (each with its content
 * hash) and names the code file, `<sha256 of the code>.mjs`. Code files never change once
 * written, and every file is written to a temporary name and renamed into place, so concurrent
 * runs only ever see whole files, and an edited file or dependency is a different key or fails
 * the dependency check — never stale code.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { sha256 } from "../core/sha256.js";

/** Bump when the emitted code changes shape, so old entries are never read. */
const FORMAT = "athanor-loader-1";

/** A pointer file's content. */
interface Pointer {
  format: string;
  /** Every local file bundled into the code, the entry too: [absolute path, sha256]. */
  deps: [string, string][];
  /** The code file's name in the cache folder. */
  code: string;
}

/** A compiled module ready to write into the cache. */
export interface CompiledModule {
  code: string;
  /** Every local file bundled in, the entry too: [absolute path, sha256 of the content compiled]. */
  deps: [string, string][];
}

const dirs = new Map<string, string | null>();

function writable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

function nearestNodeModules(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function userCacheDir(): string | undefined {
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg) return join(xdg, "athanor");
  try {
    return join(homedir(), ".cache", "athanor");
  } catch {
    return undefined;
  }
}

/** The cache folder for a module in `fileDir`, or null when no cache folder can be written. */
export function cacheDirFor(fileDir: string): string | null {
  const known = dirs.get(fileDir);
  if (known !== undefined) return known;
  const override = process.env.ATHANOR_CACHE_DIR;
  const nodeModules = override ? undefined : nearestNodeModules(fileDir);
  const candidates = override ? [override] : [nodeModules && join(nodeModules, ".cache", "athanor"), userCacheDir()];
  const chosen = candidates.find((c): c is string => c !== undefined && writable(c)) ?? null;
  dirs.set(fileDir, chosen);
  return chosen;
}

/** The cache key of `file` whose content hashes to `contentHash`, for a loader that resolves "athanor" to `athanorUrl`. */
export function cacheKey(file: string, contentHash: string, athanorUrl: string): string {
  return sha256(`${FORMAT}\u0000${athanorUrl}\u0000${file}\u0000${contentHash}`);
}

function fileHash(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * The cached code file for `key`, when its entry exists and every bundled file is unchanged
 * (`known`: hashes the caller just computed, so the entry is not read twice).
 */
export function lookup(dir: string, key: string, known: ReadonlyMap<string, string>): string | undefined {
  let pointer: Pointer;
  try {
    pointer = JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as Pointer;
  } catch {
    return undefined;
  }
  if (pointer.format !== FORMAT || !/^[0-9a-f]{64}\.mjs$/.test(pointer.code)) return undefined;
  if (!Array.isArray(pointer.deps) || !pointer.deps.every(([path, hash]) => (known.get(path) ?? fileHash(path)) === hash)) return undefined;
  const code = join(dir, pointer.code);
  return existsSync(code) ? code : undefined;
}

/** Writes `data` to `path` through a temporary file and a rename (whole or not at all). */
function writeAtomically(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * Stores a compiled module and returns its code file, or undefined when the cache cannot be
 * written (a full disk, a folder made read-only since): the caller then runs it from memory.
 */
export function store(dir: string, key: string, compiled: CompiledModule): string | undefined {
  try {
    const name = `${sha256(compiled.code)}.mjs`;
    const code = join(dir, name);
    if (!existsSync(code)) writeAtomically(code, compiled.code);
    const pointer: Pointer = { format: FORMAT, deps: compiled.deps, code: name };
    writeAtomically(join(dir, `${key}.json`), JSON.stringify(pointer));
    return code;
  } catch {
    return undefined;
  }
}
