/**
 * "out of shared memory" while a big revision locks its tables: PostgreSQL's lock table (shared
 * by every session) is full. Its size is max_locks_per_transaction × (max_connections +
 * max_prepared_transactions) slots, and a transaction holds one per relation it touches (each
 * table, index, sequence and TOAST table), so a revision creating or dropping hundreds of tables
 * can run out. The advice names the setting, its value now, a value that fits, and the other way
 * out: splitting the revision.
 */
import type { Connection, FailureContext } from "../dialect.js";

/** SQLSTATE 53200 (out_of_memory) with PostgreSQL's lock-table message. */
function isLockTableFull(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === "53200" && typeof e.message === "string" && /shared memory/i.test(e.message)) return true;
  }
  return false;
}

/** The smallest power of two ≥ n (PostgreSQL settings are usually given as such). */
function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * A hint for a full lock table, or undefined for any other failure. Call after the rollback:
 * it reads the settings and counts the relations that a revision may have to lock.
 */
export async function adviseOnFailure(conn: Connection, error: unknown, context: FailureContext): Promise<string | undefined> {
  if (!isLockTableFull(error)) return undefined;
  const [row] = await conn.query<{ locks: number; connections: number; prepared: number; relations: number }>(
    `SELECT current_setting('max_locks_per_transaction')::int AS locks,
            current_setting('max_connections')::int AS connections,
            current_setting('max_prepared_transactions')::int AS prepared,
            (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_temp\\_%')::int AS relations`,
  );
  if (!row) return undefined;
  const sessions = row.connections + row.prepared;
  // What the revision locks: every relation there is now (a drop) or about four per statement
  // that ran before it failed (a create: table, key index, sequence, TOAST table) — whichever is more.
  const relations = Math.max(row.relations, context.statementsRan * 4);
  const needed = Math.ceil((relations * 1.5) / Math.max(1, sessions));
  const suggestion = Math.max(row.locks * 2, powerOfTwoAtLeast(needed));
  return (
    `PostgreSQL's lock table is full: it has room for about max_locks_per_transaction (${row.locks}) × (max_connections (${row.connections}) + max_prepared_transactions (${row.prepared})) = ${row.locks * sessions} locked objects, ` +
    `and this transaction had locked about ${relations} relations (tables, indexes, sequences) when it failed. ` +
    `Raise max_locks_per_transaction to at least ${suggestion} (ALTER SYSTEM SET max_locks_per_transaction = ${suggestion}; then restart PostgreSQL) — more if the revision goes on to lock more — ` +
    `or split the work into several revisions of fewer tables each${context.wholeCommand ? ' and run with transaction: "revision" so each commits on its own' : ""}.`
  );
}
