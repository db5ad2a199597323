/**
 * Checks the shape of a loaded config object, so a typo fails with a message naming the key
 * instead of surfacing later as a confusing error.
 */
import { ConfigError } from "../errors.js";
import type { MigrateConfig } from "./types.js";

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === "string" && v.length > 0 ? undefined : "a non-empty string");
const isStringArray: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : "an array of strings");
const isBoolean: Check = (v) => (typeof v === "boolean" ? undefined : "true or false");
const isPositiveNumber: Check = (v) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? undefined : "a number of seconds (0 or more)");
const isTransaction: Check = (v) => (v === "revision" || v === "command" ? undefined : '"revision" or "command"');
const isLock: Check = (v) => (v === "auto" || v === "session" || v === "table" ? undefined : '"auto", "session" or "table"');
const isVersionTable: Check = (v) => {
  if (typeof v === "string" && v.length > 0) return undefined;
  if (typeof v === "object" && v !== null && typeof (v as { name?: unknown }).name === "string") {
    const schema = (v as { schema?: unknown }).schema;
    if (schema === undefined || schema === null || typeof schema === "string") return undefined;
  }
  return 'a table name, or { name: string, schema?: string }';
};

const CHECKS: Record<keyof MigrateConfig, Check> = {
  url: isString,
  schema: isString,
  migrations: isString,
  versionLocations: isStringArray,
  versionTable: isVersionTable,
  transaction: isTransaction,
  lockTimeout: isPositiveNumber,
  lock: isLock,
  schemas: isStringArray,
  includeTables: isStringArray,
  excludeTables: isStringArray,
  strict: isBoolean,
};

/** Returns `value` as a MigrateConfig, or throws a ConfigError naming the first bad key. */
export function validateConfig(value: unknown, file: string): MigrateConfig {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${file} must export a config object as its default export, got ${value === null ? "null" : typeof value}.`, {
      hint: 'Write `export default defineConfig({ url: "sqlite:app.db" })`.',
    });
  }
  for (const [key, v] of Object.entries(value)) {
    const check = (CHECKS as Record<string, Check>)[key];
    if (!check) {
      throw new ConfigError(`Unknown setting "${key}" in ${file}.`, { hint: `Known settings: ${Object.keys(CHECKS).join(", ")}.` });
    }
    if (v === undefined) continue;
    const expected = check(v);
    if (expected) throw new ConfigError(`Setting "${key}" in ${file} must be ${expected}.`, { hint: "Fix the value in the config file." });
  }
  return value as MigrateConfig;
}
