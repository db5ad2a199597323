/**
 * Looks up a dialect by name. Dialect modules are imported lazily so that a SQLite project never
 * loads the PostgreSQL or MySQL driver — which is why the drivers are optional peer dependencies:
 * a project installs the one it uses, and a missing one is reported here as one clear error.
 */
import type { Dialect } from "./dialect.js";
import type { DialectName } from "../core/dialect-name.js";
import { MigrateError } from "../errors.js";

/** The npm package each dialect's driver comes from (the peer dependency a project installs). */
const DRIVER_PACKAGES: Record<DialectName, string> = {
  postgres: "pg",
  mysql: "mysql2",
  sqlite: "better-sqlite3",
};

const loaders: Record<DialectName, () => Promise<Dialect>> = {
  postgres: async () => (await import("./postgres/index.js")).postgresDialect,
  mysql: async () => (await import("./mysql/index.js")).mysqlDialect,
  sqlite: async () => (await import("./sqlite/index.js")).sqliteDialect,
};

/** Whether `error` is Node failing to find `pkg` itself (not a module that `pkg` imports). */
function isMissingPackage(error: unknown, pkg: string): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return false;
  const message = (error as Error).message;
  return message.includes(`'${pkg}'`) || message.includes(`'${pkg}/`);
}

/** The dialect implementation for `name`; a missing driver package is a "driver-missing" error. */
export async function loadDialect(name: DialectName): Promise<Dialect> {
  try {
    return await loaders[name]();
  } catch (error) {
    const pkg = DRIVER_PACKAGES[name];
    if (!isMissingPackage(error, pkg)) throw error;
    throw new MigrateError("driver-missing", `The ${name} driver (the npm package "${pkg}") is not installed in this project.`, {
      hint: `Run: npm install -D ${pkg}`,
      cause: error,
    });
  }
}
