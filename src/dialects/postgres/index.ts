/**
 * The PostgreSQL dialect: transactional DDL, in-place ALTER, schemas, named enums, partial and
 * concurrent indexes, comments, and an advisory-lock migration lock — or, behind a pooler, a
 * lease in a lock table.
 */
import { foldPostgresSpellings } from "./expression-spellings.js";
import type { Dialect } from "../dialect.js";
import { connect } from "./driver.js";
import { acquireLock, acquireSessionLock, sessionLockHolder } from "./lock.js";
import { acquireLease } from "./lease-lock.js";
import { deleteStaleLease, readLease } from "./lease-table.js";
import { sessionLockUnsafe } from "./pooler-probe.js";
import { connectionLost } from "./connection-lost.js";
import { adviseOnFailure } from "./lock-table-advice.js";
import { inlineParams, placeholder, quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";
import { versionTable } from "./version-table.js";
import { normalizePostgresSchema } from "./compare.js";
import { lazyModule } from "../../core/lazy-module.js";

/** The PostgreSQL implementation of the Dialect contract (loaded lazily by the registry). */

// Compile and reflection are most of the dialect's code; commands that neither compile nor
// reflect (current, heads, history) never load them.
const compiler = lazyModule(() => import("./compile.js"));
const reflection = lazyModule(() => import("./reflect.js"));
const printing = lazyModule(() => import("./print-definitions.js"));
const expressionPrinting = lazyModule(() => import("./print-expressions.js"));

export const postgresDialect: Dialect = {
  name: "postgres",
  capabilities: {
    transactionalDdl: true,
    alterColumn: true,
    concurrentIndex: true,
    schemas: true,
    namedEnums: true,
    partialIndexes: true,
    comments: true,
    // Indexes, and the indexes behind primary keys and unique constraints, are relations named per schema.
    schemaWideNames: ["index", "primaryKey", "unique", "exclusion"],
    // A foreign key depends on the referenced key's index (pg_depend): the key cannot go while it exists.
    foreignKeysHoldKeys: true,
  },
  quoteIdentifier,
  quoteTable,
  quoteLiteral,
  placeholder,
  inlineParams,
  connect,
  compile: async (op, ctx) => (await compiler()).compile(op, ctx),
  reflect: async (conn, options) => (await reflection()).reflect(conn, options),
  reflectTable: async (conn, ref) => (await reflection()).reflectTable(conn, ref),
  printDefinitions: async (conn, objects) => (await printing()).printDefinitions(conn, objects),
  printExpressions: async (conn, requests) => (await expressionPrinting()).printExpressions(conn, requests),
  normalizeSchema: normalizePostgresSchema,
  foldExpression: foldPostgresSpellings,
  versionTable,
  acquireLock,
  leaseLock: {
    sessionLockUnsafe,
    acquireSession: acquireSessionLock,
    acquireLease,
    async holders(conn, table, key) {
      return { lease: await readLease(conn, table, key), session: await sessionLockHolder(conn, key, true) };
    },
    async removeStaleLease(conn, table, key) {
      const removed = await deleteStaleLease(conn, table, key);
      return { removed, remaining: removed ? undefined : await readLease(conn, table, key) };
    },
  },
  connectionLost,
  adviseOnFailure,
};
