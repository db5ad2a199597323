/**
 * The shape of migrate.config.ts and its resolved form.
 */

/** Where the version table lives. A string is its name. */
export type VersionTableSetting = string | { name: string; schema?: string | null };

/** Which migration lock a run takes (see MigrateConfig.lock). */
export type LockSetting = "auto" | "session" | "table";

/** What users write in migrate.config.ts (all fields optional). */
export interface MigrateConfig {
  /** Database URL; `--url` and `DATABASE_URL` take precedence. */
  url?: string;
  /** Path of the schema model (schema.ts), relative to the config file. */
  schema?: string;
  /** The migrations folder; revisions live in its `versions/`. Default "./migrations". */
  migrations?: string;
  /** Extra folders holding revision files, besides `<migrations>/versions`. */
  versionLocations?: string[];
  /** Name (and on PostgreSQL schema) of the version table. Default "athanor_version". */
  versionTable?: VersionTableSetting;
  /**
   * "revision" (default): each revision commits on its own where DDL is transactional (Alembic's
   * `transaction_per_migration = True`): its locks last only as long as it, and a failure keeps
   * the revisions before it.
   * "command": the whole upgrade/downgrade runs in one transaction (Alembic's default), broken
   * only by revisions that opt out with `transactional = false`.
   */
  transaction?: "revision" | "command";
  /** Seconds to wait for the migration lock before giving up. Default 60. */
  lockTimeout?: number;
  /**
   * Which migration lock: "auto" (default) the session-level lock, or on PostgreSQL the lease
   * lock when the connection goes through a pooler; "session" always the session-level lock;
   * "table" always the lease lock, a row in `<versionTable>_lock` (PostgreSQL).
   */
  lock?: LockSetting;
  /**
   * PostgreSQL schemas autogenerate, check and pull read. Default: the current schema plus every
   * schema the model names (pull: the current schema); when set, exactly these.
   */
  schemas?: string[];
  /** Only these tables take part in autogenerate (names or "schema.name"). */
  includeTables?: string[];
  /** These tables are ignored by autogenerate. */
  excludeTables?: string[];
  /** Treat a changed applied revision file as an error in `check` and `current`. */
  strict?: boolean;
}

/** The configuration with defaults applied and every path absolute. */
export interface ResolvedConfig {
  /** The config file, or undefined when running from flags and environment only. */
  configFile: string | undefined;
  /** The folder the config file sits in: relative paths and sqlite: URLs resolve against it. */
  rootDir: string;
  /** The URL exactly as configured (may be undefined: commands that need a database will say so). */
  url: string | undefined;
  /** Where the URL came from, for messages. */
  urlSource: "--url" | "DATABASE_URL" | "config" | undefined;
  schemaFile: string | undefined;
  migrationsDir: string;
  versionsDir: string;
  versionLocations: string[];
  versionTable: { name: string; schema: string | null };
  transaction: "revision" | "command";
  lockTimeoutSeconds: number;
  lock: LockSetting;
  schemas: string[] | undefined;
  includeTables: string[] | undefined;
  excludeTables: string[] | undefined;
  strict: boolean;
}

/** Identity helper that gives migrate.config.ts type checking and completion. */
export function defineConfig(config: MigrateConfig): MigrateConfig {
  return config;
}
