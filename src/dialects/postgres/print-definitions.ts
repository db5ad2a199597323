/**
 * How PostgreSQL prints the query of a view or materialized view the model declares: the query is
 * created as a temporary view and read back with `pg_get_viewdef(…, true)`, the call reflection
 * makes, so the model's `SELECT id FROM products WHERE price < 10` can be seen to be the live
 * `SELECT products.id FROM products WHERE products.price < 10::numeric`. All of it runs in a
 * transaction that is rolled back: the temporary views live in this session's pg_temp and never
 * outlast it, and the real views are not touched (no lock on them; the tables the query reads
 * get the ACCESS SHARE lock any SELECT takes, with a lock timeout so a busy table only means
 * "not printed"). A query the database refuses (a column the model adds that the table does not
 * have yet) is left out: it is a change either way.
 */
import { objectKey, type DatabaseObject } from "../../catalog/objects/types.js";
import type { Connection } from "../dialect.js";
import { quoteIdentifier } from "./quote.js";

const PRINTED: ReadonlySet<DatabaseObject["kind"]> = new Set(["view", "materializedView"]);

/** The query as CREATE VIEW … AS takes it: without the trailing semicolon a definition may carry. */
function queryOf(definition: string): string {
  return definition.trim().replace(/;+\s*$/, "");
}

/** The printed query of each view and materialized view in `objects`, by objectKey; other kinds are left out. */
export async function printDefinitions(conn: Connection, objects: readonly DatabaseObject[]): Promise<Map<string, string>> {
  const printed = new Map<string, string>();
  const views = objects.filter((o) => PRINTED.has(o.kind));
  if (views.length === 0) return printed;
  await conn.begin();
  try {
    await conn.query("SET LOCAL lock_timeout = '2s'");
    for (const [i, view] of views.entries()) {
      const probe = `pg_temp.${quoteIdentifier(`athanor_print_${i}`)}`;
      await conn.query("SAVEPOINT athanor_print");
      try {
        await conn.query(`CREATE VIEW ${probe} AS ${queryOf(view.definition)}`);
        const [row] = await conn.query<{ definition: string }>("SELECT pg_catalog.pg_get_viewdef($1::regclass, true) AS definition", [probe]);
        if (row) printed.set(objectKey(view), row.definition.trim().replace(/;$/, "").trim());
        await conn.query("RELEASE SAVEPOINT athanor_print");
      } catch {
        await conn.query("ROLLBACK TO SAVEPOINT athanor_print");
      }
    }
  } finally {
    await conn.rollback();
  }
  return printed;
}
