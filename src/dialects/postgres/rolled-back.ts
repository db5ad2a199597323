/**
 * Asking the database how it would store something, without storing it: the work runs in a
 * transaction that is always rolled back, with a lock timeout so that a busy table means "no
 * answer" instead of a wait, and each attempt inside it at a savepoint of its own, undone after,
 * so that one the database refuses leaves the transaction usable for the next.
 */
import type { Connection } from "../dialect.js";

/** Runs `work` in a transaction that is rolled back afterwards, whatever happens. */
export async function inRolledBackTransaction<T>(conn: Connection, work: () => Promise<T>): Promise<T> {
  await conn.begin();
  try {
    await conn.query("SET LOCAL lock_timeout = '2s'");
    return await work();
  } finally {
    await conn.rollback();
  }
}

/**
 * Runs `attempt` at the savepoint `name` and undoes it after: its result, or undefined when the
 * database refused it. Names must differ between nested attempts.
 */
export async function undoneAttempt<T>(conn: Connection, name: string, attempt: () => Promise<T | undefined>): Promise<T | undefined> {
  await conn.query(`SAVEPOINT ${name}`);
  try {
    return await attempt();
  } catch {
    return undefined;
  } finally {
    await conn.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await conn.query(`RELEASE SAVEPOINT ${name}`);
  }
}
