/**
 * The MySQL/MariaDB dialect. Written for MariaDB 10.11 and MySQL 8; where the two differ the SQL
 * sticks to what both accept, and reflection asks the server which one it is.
 */
import { foldMysqlSpellings } from "./expression-spellings.js";
import type { Dialect, DialectCapabilities } from "../dialect.js";
import { connect } from "./driver.js";
import { inlineParams, placeholder, quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";
import { acquireLock } from "./lock.js";
import { connectionLost } from "./connection-lost.js";
import { versionTable } from "./version-table.js";
import { normalizeMysqlSchema } from "./compare.js";
import { lazyModule } from "../../core/lazy-module.js";

/** What MySQL can do: no transactional DDL (every DDL statement commits), no schemas or named enums. */

// Compile and reflection are most of the dialect's code; commands that neither compile nor
// reflect (current, heads, history) never load them.
const compiler = lazyModule(() => import("./compile.js"));
const reflection = lazyModule(() => import("./reflect.js"));

export const mysqlCapabilities: DialectCapabilities = {
  transactionalDdl: false,
  alterColumn: true,
  concurrentIndex: false,
  schemas: false,
  namedEnums: false,
  partialIndexes: false,
  comments: true,
  indexCommentsInDefinition: true,
  // Index names are per table; InnoDB foreign-key names are per database.
  schemaWideNames: ["foreignKey"],
  columnPositions: true,
  foreignKeysHoldColumnTypes: true,
};

/** The MySQL/MariaDB dialect, loaded by the registry as `mysqlDialect`. */
export const mysqlDialect: Dialect = {
  name: "mysql",
  capabilities: mysqlCapabilities,
  // Column, index and constraint names are case-insensitive on MySQL.
  identifierRules: { sameName: (a, b) => a.toLowerCase() === b.toLowerCase() },
  quoteIdentifier,
  quoteTable,
  quoteLiteral,
  placeholder,
  inlineParams,
  connect,
  compile: async (op, ctx) => (await compiler()).compile(op, ctx),
  reflect: async (conn, options) => (await reflection()).reflect(conn, options),
  reflectTable: async (conn, ref) => (await reflection()).reflectTable(conn, ref),
  normalizeSchema: normalizeMysqlSchema,
  foldExpression: foldMysqlSpellings,
  // A script replayed through a client whose default character set is not utf8mb4 (the mysql
  // client's default varies with version and platform) would mangle non-ASCII text in it.
  offlineScript: { prologue: [{ sql: "SET NAMES utf8mb4" }], epilogue: [] },
  versionTable,
  acquireLock,
  connectionLost,
};
