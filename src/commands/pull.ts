/**
 * `migrate pull`: writes a schema.ts from a live database, so a team with an existing database
 * can adopt athanor (pull, autogenerate against an empty database, `stamp head` in production).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { renderSchemaModule } from "../pull/schema-module.js";
import type { ResolvedConfig } from "../config/types.js";
import { MigrateError, withFileSystem } from "../errors.js";
import { withDatabase } from "../runtime/database.js";
import { reflectDatabase, tableFilter } from "../project/schema-diff.js";
import type { EventSink } from "../runtime/events.js";

/** Options of pull. */
export interface PullOptions {
  /** Output file; default the config's schema path, else ./schema.ts. "-" returns the text only. */
  out?: string;
  /** Overwrite an existing file. */
  force?: boolean;
  /** Progress while it reflects and writes. */
  events?: EventSink;
}

/** What pull produced. */
export interface PullResult {
  /** The file written, or undefined with `--out -`. */
  path?: string;
  source: string;
  tables: number;
  enums: number;
}

/** Reflects the database and renders it as a schema module. */
export async function pull(config: ResolvedConfig, options: PullOptions = {}): Promise<PullResult> {
  const path = options.out === "-" ? undefined : resolve(process.cwd(), options.out ?? config.schemaFile ?? "schema.ts");
  if (path && existsSync(path) && !options.force) {
    throw new MigrateError("file-exists", `${path} already exists.`, { hint: "Pass --out <other file>, or --force to overwrite it." });
  }
  const { schema, dialect } = await withDatabase(config, {}, async (session) => ({
    schema: await reflectDatabase(session, tableFilter(config), options.events),
    dialect: session.dialect.name,
  }));
  options.events?.({ type: "progress", message: `writing ${schema.tables.length.toLocaleString("en-US")} table${schema.tables.length === 1 ? "" : "s"} as a schema module` });
  const source = renderSchemaModule(schema, { dialect });
  if (path) {
    withFileSystem("write", path, () => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source);
    });
  }
  return { path, source, tables: schema.tables.length, enums: schema.enums.length };
}
