/**
 * Loads and resolves the configuration: the config file (found upward or given with -c), then
 * `--url`, `DATABASE_URL` and the file's `url`, in that order of precedence.
 */
import { dirname, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { checkExplicitConfig, findConfigFile } from "./find.js";
import { importUserModule } from "../loader/import-user-module.js";
import type { MigrateConfig, ResolvedConfig } from "./types.js";
import { validateConfig } from "./validate.js";
import { redactUrl } from "../core/database-url.js";

/** Inputs from the command line and environment. */
export interface LoadConfigOptions {
  cwd?: string;
  /** `-c PATH`. */
  configPath?: string;
  /** `--url`. */
  url?: string;
  /** Environment, for DATABASE_URL (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Don't fail when no config file exists (init, and runs driven entirely by flags). */
  optional?: boolean;
}

async function readConfigFile(file: string): Promise<MigrateConfig> {
  let mod: Record<string, unknown>;
  try {
    mod = await importUserModule(file);
  } catch (error) {
    const message = redactUrl(error instanceof Error ? error.message : String(error));
    throw new ConfigError(`Could not load ${file}: ${message}`, { hint: "Fix the error in the config file (run with --verbose for the stack).", cause: error });
  }
  const value = "default" in mod ? mod.default : undefined;
  if (value === undefined) {
    throw new ConfigError(`${file} has no default export.`, { hint: 'Add `export default defineConfig({ url: "sqlite:app.db" })`.' });
  }
  return validateConfig(value, file);
}

/** Loads, validates and resolves the configuration. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const file = options.configPath ? checkExplicitConfig(options.configPath, cwd) : findConfigFile(cwd);
  if (!file && !options.optional) {
    throw new ConfigError(`No migrate.config.ts found in ${cwd} or any folder above it.`, {
      hint: "Run `migrate init` to create a project, or pass -c path/to/migrate.config.ts.",
    });
  }
  const config: MigrateConfig = file ? await readConfigFile(file) : {};
  return resolveConfig(config, file, file ? dirname(file) : cwd, options.url, env);
}

/** Applies defaults and precedence to a validated config. Exposed for tests and the API. */
export function resolveConfig(
  config: MigrateConfig,
  configFile: string | undefined,
  rootDir: string,
  urlFlag?: string,
  env: Record<string, string | undefined> = process.env,
): ResolvedConfig {
  const envUrl = env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : undefined;
  const url = urlFlag ?? envUrl ?? config.url;
  const urlSource = urlFlag ? "--url" : envUrl ? "DATABASE_URL" : config.url ? "config" : undefined;
  const migrationsDir = resolve(rootDir, config.migrations ?? "./migrations");
  const vt = config.versionTable ?? "athanor_version";
  const versionTable = typeof vt === "string" ? { name: vt, schema: null } : { name: vt.name, schema: vt.schema ?? null };
  return {
    configFile,
    rootDir,
    url,
    urlSource,
    schemaFile: config.schema ? resolve(rootDir, config.schema) : undefined,
    migrationsDir,
    versionsDir: resolve(migrationsDir, "versions"),
    versionLocations: (config.versionLocations ?? []).map((p) => resolve(rootDir, p)),
    versionTable,
    transaction: config.transaction ?? "revision",
    lockTimeoutSeconds: config.lockTimeout ?? 60,
    lock: config.lock ?? "auto",
    schemas: config.schemas,
    includeTables: config.includeTables,
    excludeTables: config.excludeTables,
    strict: config.strict ?? false,
  };
}
