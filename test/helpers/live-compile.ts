/**
 * Compiling one operation against a live database the way a run does: the tables it touches
 * are reflected first (the run's table tracker), then the dialect compiles from that state alone.
 */
import type { Connection, Dialect, Statement } from "../../src/dialects/dialect.js";
import type { Operation } from "../../src/operations/types.js";
import { TableTracker } from "../../src/runtime/table-tracker.js";

/** The statements `op` compiles to against the live tables of `conn`. */
export async function compileLive(dialect: Dialect, conn: Connection, op: Operation): Promise<Statement[]> {
  const tracker = new TableTracker(dialect, (ref) => dialect.reflectTable(conn, ref));
  await tracker.prepare(op);
  return dialect.compile(op, tracker.context);
}
