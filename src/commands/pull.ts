/**
 * `migrate pull`: writes a schema.ts from a live database, so a team with an existing database
 * can adopt athanor (pull, autogenerate against an empty database, `stamp head` in production).
 * On PostgreSQL it reads every schema but the system's — adopting a database means all of it —
 * unless `--schema` or the config's `schemas` narrow it (`--all-schemas` widens the config's
 * again), and reports the other schemas that hold tables, so none is left out unsaid.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pullLimitations } from "../pull/limitations.js";
import { renderSchemaModule } from "../pull/schema-module.js";
import type { ResolvedConfig } from "../config/types.js";
import { MigrateError, UsageError, withFileSystem } from "../errors.js";
import { withDatabase } from "../runtime/database.js";
import { reflectDatabase, tableFilter } from "../project/schema-diff.js";
import type { EventSink } from "../runtime/events.js";
import { countOf } from "../core/count.js";

/** Options of pull. */
export interface PullOptions {
  /** Output file; default the config's schema path, else ./schema.ts. "-" returns the text only. */
  out?: string;
  /** Overwrite an existing file. */
  force?: boolean;
  /** Progress while it reflects and writes. */
  events?: EventSink;
  /** PostgreSQL schemas to read (`--schema`, repeatable); wins over the config's `schemas`. */
  schemas?: string[];
  /** Read every schema but the system's (`--all-schemas`), whatever the config's `schemas` say. */
  allSchemas?: boolean;
}

/** A schema that holds tables and was not read. */
export interface SchemaLeftOut {
  name: string;
  tables: number;
}

/** What pull produced. */
export interface PullResult {
  /** The file written, or undefined with `--out -`. */
  path?: string;
  source: string;
  tables: number;
  enums: number;
  /** The schemas read (PostgreSQL; empty elsewhere). */
  schemasRead: string[];
  /** Schemas that hold tables but were not read (PostgreSQL); the CLI says how to include them. */
  schemasLeftOut: SchemaLeftOut[];
  /**
   * What the file cannot say exactly, one line each (also in its header): first what the model
   * cannot hold at all, by kind and name (a policy, a foreign table, …).
   */
  limitations: string[];
}

/** Reflects the database and renders it as a schema module. */
export async function pull(config: ResolvedConfig, options: PullOptions = {}): Promise<PullResult> {
  const path = options.out === "-" ? undefined : resolve(process.cwd(), options.out ?? config.schemaFile ?? "schema.ts");
  if (path && existsSync(path) && !options.force) {
    throw new MigrateError("file-exists", `${path} already exists.`, { hint: "Pass --out <other file>, or --force to overwrite it." });
  }
  const { schema, dialect } = await withDatabase(config, {}, async (session) => {
    const filter = tableFilter(config);
    if ((options.schemas?.length || options.allSchemas) && !session.dialect.capabilities.schemas) {
      throw new UsageError(`--schema and --all-schemas choose PostgreSQL schemas; ${session.dialect.name} keeps a database's tables in one namespace.`, {
        hint: "Leave the option out: pull reads the database the URL names.",
      });
    }
    // Without a narrower choice pull reads every schema: a table in `billing` left out would be a
    // database the pulled model cannot rebuild.
    const every = options.allSchemas || (!options.schemas?.length && !config.schemas);
    const query = { ...filter.query, ...(options.schemas?.length ? { schemas: options.schemas } : {}), ...(every ? { allSchemas: true } : {}) };
    return { schema: await reflectDatabase(session, { ...filter, query }, options.events), dialect: session.dialect.name };
  });
  options.events?.({ type: "progress", message: `writing ${countOf(schema.tables.length, "table")} as a schema module` });
  const source = renderSchemaModule(schema, { dialect });
  if (path) {
    withFileSystem("write", path, () => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source);
    });
  }
  const schemasLeftOut = (schema.schemas ?? []).filter((s) => !s.read && s.tables > 0).map((s) => ({ name: s.name, tables: s.tables }));
  const schemasRead = (schema.schemas ?? []).filter((s) => s.read).map((s) => s.name);
  return { path, source, tables: schema.tables.length, enums: schema.enums.length, schemasRead, schemasLeftOut, limitations: pullLimitations(schema) };
}
