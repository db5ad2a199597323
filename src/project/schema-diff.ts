/**
 * The model-versus-database comparison shared by `revision --autogenerate` and `check`: load the
 * user's schema.ts, reflect the live database (a constant number of catalog queries), and compare
 * the two through the dialect's normalisation.
 */
import { compareSchemas, dialectCompareOptions, type CompareResult } from "../autogenerate/compare.js";
import { filterSchema, type FilterOptions } from "../autogenerate/filters.js";
import type { ResolvedConfig } from "../config/types.js";
import { importUserModule } from "../loader/import-user-module.js";
import { ConfigError, MigrateError, isMigrateError } from "../errors.js";
import type { ReflectOptions } from "../dialects/dialect.js";
import { configuredDialect, type DatabaseSession } from "../runtime/database.js";
import { schemaFromModel } from "../model/to-catalog.js";
import type { DatabaseSchema } from "../catalog/types.js";
import { silent, type EventSink } from "../runtime/events.js";
import { countOf } from "../core/count.js";
import { validateSchemaWideNames } from "../catalog/validate-names.js";
import { namedSchemas } from "../catalog/named-schemas.js";
import { withPrintedDefinitions } from "./printed-definitions.js";
import { withPrintedExpressions } from "./printed-expressions.js";

/** Both schemas and the operations that turn the database into the model. */
export interface SchemaDiff extends CompareResult {
  target: DatabaseSchema;
  actual: DatabaseSchema;
}

/** Loads schema.ts into the neutral schema; errors name the file. */
async function loadModel(config: ResolvedConfig): Promise<DatabaseSchema> {
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
function managedTables(config: ResolvedConfig): string[] {
  return [config.versionTable.name, `${config.versionTable.name}_log`];
}

const isExact = (pattern: string) => !pattern.includes("*");

/**
 * Which tables a diff covers, decided once from the config and applied to both sides: the model
 * is filtered by `tables`; the reflection gets the exact names inside its catalog queries
 * (`query`) and is filtered afterwards only when a glob pattern (`audit_*`) needs it.
 */
export interface TableFilter {
  tables: FilterOptions;
  query: Pick<ReflectOptions, "schemas" | "includeTables" | "excludeTables">;
  globs: boolean;
}

/**
 * The table filter of a config: includeTables/excludeTables, and athanor's own tables left out.
 * The schemas read are the config's `schemas`; without that setting, the current schema plus
 * `modelSchemas` (the schemas the model names), so a table in `billing` is compared unasked.
 */
export function tableFilter(config: ResolvedConfig, modelSchemas: readonly string[] = []): TableFilter {
  const include = config.includeTables;
  const exclude = [...(config.excludeTables ?? []), ...managedTables(config)];
  return {
    tables: { includeTables: include, excludeTables: exclude, versionTable: config.versionTable },
    query: { schemas: config.schemas, ...(config.schemas || modelSchemas.length === 0 ? {} : { alsoSchemas: [...modelSchemas] }), includeTables: include?.every(isExact) ? include : undefined, excludeTables: exclude.filter(isExact) },
    globs: !(include ?? []).every(isExact) || !exclude.every(isExact),
  };
}

/** The model as the diff sees it: loaded, validated for the dialect, filtered. */
export interface TargetModel {
  target: DatabaseSchema;
  filter: TableFilter;
}

/**
 * Loads schema.ts and validates it for the configured dialect — before any connection, so a
 * mistake in the model is reported even when the database is down — then filters it once.
 */
export async function loadTarget(config: ResolvedConfig): Promise<TargetModel> {
  const { dialect } = await configuredDialect(config);
  const model = await loadModel(config);
  // The model checks names per table; the dialect's wider scope is checked here, before any statement runs.
  inSchemaFile(config.schemaFile ?? "schema.ts", () => validateSchemaWideNames(model, dialect.capabilities.schemaWideNames ?? [], dialect.name));
  const target = filterSchema(model, tableFilter(config).tables);
  return { target, filter: tableFilter(config, dialect.capabilities.schemas ? namedSchemas(target) : []) };
}

/** Reflects the database through the table filter (exact names inside the catalog queries). */
export async function reflectDatabase(session: DatabaseSession, filter: TableFilter, events: EventSink = silent): Promise<DatabaseSchema> {
  events({ type: "progress", message: "reflecting the database" });
  const reflected = await session.dialect.reflect(session.conn, filter.query);
  return filter.globs ? filterSchema(reflected, filter.tables) : reflected;
}

/** Compares a loaded model with the live database. */
export async function diffModelWithDatabase(session: DatabaseSession, model: TargetModel, events: EventSink = silent): Promise<SchemaDiff> {
  const actual = await reflectDatabase(session, model.filter, events);
  events({ type: "progress", message: `comparing ${countOf(actual.tables.length, "table")} with ${countOf(model.target.tables.length, "model table")}` });
  const printedObjects = await withPrintedDefinitions(session.dialect, session.conn, model.target, actual);
  const target = await withPrintedExpressions(session.dialect, session.conn, printedObjects, actual);
  const result = compareSchemas(target, actual, dialectCompareOptions(session.dialect));
  return { ...result, target, actual };
}
