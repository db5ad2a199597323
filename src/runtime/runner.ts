/**
 * Runs planned steps: imports every revision module the plan needs (before anything is written,
 * so a broken file fails the run up front), then calls each upgrade or downgrade with an `op`
 * object bound to the database and moves the version table — atomically per revision where the
 * dialect has transactional DDL and the revision does not opt out, with per-statement progress in
 * the revision log where it cannot be atomic (MySQL).
 */
import { MigrateError, isMigrateError } from "../errors.js";
import { createOperations } from "../operations/index.js";
import type { OperationSink } from "../operations/sink.js";
import type { RevisionGraph, Step } from "../revisions/index.js";
import { importRevision, type RevisionModule } from "../scripts/import-revision.js";
import { prepareUserModules } from "../loader/import-user-module.js";
import { fileChecksum } from "./checksum.js";
import type { DatabaseSession } from "./database.js";
import { directionVerb, type EventSink } from "./events.js";
import { interruptible, throwIfInterrupted } from "./interrupt.js";
import { OnlineSink } from "./online-sink.js";
import type { LogEntry } from "./revision-log.js";
import { StepRecorder } from "./step-recorder.js";
import { lostConnection } from "./connection-lost.js";
import { displayUrl } from "../core/database-url.js";

/** How the runner groups work into transactions. */
export interface RunOptions {
  /** "revision": one transaction per revision; "command": one for the whole run. */
  transaction: "revision" | "command";
  events: EventSink;
  /** Echo every statement as an event (--verbose). */
  echo?: boolean;
  /** An unfinished step to resume: its revision's statements that already ran are skipped. */
  resume?: LogEntry;
}

/** "a -> b" label parts for a step, in Alembic's wording (parents joined by ", "). */
export function stepEndpoints(step: Step, parents: string[]): { from: string; to: string } {
  const down = parents.join(", ");
  return step.direction === "up" ? { from: down, to: step.revision } : { from: step.revision, to: down };
}

/** Imports the module of a step's revision. */
export async function loadStepModule(graph: RevisionGraph, step: Step): Promise<RevisionModule> {
  const revision = graph.get(step.revision);
  if (!revision) throw new MigrateError("revision-graph", `Revision ${step.revision} is not in the graph.`);
  return importRevision(revision);
}

/** Compiles the modules of all the steps' revisions in one batch (loadStepModule then only imports). */
export async function prepareStepModules(graph: RevisionGraph, steps: Step[]): Promise<void> {
  await prepareUserModules(steps.flatMap((step) => graph.get(step.revision)?.path ?? []));
}

/** Calls the module's function for the step with an `op` bound to `sink`, waiting for every operation. */
export async function callRevision(mod: RevisionModule, step: Step, sink: OperationSink): Promise<void> {
  const { operations, flush } = createOperations(sink);
  try {
    try {
      await mod[step.direction === "up" ? "upgrade" : "downgrade"](operations);
    } finally {
      // Operations the author forgot to await still run, in order, before the revision ends.
      await flush();
    }
  } catch (error) {
    sink.discard?.();
    throw error;
  }
  await sink.drain?.();
}


/** What became of a failed step: a sentence for the message, and a hint when the usual one would mislead. */
interface Outcome {
  text: string;
  hint?: string;
}

/** Adds the revision, the statement, and what became of the revision's changes to an error. */
function inRevision(error: unknown, step: Step, outcome: Outcome): unknown {
  if (!isMigrateError(error)) return error;
  if (error.code === "partial-revision") return error;
  const statement = (error as { statement?: string }).statement;
  const detail = statement ? `\n  statement: ${statement}` : "";
  const where = error.code === "interrupted" ? `${error.message.replace(/\.$/, "")} during the ${directionVerb(step.direction)} of revision ${step.revision}` : `The ${directionVerb(step.direction)} of revision ${step.revision} failed: ${error.message}`;
  return new MigrateError(error.code, `${where}${detail}\n${outcome.text}`, { hint: outcome.hint ?? error.hint, cause: error, exitCode: error.exitCode });
}

/** What became of a failed step, for the error message. */
function outcomeOf(atomic: boolean, wholeCommand: boolean, ran: number, step: Step): Outcome {
  if (atomic && wholeCommand) return { text: `The whole run was rolled back (transaction: "command"); the version table is as it was before the command.` };
  if (atomic) return { text: `Its changes were rolled back; the version table still shows the revisions before it.` };
  if (ran === 0) return { text: `None of its statements had run; the version table still shows the revisions before it.` };
  return {
    text: `${ran} of its statements had already run and stay in the database (DDL cannot be rolled back here); \`migrate current\` lists them.`,
    hint: `Fix the cause, then \`migrate ${directionVerb(step.direction)} --resume\` continues after the statements that ran; or finish or undo it by hand and run \`migrate resolve ${step.revision} --applied\` or \`--rolled-back\`.`,
  };
}

/** Runs the steps against a live database, keeping the version table true after each one. */
export async function runSteps(session: DatabaseSession, graph: RevisionGraph, steps: Step[], options: RunOptions): Promise<void> {
  const { conn, dialect, store, log } = session;
  // Every module first, compiled in one batch: a syntax error or a missing export stops the run before anything is written.
  await prepareStepModules(graph, steps);
  const modules = new Map<string, RevisionModule>();
  for (const step of steps) modules.set(step.revision, await loadStepModule(graph, step));
  const transactionalDdl = dialect.capabilities.transactionalDdl;
  const wholeCommand = transactionalDdl && options.transaction === "command";
  const sink = new OnlineSink(conn, dialect, options.echo ? (s) => options.events({ type: "statement", sql: s.sql }) : undefined);
  await store.ensure();
  await log.ensure();
  if (wholeCommand) await conn.begin();
  try {
    for (const step of steps) {
      throwIfInterrupted();
      const revision = graph.get(step.revision);
      const mod = modules.get(step.revision) as RevisionModule;
      options.events({ type: "step", direction: step.direction, revision: step.revision, message: revision?.message ?? "", ...stepEndpoints(step, revision?.downRevisions ?? []) });
      const resume = options.resume?.revision === step.revision ? options.resume : undefined;
      if (resume) options.events({ type: "info", message: `Resuming ${step.revision}: skipping the ${resume.statementsDone} statement(s) that already ran.` });
      // A revision that opts out runs in autocommit mode; an open whole-command transaction is committed first.
      const atomic = transactionalDdl && mod.transactional !== false;
      if (!atomic && conn.inTransaction) await conn.commit();
      const own = atomic && !conn.inTransaction;
      const recorder = new StepRecorder({ log, step, checksum: step.direction === "up" ? fileChecksum(revision?.path) : null, resume, inTransaction: atomic });
      if (own) await conn.begin();
      try {
        await recorder.start();
        sink.hooks = recorder;
        await interruptible(callRevision(mod, step, sink));
        await dialect.verifyRevision?.(conn);
        // Version rows and the log move together; where DDL committed on its own, in a transaction of their own.
        if (!conn.inTransaction) await conn.begin();
        await store.write(step.rowsBefore, step.rowsAfter);
        await recorder.finish();
        if (!wholeCommand || !atomic) await conn.commit();
        if (wholeCommand && !conn.inTransaction) await conn.begin();
      } catch (error) {
        sink.stop(error);
        // Interrupted inside a long statement: have the server cancel it rather than wait for it.
        const cancelled = isMigrateError(error) && error.code === "interrupted" && sink.busy && conn.cancel !== undefined && (await conn.cancel().then(() => true, () => false));
        await sink.idle();
        // Cleanup must not hide the error that caused it; a dead connection fails both.
        if (conn.inTransaction) await conn.rollback().catch(() => undefined);
        await recorder.fail(error).catch(() => undefined);
        const lost = lostConnection(dialect, error, displayUrl(session.url), { step, atomic, statementsDone: recorder.statementsDone });
        if (lost) throw lost;
        const outcome = outcomeOf(atomic, wholeCommand, recorder.statementsDone, step);
        const advice = conn.inTransaction ? undefined : await dialect.adviseOnFailure?.(conn, error, { statementsRan: recorder.statementsDone, wholeCommand }).catch(() => undefined);
        if (advice) outcome.hint = advice;
        if (cancelled) outcome.text = `The statement it was running was cancelled. ${outcome.text}`;
        throw inRevision(error, step, outcome);
      } finally {
        sink.hooks = undefined;
      }
    }
    if (wholeCommand && conn.inTransaction) await conn.commit();
  } catch (error) {
    if (conn.inTransaction) await conn.rollback().catch(() => undefined);
    throw error;
  }
}
