/**
 * How PostgreSQL prints the expressions the model writes for a live table: each table's
 * columns are copied into a temporary table (`CREATE TEMP TABLE … (LIKE t)`: the same names,
 * types and collations, none of its rows, constraints or indexes), the expression is attached
 * to the copy — a NOT VALID CHECK, an index with the predicate or on the expression, a column
 * DEFAULT, a computed column of the same type — and read back with the catalog calls reflection makes (`pg_get_expr(…, true)`,
 * `pg_get_indexdef(…, 1, true)`). Everything runs in a transaction that is rolled back: the
 * live table gets only the ACCESS SHARE lock LIKE takes to read its definition (with a lock
 * timeout, so a busy table only means "not printed"), and nothing outlasts the call. An
 * expression the database refuses is left out: it compares as written.
 */
import type { Connection, ExpressionPrintRequest } from "../dialect.js";
import { quoteIdentifier, quoteTable } from "./quote.js";
import { inRolledBackTransaction, undoneAttempt } from "./rolled-back.js";

/** The text reflection would read for `request`, attached to the temporary copy `probe` of its table. */
async function printOne(conn: Connection, probe: string, firstColumn: string, request: ExpressionPrintRequest): Promise<string | undefined> {
  const name = "athanor_print";
  if (request.kind === "check") {
    await conn.query(`ALTER TABLE ${probe} ADD CONSTRAINT ${quoteIdentifier(name)} CHECK (${request.sql}) NOT VALID`);
    const [row] = await conn.query<{ text: string }>("SELECT pg_catalog.pg_get_expr(conbin, conrelid, true) AS text FROM pg_catalog.pg_constraint WHERE conrelid = $1::regclass AND conname = $2", [probe, name]);
    return row?.text;
  }
  if (request.kind === "generated") {
    if (!request.column) return undefined;
    // The copy has the column without its expression: it is added again, of the same type, with the model's.
    const [column] = await conn.query<{ type: string }>("SELECT pg_catalog.format_type(atttypid, atttypmod) AS type FROM pg_catalog.pg_attribute WHERE attrelid = $1::regclass AND attname = $2 AND NOT attisdropped", [probe, request.column]);
    if (!column) return undefined;
    const col = quoteIdentifier(request.column);
    await conn.query(`ALTER TABLE ${probe} DROP COLUMN ${col}`);
    await conn.query(`ALTER TABLE ${probe} ADD COLUMN ${col} ${column.type} GENERATED ALWAYS AS (${request.sql}) STORED`);
  } else if (request.kind === "default") {
    if (!request.column) return undefined;
    await conn.query(`ALTER TABLE ${probe} ALTER COLUMN ${quoteIdentifier(request.column)} SET DEFAULT ${request.sql}`);
  }
  if (request.kind === "generated" || request.kind === "default") {
    const [row] = await conn.query<{ text: string }>(
      "SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS text FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = $1::regclass AND a.attname = $2",
      [probe, request.column],
    );
    return row?.text;
  }
  const on = request.kind === "indexPredicate" ? `(${quoteIdentifier(firstColumn)}) WHERE ${request.sql}` : `((${request.sql}))`;
  await conn.query(`CREATE INDEX ${quoteIdentifier(name)} ON ${probe} ${on}`);
  const [row] = await conn.query<{ text: string }>(
    request.kind === "indexPredicate"
      ? "SELECT pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS text FROM pg_catalog.pg_index i WHERE i.indexrelid = $1::regclass"
      : "SELECT pg_catalog.pg_get_indexdef(i.indexrelid, 1, true) AS text FROM pg_catalog.pg_index i WHERE i.indexrelid = $1::regclass",
    [`pg_temp.${quoteIdentifier(name)}`],
  );
  return row?.text;
}

/** The printed text of each request, by id; requests on a table that cannot be copied, or that the database refuses, are left out. */
export async function printExpressions(conn: Connection, requests: readonly ExpressionPrintRequest[]): Promise<Map<string, string>> {
  const printed = new Map<string, string>();
  if (requests.length === 0) return printed;
  const byTable = new Map<string, ExpressionPrintRequest[]>();
  for (const r of requests) {
    const key = quoteTable(r.table);
    byTable.set(key, [...(byTable.get(key) ?? []), r]);
  }
  await inRolledBackTransaction(conn, async () => {
    let n = 0;
    for (const [table, list] of byTable) {
      const probe = `pg_temp.${quoteIdentifier(`athanor_print_${n++}`)}`;
      // A table that cannot be copied (locked past the timeout, gone) leaves its expressions as written.
      await undoneAttempt(conn, "athanor_copy", async () => {
        await conn.query(`CREATE TEMP TABLE ${probe} (LIKE ${table})`);
        const [first] = await conn.query<{ name: string }>("SELECT attname::text AS name FROM pg_catalog.pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum LIMIT 1", [probe]);
        if (!first) return;
        for (const request of list) {
          // Refused (a column the model adds, a function not there yet): compared as written.
          const text = await undoneAttempt(conn, "athanor_print", () => printOne(conn, probe, first.name, request));
          if (text !== undefined) printed.set(request.id, text);
        }
      });
    }
  });
  return printed;
}
