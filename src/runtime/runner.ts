/**
 * Runs planned steps: imports every revision module the plan needs (before anything is written,
 * so a broken file fails the run up front), then calls each upgrade or downgrade with an `op`
 * object bound to the database and moves the version table — atomically per revision where the
 * dialect has transactional DDL and the revision does not opt out, with per-statement progress in
 * the revision log where it cannot be atomic (MySQL).
 */
import { MigrateError, isMigrateError } from "../errors.js";
import type { RevisionGraph, Step } from "../revisions/index.js";
import { loadedFileChecksum } from "./checksum.js";
import type { Statement } from "../dialects/dialect.js";
import type { RevisionModule } from "../scripts/import-revision.js";
import type { DatabaseSession } from "./database.js";
import { directionVerb, type EventSink, type StepTiming } from "./events.js";
import { interruptible, throwIfInterrupted, yieldToSignals } from "./interrupt.js";
import { OnlineSink } from "./online-sink.js";
import { TableTracker } from "./table-tracker.js";
import type { LogEntry } from "./revision-log.js";
import { callRevision, loadStepModules, stepEndpoints } from "./revision-step.js";
import { StepRecorder } from "./step-recorder.js";
import { statementEffect } from "./statement-effect.js";
import { lostConnection } from "./connection-lost.js";
import { displayUrl } from "../core/database-url.js";
import { planTransactions, type StepTransaction } from "./transaction-plan.js";
import { DeferredWrites } from "./deferred-writes.js";

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

/**
 * What became of a failed step, for the error message. `committedThrough`: the last revision
 * whose changes this run committed (a shared transaction also commits before a revision that
 * runs without one).
 */
function outcomeOf(transaction: StepTransaction, ran: number, step: Step, committedThrough: string | undefined): Outcome {
  if (transaction === "shared") {
    if (committedThrough === undefined) return { text: `The whole run was rolled back (transaction: "command"); the version table is as it was before the command.` };
    return { text: `The run's open transaction was rolled back (transaction: "command"): the revisions after ${committedThrough}, where the run last committed, are not applied, and the version table shows that point.` };
  }
  if (transaction === "own") return { text: `Its changes were rolled back; the version table still shows the revisions before it.` };
  if (ran === 0) return { text: `None of its statements had run; the version table still shows the revisions before it.` };
  return {
    text: `${ran} of its statements had already run and stay in the database (DDL cannot be rolled back here); \`migrate current\` lists them.`,
    hint: `Fix the cause, then \`migrate ${directionVerb(step.direction)} --resume\` continues after the statements that ran; or finish or undo it by hand and run \`migrate resolve ${step.revision} --applied\` or \`--rolled-back\`.`,
  };
}

/**
 * Makes the commits before a failure durable: rewrites `revision`'s log row, unchanged, in a
 * durable transaction. Its commit waits for the WAL up to it, and so for every earlier commit.
 * (A transaction that writes nothing has no WAL to wait for, hence the write.)
 */
async function makeDurable(conn: DatabaseSession["conn"], log: DatabaseSession["log"], revision: string): Promise<void> {
  const entry = await log.get(revision);
  if (entry === undefined) return;
  await conn.begin();
  await log.update(entry, true);
  await conn.commit();
}

/** Runs the steps against a live database, keeping the version table true after each one; returns how long each took. */
export async function runSteps(session: DatabaseSession, graph: RevisionGraph, steps: Step[], options: RunOptions): Promise<StepTiming[]> {
  const { conn, dialect, store, log } = session;
  const modules = await loadStepModules(graph, steps);
  const plan = planTransactions({ transactionalDdl: dialect.capabilities.transactionalDdl, setting: options.transaction, stepTransactional: modules.map((m) => m.transactional !== false) });
  const echo = options.echo ? (s: Statement) => options.events({ type: "statement", sql: s.sql }) : undefined;
  await store.ensure();
  await log.ensure();
  const timings: StepTiming[] = [];
  // The run's last step: its transaction, whether begun on its own or by the commit before it, is durable.
  const lastIndex = steps.length - 1;
  // In a shared transaction the version rows and log rows wait for its commit (deferred-writes.ts).
  const deferred = new DeferredWrites(store, log);
  let finishedInOpen: string | undefined;
  // The last revision committed with durable: false while no durable commit has followed.
  let notYetDurable: string | undefined;
  let committedThrough: string | undefined;
  const commitOpen = async (): Promise<void> => {
    await deferred.flush();
    await conn.commit();
    if (finishedInOpen !== undefined) committedThrough = finishedInOpen;
    finishedInOpen = undefined;
  };
  // One table state for the run: each table is reflected once, then tracked through the operations.
  const tracker = new TableTracker(dialect, (ref) => dialect.reflectTable(conn, ref));
  try {
    for (const [i, step] of steps.entries()) {
      throwIfInterrupted();
      const revision = graph.get(step.revision);
      const mod = modules[i] as RevisionModule;
      const transaction = plan.steps[i] as StepTransaction;
      options.events({ type: "step", direction: step.direction, revision: step.revision, message: revision?.message ?? "", index: i + 1, total: steps.length, ...stepEndpoints(step, revision?.downRevisions ?? []) });
      const resume = options.resume?.revision === step.revision ? options.resume : undefined;
      if (resume) options.events({ type: "info", message: `Resuming ${step.revision}: skipping the ${resume.statementsDone} statement(s) that already ran.` });
      const recorder = new StepRecorder({ log, step, checksum: step.direction === "up" ? loadedFileChecksum(revision?.path) : null, resume, inTransaction: transaction !== "none", tableState: () => tracker.stepSnapshot(), probe: (sql) => statementEffect(conn, dialect, sql) });
      tracker.beginStep(resume?.tableState);
      const sink = new OnlineSink(conn, dialect, recorder, echo, commitOpen, tracker);
      const started = performance.now();
      // A step outside any transaction first commits the shared one; a shared one opens lazily.
      if (transaction === "none" && conn.inTransaction) await commitOpen();
      // A revision's own transaction, but the run's last, commits without waiting for its WAL
      // flush; the last commit (or, after a failure, makeDurable) flushes them all together.
      // Each stays atomic: a crash could only lose the newest of them whole, with their version rows.
      const lastStep = i === lastIndex;
      // (Already open when the previous revision's commit opened it: begin() leaves it as it is.)
      if (transaction === "own") await conn.begin({ durable: lastStep });
      if (transaction === "shared" && !conn.inTransaction) await conn.begin();
      try {
        await recorder.start();
        await interruptible(callRevision(mod, step, sink));
        await dialect.verifyRevision?.(conn, sink.foreignKeyScope);
        // The last statement may have run through a signal (SQLite cannot interrupt one): see it before committing.
        await yieldToSignals();
        throwIfInterrupted();
        // Version rows and the log move together; after autocommitted DDL, in a transaction of their own.
        if (transaction === "none") await conn.begin();
        if (transaction === "shared") {
          deferred.addRows(step.rowsBefore, step.rowsAfter);
          await recorder.finish((entry, keepChecksum) => deferred.addLog(entry, keepChecksum));
          finishedInOpen = step.revision;
        } else {
          // The version-row change rides with the log row's upsert (one statement on PostgreSQL);
          // a step whose progress row was already written updates it instead, and the rows move on their own.
          let rowsMoved = false;
          await recorder.finish(async (entry, keepChecksum) => {
            await log.recordWith(entry, keepChecksum, (first) => store.changes(step.rowsBefore, step.rowsAfter, first));
            rowsMoved = true;
          });
          if (!rowsMoved) await store.write(step.rowsBefore, step.rowsAfter);
          // The next revision's own transaction opens in the same round trip where the connection can.
          if (transaction === "own" && plan.steps[i + 1] === "own" && conn.commitAndBegin) await conn.commitAndBegin({ durable: i + 1 === lastIndex });
          else await conn.commit();
          committedThrough = step.revision;
          notYetDurable = transaction === "own" && !lastStep && conn.nonDurableCommits === true ? step.revision : undefined;
        }
        const ms = Math.round(performance.now() - started);
        timings.push({ revision: step.revision, direction: step.direction, ms });
        options.events({ type: "step-done", revision: step.revision, direction: step.direction, ms });
      } catch (error) {
        sink.stop(error);
        // Interrupted inside a long statement: have the server cancel it rather than wait for it.
        const cancelled = isMigrateError(error) && error.code === "interrupted" && sink.busy && conn.cancel !== undefined && (await conn.cancel().then(() => true, () => false));
        await sink.idle();
        // Cleanup must not hide the error that caused it; a dead connection fails both.
        if (conn.inTransaction) await conn.rollback().catch(() => undefined);
        deferred.discard();
        await recorder.fail(error).catch(() => undefined);
        const lost = lostConnection(dialect, error, displayUrl(session.url), { step, atomic: transaction !== "none", statementsDone: recorder.statementsDone });
        if (lost) throw lost;
        const outcome = outcomeOf(transaction, recorder.statementsDone, step, committedThrough);
        const advice = conn.inTransaction ? undefined : await dialect.adviseOnFailure?.(conn, error, { statementsRan: recorder.statementsDone, wholeCommand: transaction === "shared" }).catch(() => undefined);
        if (advice) outcome.hint = advice;
        if (cancelled) outcome.text = `The statement it was running was cancelled. ${outcome.text}`;
        throw inRevision(error, step, outcome);
      }
    }
    if (conn.inTransaction) await commitOpen();
  } catch (error) {
    if (conn.inTransaction) await conn.rollback().catch(() => undefined);
    deferred.discard();
    // What the error message says was applied must survive a crash just after it, too.
    if (notYetDurable !== undefined) await makeDurable(conn, log, notYetDurable).catch(() => undefined);
    throw error;
  }
  return timings;
}
