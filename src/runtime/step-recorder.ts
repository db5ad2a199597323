/**
 * Records a running step in the revision log, statement by statement, and replays a resumed
 * step. Progress is written to the database only where a statement commits on its own (MySQL
 * DDL, statements marked `transactional: false`, revisions that opt out of their transaction):
 * inside a transaction it would be rolled back with the revision anyway, so it is kept in memory
 * until the revision finishes. A step that runs inside a transaction from start to finish
 * (`inTransaction`) touches the log once, as it finishes: one write of the finished row, in the
 * same transaction as the version rows — nothing is read or written when it starts.
 *
 * Resuming skips the statements that already ran. Operations are plain data, so compiling the
 * revision again gives the same statements; the recorder proves it by comparing a hash chain over
 * the skipped statements with the one recorded, and refuses to run anything when they differ.
 */
import { directionVerb } from "./events.js";
import { sha256 } from "../core/sha256.js";
import type { Statement } from "../dialects/dialect.js";
import { MigrateError } from "../errors.js";
import type { Step } from "../revisions/index.js";
import type { StatementHooks, StatementOrigin } from "./online-sink.js";
import type { LogEntry, RevisionLog } from "./revision-log.js";
import type { StatementEffect } from "./statement-effect.js";

/** How many statement texts an entry keeps (the count is always exact). */
const MAX_RECORDED_STATEMENTS = 100;
/** Longest statement text kept in the log. */
const MAX_RECORDED_STATEMENT_LENGTH = 2000;

function stableValues(params: unknown[] | undefined): string {
  return JSON.stringify(params ?? [], (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
}

/** The next link of the progress hash chain: SHA-256 over the previous link, the SQL and its values. */
export function chainHash(previous: string | null, statement: Statement): string {
  return sha256(`${previous ?? ""}\u0000${statement.sql}\u0000${stableValues(statement.params)}`);
}

/** A statement's text as the log keeps it. */
function recordedText(sql: string): string {
  const trimmed = sql.trim();
  return trimmed.length > MAX_RECORDED_STATEMENT_LENGTH ? `${trimmed.slice(0, MAX_RECORDED_STATEMENT_LENGTH)}…` : trimmed;
}


/** Inputs of a StepRecorder. */
export interface StepRecorderOptions {
  log: RevisionLog;
  step: Step;
  /** SHA-256 of the revision file now. */
  checksum: string | null;
  /** The unfinished entry to resume from; its statements are skipped. */
  resume?: LogEntry;
  /** Tells whether a statement's effect is in the database (see statement-effect.ts). */
  probe?: (sql: string) => Promise<StatementEffect>;
  /** The tables the step changes as they were when it began (JSON, see table-tracker.ts), kept with its progress for a resume. */
  tableState?: () => string | null;
  /**
   * The step runs inside a transaction that also moves its version rows: the log is written only
   * when it finishes (or when one of its statements must commit on its own).
   */
  inTransaction?: boolean;
}

/** The revision log's view of one running step; the sink calls it around every statement. */
export class StepRecorder implements StatementHooks {
  private entry: LogEntry;
  /** Statements seen in this run, skipped ones included. */
  private seen = 0;
  private skippedHash: string | null = null;
  /** Whether the statement in flight when the resumed run stopped has been probed. */
  private probed = false;
  private verified: boolean;
  /** Whether this run wrote to the log (so a failure has something to mark). */
  private touched = false;
  private pending: Statement | null = null;
  /** The log entry before this run wrote to it (restored when the step fails before any statement). */
  private previous: LogEntry | undefined;
  /** Whether the previous row was read (always, unless the step is deferred or resumed). */
  private rowStarted = false;
  /** Whether the log row holds this entry's table_state. */
  private stateWritten = false;

  constructor(private readonly options: StepRecorderOptions) {
    const { step, resume } = options;
    this.verified = resume === undefined || resume.statementsDone === 0;
    this.entry = resume
      ? { ...resume }
      : {
          revision: step.revision,
          direction: step.direction,
          status: "running",
          checksum: null,
          statementsDone: 0,
          doneStatements: [],
          progressHash: null,
          pendingStatement: null,
          error: null,
          updatedAt: new Date().toISOString(),
        };
  }

  /** The statement being run, if any (for failure messages). */
  get pendingStatement(): Statement | null {
    return this.pending;
  }

  /** Number of statements that ran (in this run and, when resuming, before it). */
  get statementsDone(): number {
    return this.entry.statementsDone;
  }

  /** Whether the log is written only at finish (see StepRecorderOptions.inTransaction). */
  private get deferred(): boolean {
    return this.options.inTransaction === true && this.options.resume === undefined;
  }

  /** Records that the step started. A resumed step is marked running only once its replay checks out. */
  async start(): Promise<void> {
    if (this.options.resume || this.deferred) return;
    await this.startRow();
  }

  /** Reads the revision's previous row and writes the running one. */
  private async startRow(): Promise<void> {
    // Keep the checksum an earlier upgrade recorded while the revision goes down.
    this.rowStarted = true;
    this.previous = await this.options.log.get(this.entry.revision);
    this.entry.checksum = this.options.step.direction === "up" ? this.options.checksum : (this.previous?.checksum ?? null);
    await this.write();
  }

  async before(statement: Statement, origin: StatementOrigin, autocommit: boolean): Promise<boolean> {
    const resume = this.options.resume;
    if (resume && this.seen < resume.statementsDone) {
      if (origin === "query") throw this.refusal(`it reads data with op.query() before the point where it stopped, and athanor cannot replay a query without running it again`);
      this.skippedHash = chainHash(this.skippedHash, statement);
      this.seen++;
      return false;
    }
    if (!this.verified) this.verify();
    if (resume && !this.probed && this.seen === resume.statementsDone && resume.status === "running" && resume.pendingStatement !== null) {
      this.probed = true;
      // The process stopped while this statement ran: it may or may not have taken effect. Never guess.
      const recorded = resume.pendingStatement;
      const same = recordedText(statement.sql) === recorded;
      // Probe what ran, as recorded (a truncated text cannot be read back); a statement now in
      // its place may only run when the one that was in flight left nothing behind.
      const found = recorded.endsWith("…") ? "unknown" : ((await this.options.probe?.(recorded)) ?? "unknown");
      const effect = same ? found : found === "absent" ? "absent" : "unknown";
      if (effect === "unknown") {
        throw this.refusal(
          `statement ${this.seen + 1} (${recordedText(statement.sql).slice(0, 120)}) was running when the process stopped and may or may not have taken effect, and athanor cannot tell for this statement`,
          `Check by hand whether it took effect; finish or undo the revision and record that with \`migrate resolve ${this.options.step.revision} --applied\` or \`--rolled-back\`.`,
        );
      }
      if (effect === "present") {
        // It ran before the process stopped: record it as done instead of running it twice.
        await this.after(statement, true);
        return false;
      }
    }
    // In a transaction the running row would only be rolled back with the step: it is written
    // only before a statement that commits on its own.
    if (!this.touched && (!this.deferred || autocommit)) {
      this.entry = { ...this.entry, status: "running", error: null, pendingStatement: null };
      if (this.deferred) await this.startRow();
      else await this.write();
    }
    this.pending = statement;
    if (autocommit) {
      this.entry.pendingStatement = recordedText(statement.sql);
      await this.write();
    }
    return true;
  }

  async after(statement: Statement, autocommit: boolean): Promise<void> {
    this.seen++;
    this.pending = null;
    const e = this.entry;
    e.statementsDone++;
    if (e.doneStatements.length < MAX_RECORDED_STATEMENTS) e.doneStatements.push(recordedText(statement.sql));
    e.progressHash = chainHash(e.progressHash, statement);
    e.pendingStatement = null;
    if (autocommit) await this.write();
  }

  /**
   * Marks the step done (call inside the transaction that moves the version rows). With `later`,
   * a row this run has not written yet is handed to it instead (the caller writes it before the
   * transaction commits: see deferred-writes.ts).
   */
  async finish(later?: (entry: LogEntry, keepChecksum: boolean) => Promise<void>): Promise<void> {
    if (!this.verified) this.verify();
    const e = this.entry;
    e.status = "done";
    e.pendingStatement = null;
    e.error = null;
    if (this.options.step.direction === "up") e.checksum = this.options.checksum;
    if (this.touched) {
      await this.write();
      return;
    }
    e.updatedAt = new Date().toISOString();
    const keepChecksum = this.options.step.direction === "down";
    await (later ? later(e, keepChecksum) : this.options.log.record(e, keepChecksum));
    this.touched = true;
  }

  /**
   * After a failure and the rollback: if progress of this step survived (it committed statements
   * on its own), marks it failed with the error and the statement that failed.
   */
  async fail(error: unknown): Promise<void> {
    // A deferred step that wrote only its finished row lost it with the rollback.
    if (!this.touched || (this.deferred && !this.rowStarted)) return;
    if (this.entry.statementsDone === 0 && this.pending === null) {
      // Nothing reached the database (e.g. an operation the dialect cannot express, refused
      // before the first statement): the step never started, so the log goes back to what it was.
      if (this.previous) await this.options.log.update(this.previous);
      else await this.options.log.remove(this.entry.revision);
      return;
    }
    const stored = await this.options.log.get(this.entry.revision);
    if (!stored || stored.direction !== this.entry.direction || stored.status === "done") return;
    const message = error instanceof Error ? error.message : String(error);
    await this.options.log.update({
      ...stored,
      status: "failed",
      error: message,
      pendingStatement: this.pending ? recordedText(this.pending.sql) : null,
      updatedAt: new Date().toISOString(),
    });
  }

  private async write(): Promise<void> {
    this.entry.updatedAt = new Date().toISOString();
    const before = this.entry.tableState ?? null;
    // A finished step is never resumed: its row does not keep the snapshot.
    this.entry.tableState = this.entry.status === "done" ? null : (this.options.tableState?.() ?? before);
    // The snapshot only grows as tables are first touched: unchanged, it is not sent with every statement.
    const keepState = this.stateWritten && this.entry.tableState === before;
    if (this.touched) await this.options.log.update(this.entry, keepState);
    else await this.options.log.put(this.entry, this.options.resume !== undefined || this.previous !== undefined);
    this.touched = true;
    this.stateWritten = true;
  }

  /** Checks that the statements skipped are exactly the ones that ran before. */
  private verify(): void {
    const resume = this.options.resume as LogEntry;
    if (this.seen < resume.statementsDone) {
      throw this.refusal(`it now produces ${this.seen} statement${this.seen === 1 ? "" : "s"}, but ${resume.statementsDone} had already run`);
    }
    if (this.skippedHash !== resume.progressHash) {
      const n = resume.statementsDone;
      throw this.refusal(n === 1 ? "its first statement is no longer the one that ran" : `its first ${n} statements are no longer the ones that ran`);
    }
    this.verified = true;
  }

  private refusal(reason: string, hint?: string): MigrateError {
    const { step } = this.options;
    return new MigrateError("partial-revision", `Cannot resume the ${directionVerb(step.direction)} of revision ${step.revision}: ${reason}. Nothing was run.`, {
      hint: hint ?? `Finish the revision by hand and record it with \`migrate resolve ${step.revision} --applied\`, or undo what ran and use \`migrate resolve ${step.revision} --rolled-back\`.`,
    });
  }
}
