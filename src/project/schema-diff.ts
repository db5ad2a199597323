/**
 * The model-versus-database comparison shared by `revision --autogenerate` and `check`: load the
 * user's schema.ts, reflect the live database (a constant number of catalog queries), and compare
 * the two through the dialect's normalisation.
 */
import { compareSchemas, type CompareResult } from "../autogenerate/compare.js";
import { filterSchema } from "../autogenerate/filters.js";
import type { ResolvedConfig } from "../config/types.js";
import { importUserModule } from "../loader/import-user-module.js";
import { ConfigError, MigrateError, isMigrateError } from "../errors.js";
import type { DatabaseSession } from "../runtime/database.js";
import { schemaFromModel } from "../model/to-catalog.js";
import type { DatabaseSchema } from "../catalog/types.js";
import { validateSchemaWideNames } from "../catalog/validate-names.js";

/** Both schemas and the operations that turn the database into the model. */
export interface SchemaDiff extends CompareResult {
  target: DatabaseSchema;
  actual: DatabaseSchema;
}

/** Loads schema.ts into the neutral schema; errors name the file. */
export async function loadModel(config: ResolvedConfig): Promise<DatabaseSchema> {
  if (!config.schemaFile) {
    throw new ConfigError("No schema model is configured.", { hint: 'Add `schema: "./schema.ts"` to migrate.config.ts.' });
  }
  let mod: Record<string, unknown>;
  try {
    mod = await importUserModule(config.schemaFile);
  } catch (error) {
    throw new MigrateError("model", `Could not load ${config.schemaFile}: ${error instanceof Error ? error.message : String(error)}`, {
      hint: "Fix the error in the schema file (run with --verbose for the stack).",
      cause: error,
    });
  }
  return inSchemaFile(config.schemaFile, () => schemaFromModel(mod));
}

/** Runs a model check, prefixing its error with the schema file it is about. */
function inSchemaFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isMigrateError(error)) throw new MigrateError(error.code, `${file}: ${error.message}`, { hint: error.hint, cause: error });
    throw error;
  }
}

/** Tables athanor itself manages, never part of a diff. */
export function managedTables(config: ResolvedConfig): string[] {
  return [config.versionTable.name, `${config.versionTable.name}_log`];
}

const isExact = (pattern: string) => !pattern.includes("*");

/**
 * Reflects the database with the configured filters. Exact names go into the catalog queries;
 * glob patterns (`audit_*`) are applied afterwards, since the dialects filter by exact name.
 */
export async function reflectDatabase(config: ResolvedConfig, session: DatabaseSession): Promise<DatabaseSchema> {
  const include = config.includeTables;
  const exclude = config.excludeTables ?? [];
  const reflected = await session.dialect.reflect(session.conn, {
    schemas: config.schemas,
    includeTables: include && include.every(isExact) ? include : undefined,
    excludeTables: [...exclude.filter(isExact), ...managedTables(config)],
  });
  return filterSchema(reflected, { includeTables: include, excludeTables: exclude, versionTable: null });
}

/** Compares the model with the live database. */
export async function diffModelWithDatabase(config: ResolvedConfig, session: DatabaseSession): Promise<SchemaDiff> {
  const model = await loadModel(config);
  // The model checks names per table; the dialect's wider scope is known only here, before any statement runs.
  inSchemaFile(config.schemaFile ?? "schema.ts", () => validateSchemaWideNames(model, session.dialect.capabilities.schemaWideNames ?? [], session.dialect.name));
  const target = filterSchema(model, { includeTables: config.includeTables, excludeTables: config.excludeTables, versionTable: null });
  const actual = await reflectDatabase(config, session);
  const result = compareSchemas(target, actual, {
    capabilities: session.dialect.capabilities,
    normalize: (schema) => session.dialect.normalizeSchema(schema),
    versionTable: config.versionTable,
  });
  return { ...result, target, actual };
}
