/**
 * Runs planned steps: imports each revision's module, calls its upgrade or downgrade with an `op`
 * object bound to the database, and moves the version table — atomically per revision where the
 * dialect has transactional DDL, right after each revision where it does not (MySQL).
 */
import { MigrateError, isMigrateError } from "../errors.js";
import { createOperations } from "../operations/index.js";
import type { OperationSink } from "../operations/sink.js";
import type { RevisionGraph, Step } from "../revisions/index.js";
import { importRevision } from "../scripts/import-revision.js";
import type { DatabaseSession } from "./database.js";
import type { EventSink } from "./events.js";
import { OnlineSink } from "./online-sink.js";

/** How the runner groups work into transactions. */
export interface RunOptions {
  /** "revision": one transaction per revision; "command": one for the whole run. */
  transaction: "revision" | "command";
  events: EventSink;
  /** Echo every statement as an event (--verbose). */
  echo?: boolean;
}

/** "a -> b" label parts for a step, in Alembic's wording (parents joined by ", "). */
export function stepEndpoints(step: Step, parents: string[]): { from: string; to: string } {
  const down = parents.join(", ");
  return step.direction === "up" ? { from: down, to: step.revision } : { from: step.revision, to: down };
}

/** Calls the revision's function with an `op` bound to `sink`, waiting for every operation. */
export async function runRevisionFunction(graph: RevisionGraph, step: Step, sink: OperationSink): Promise<void> {
  const revision = graph.get(step.revision);
  if (!revision) throw new MigrateError("revision-graph", `Revision ${step.revision} is not in the graph.`);
  const mod = await importRevision(revision);
  const { operations, flush } = createOperations(sink);
  try {
    await mod[step.direction === "up" ? "upgrade" : "downgrade"](operations);
  } finally {
    // Operations the author forgot to await still run, in order, before the revision ends.
    await flush();
  }
}

/** Adds the revision and direction to an error raised while running it. */
function inRevision(error: unknown, step: Step): unknown {
  if (!isMigrateError(error)) return error;
  const where = `${step.direction === "up" ? "upgrade" : "downgrade"} of revision ${step.revision}`;
  if (error.message.includes(step.revision)) return error;
  const statement = (error as { statement?: string }).statement;
  const detail = statement ? `\n  statement: ${statement}` : "";
  return new MigrateError(error.code, `${where} failed: ${error.message}${detail}`, { hint: error.hint, cause: error, exitCode: error.exitCode });
}

/** Runs the steps against a live database, keeping the version table true after each one. */
export async function runSteps(session: DatabaseSession, graph: RevisionGraph, steps: Step[], options: RunOptions): Promise<void> {
  const { conn, dialect, store } = session;
  const transactional = dialect.capabilities.transactionalDdl;
  const wholeCommand = transactional && options.transaction === "command";
  const sink = new OnlineSink(conn, dialect, options.echo ? (s) => options.events({ type: "statement", sql: s.sql }) : undefined);
  await store.ensure();
  if (wholeCommand) await conn.begin();
  try {
    for (const step of steps) {
      const revision = graph.get(step.revision);
      options.events({ type: "step", direction: step.direction, revision: step.revision, message: revision?.message ?? "", ...stepEndpoints(step, revision?.downRevisions ?? []) });
      const own = transactional && !wholeCommand;
      if (own) await conn.begin();
      try {
        await runRevisionFunction(graph, step, sink);
        await dialect.verifyRevision?.(conn);
        await store.write(step.rowsBefore, step.rowsAfter);
        if (own) await conn.commit();
      } catch (error) {
        if (own && conn.inTransaction) await conn.rollback();
        throw inRevision(error, step);
      }
    }
    if (wholeCommand) await conn.commit();
  } catch (error) {
    if (wholeCommand && conn.inTransaction) await conn.rollback();
    throw error;
  }
}
