/**
 * The PostgreSQL dialect: transactional DDL, in-place ALTER, schemas, named enums, partial and
 * concurrent indexes, comments, and an advisory-lock migration lock — or, behind a pooler, a
 * lease in a lock table.
 */
import { foldPostgresSpellings } from "./expression-spellings.js";
import type { Dialect } from "../dialect.js";
import { compile } from "./compile.js";
import { connect } from "./driver.js";
import { acquireLock, acquireSessionLock, sessionLockHolder } from "./lock.js";
import { acquireLease } from "./lease-lock.js";
import { deleteStaleLease, readLease } from "./lease-table.js";
import { sessionLockUnsafe } from "./pooler-probe.js";
import { connectionLost } from "./connection-lost.js";
import { adviseOnFailure } from "./lock-table-advice.js";
import { inlineParams, placeholder, quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";
import { reflect, reflectTable } from "./reflect.js";
import { versionTable } from "./version-table.js";
import { normalizePostgresSchema } from "./compare.js";

/** The PostgreSQL implementation of the Dialect contract (loaded lazily by the registry). */
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
    schemaWideNames: ["index", "primaryKey", "unique"],
  },
  quoteIdentifier,
  quoteTable,
  quoteLiteral,
  placeholder,
  inlineParams,
  connect,
  compile,
  reflect,
  reflectTable,
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
