/**
 * How PostgreSQL prints the objects the model declares. A view's or materialized view's query is
 * created as a temporary view and read back with `pg_get_viewdef(…, true)`, the call reflection
 * makes, so the model's `SELECT id FROM products WHERE price < 10` can be seen to be the live
 * `SELECT products.id FROM products WHERE products.price < 10::numeric`. All of it runs in a
 * transaction that is rolled back: the temporary views live in this session's pg_temp and never
 * outlast it, and the real views are not touched (no lock on them; the tables the query reads
 * get the ACCESS SHARE lock any SELECT takes, with a lock timeout so a busy table only means
 * "not printed"). A function's or procedure's CREATE runs in that transaction (see printRoutine).
 * A definition the database refuses (a column the model adds that the table does not have yet) is
 * left out: it is a change either way.
 */
import { objectKey, type DatabaseObject } from "../../catalog/objects/types.js";
import type { Connection } from "../dialect.js";
import { orReplace } from "./compile-objects.js";
import { quoteIdentifier } from "./quote.js";
import { inRolledBackTransaction, undoneAttempt } from "./rolled-back.js";

const VIEWS: ReadonlySet<DatabaseObject["kind"]> = new Set(["view", "materializedView"]);
const ROUTINES: ReadonlySet<DatabaseObject["kind"]> = new Set(["function", "procedure"]);

/** The routine's rows by oid with their row versions (xmin), to see which one a CREATE wrote. */
const ROUTINE_ROWS = `SELECT p.oid::text AS oid, p.xmin::text AS version FROM pg_catalog.pg_proc p
 WHERE p.proname = $1 AND p.pronamespace = COALESCE(pg_catalog.to_regnamespace(pg_catalog.quote_ident($2)), pg_catalog.to_regnamespace(pg_catalog.quote_ident(pg_catalog.current_schema())))`;

/**
 * How the database prints a routine: its CREATE runs (as CREATE OR REPLACE) inside the rolled-back
 * transaction, and the row it wrote — the replaced one, whose version changed, or a new overload —
 * is printed with pg_get_functiondef, the call reflection makes. Callers of the live routine
 * never see it: the replacement is never committed.
 */
async function printRoutine(conn: Connection, routine: DatabaseObject): Promise<string | undefined> {
  const params = [routine.name, routine.schema ?? null];
  const before = new Map((await conn.query<{ oid: string; version: string }>(ROUTINE_ROWS, params)).map((r) => [r.oid, r.version]));
  // As a revision creates it: bodies not checked, so a routine using what the run creates later still prints.
  await conn.query("SET LOCAL check_function_bodies = false");
  await conn.query(orReplace(routine.definition.trim().replace(/;+\s*$/, "")));
  const written = (await conn.query<{ oid: string; version: string }>(ROUTINE_ROWS, params)).find((r) => before.get(r.oid) !== r.version);
  if (!written) return undefined;
  const [row] = await conn.query<{ definition: string }>("SELECT pg_catalog.pg_get_functiondef($1::oid) AS definition", [written.oid]);
  return row?.definition;
}

/** How the database prints a view's query: created as a temporary view, read back with pg_get_viewdef. */
async function printView(conn: Connection, view: DatabaseObject, i: number): Promise<string | undefined> {
  const probe = `pg_temp.${quoteIdentifier(`athanor_print_${i}`)}`;
  await conn.query(`CREATE VIEW ${probe} AS ${queryOf(view.definition)}`);
  const [row] = await conn.query<{ definition: string }>("SELECT pg_catalog.pg_get_viewdef($1::regclass, true) AS definition", [probe]);
  return row?.definition.trim().replace(/;$/, "").trim();
}

/** The query as CREATE VIEW … AS takes it: without the trailing semicolon a definition may carry. */
function queryOf(definition: string): string {
  return definition.trim().replace(/;+\s*$/, "");
}

/** The printed definition of each view, materialized view, function and procedure in `objects`, by objectKey; other kinds are left out. */
export async function printDefinitions(conn: Connection, objects: readonly DatabaseObject[]): Promise<Map<string, string>> {
  const printed = new Map<string, string>();
  const wanted = objects.filter((o) => VIEWS.has(o.kind) || ROUTINES.has(o.kind));
  if (wanted.length === 0) return printed;
  await inRolledBackTransaction(conn, async () => {
    for (const [i, object] of wanted.entries()) {
      // Refused (it uses what the run has yet to create): compared as written. Undone either way,
      // so the next object is printed against the live database.
      const text = await undoneAttempt(conn, "athanor_print", () => (VIEWS.has(object.kind) ? printView(conn, object, i) : printRoutine(conn, object)));
      if (text !== undefined) printed.set(objectKey(object), text);
    }
  });
  return printed;
}
