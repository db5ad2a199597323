/**
 * Looks up a dialect by name. Dialect modules are imported lazily so that a SQLite project never
 * loads the PostgreSQL or MySQL driver.
 */
import type { Dialect } from "./dialect.js";
import type { DialectName } from "../core/dialect-name.js";

const loaders: Record<DialectName, () => Promise<Dialect>> = {
  postgres: async () => (await import("./postgres/index.js")).postgresDialect,
  mysql: async () => (await import("./mysql/index.js")).mysqlDialect,
  sqlite: async () => (await import("./sqlite/index.js")).sqliteDialect,
};

/** The dialect implementation for `name`. */
export function loadDialect(name: DialectName): Promise<Dialect> {
  return loaders[name]();
}
