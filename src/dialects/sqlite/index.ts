/**
 * The SQLite dialect: better-sqlite3 driver, BEGIN IMMEDIATE lock, reflection from
 * sqlite_schema + pragma table-valued functions, and compile with table rebuilds for the
 * ALTER TABLE forms SQLite lacks.
 */
import { foldSqliteSpellings } from "./expression-spellings.js";
import type { Dialect } from "../dialect.js";
import { connect } from "./driver.js";
import { verifyRevision } from "./foreign-key-check.js";
import { acquireLock } from "./lock.js";
import { inlineParams, placeholder, quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";
import { versionTable } from "./version-table.js";
import { normalizeSqliteSchema } from "./compare.js";
import { sqliteIdentifierRules } from "./table-edits.js";
import { lazyModule } from "../../core/lazy-module.js";

/** The SQLite dialect (loaded lazily by the registry). */

// Compile and reflection are most of the dialect's code; commands that neither compile nor
// reflect (current, heads, history) never load them.
const compiler = lazyModule(() => import("./compile.js"));
const reflection = lazyModule(() => import("./reflect.js"));

export const sqliteDialect: Dialect = {
  name: "sqlite",
  capabilities: {
    transactionalDdl: true,
    alterColumn: false,
    concurrentIndex: false,
    schemas: false,
    namedEnums: false,
    partialIndexes: true,
    comments: false,
    // CREATE INDEX names are per database; constraint names live inside their table's definition.
    schemaWideNames: ["index"],
    // REFERENCES is checked only when rows change, so a cycle between new tables needs no later ALTER.
    forwardReferences: true,
    // A column placed among the others comes from a rebuild of its table.
    columnPositions: true,
  },
  identifierRules: sqliteIdentifierRules,
  quoteIdentifier,
  quoteTable,
  quoteLiteral,
  placeholder,
  inlineParams,
  connect,
  compile: async (op, ctx) => (await compiler()).compile(op, ctx),
  reflect: async (conn, options) => (await reflection()).reflect(conn, options),
  reflectTable: async (conn, ref) => (await reflection()).reflectTable(conn, ref),
  verifyRevision,
  normalizeSchema: normalizeSqliteSchema,
  foldExpression: foldSqliteSpellings,
  // PRAGMA foreign_keys is ignored inside a transaction, so the script sets it around them all.
  offlineScript: {
    prologue: [{ sql: "PRAGMA foreign_keys = OFF" }],
    epilogue: [{ sql: "PRAGMA foreign_key_check" }, { sql: "PRAGMA foreign_keys = ON" }],
  },
  versionTable,
  acquireLock,
};
