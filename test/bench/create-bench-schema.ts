/**
 * Creates the benchmark schema in a live database the way a migration would: each table's
 * `createTable` operation compiled by the dialect, its statements run in order on one connection.
 */
import type { Connection, Dialect } from "../../src/dialects/dialect.js";
import type { DatabaseSchema } from "../../src/catalog/types.js";

/** How many tables go into one transaction; bounded so PostgreSQL's lock table (max_locks_per_transaction) holds. */
const TABLES_PER_TRANSACTION = 1000;

/** What creating the schema took. */
export interface CreateResult {
  statements: number;
  transactions: number;
  ms: number;
}

/**
 * Creates every table of `schema` on `conn`. With transactional DDL (PostgreSQL, SQLite) the
 * tables go in transactions, which is much faster than autocommitting each statement; MySQL
 * commits DDL implicitly, so there the statements simply run one after another.
 */
export async function createBenchSchema(dialect: Dialect, conn: Connection, schema: DatabaseSchema, tablesPerTransaction = TABLES_PER_TRANSACTION): Promise<CreateResult> {
  const start = process.hrtime.bigint();
  const useTransactions = dialect.capabilities.transactionalDdl;
  let statements = 0;
  let transactions = 0;
  for (let i = 0; i < schema.tables.length; i++) {
    if (useTransactions && i % tablesPerTransaction === 0) {
      await conn.begin();
      transactions++;
    }
    const compiled = await dialect.compile({ kind: "createTable", table: schema.tables[i] }, { offline: false, tableState: () => undefined });
    for (const statement of compiled) {
      await conn.query(statement.sql, statement.params);
      statements++;
    }
    if (useTransactions && (i % tablesPerTransaction === tablesPerTransaction - 1 || i === schema.tables.length - 1)) await conn.commit();
  }
  return { statements, transactions, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
