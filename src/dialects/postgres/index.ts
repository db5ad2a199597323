/**
 * The PostgreSQL dialect: transactional DDL, in-place ALTER, schemas, named enums, partial and
 * concurrent indexes, comments, and an advisory-lock migration lock.
 */
import type { Dialect } from "../dialect.js";
import { compile } from "./compile.js";
import { connect } from "./driver.js";
import { acquireLock } from "./lock.js";
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
  versionTable,
  acquireLock,
  connectionLost,
  adviseOnFailure,
};
