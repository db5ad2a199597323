/**
 * Interrupting a run from outside (SIGINT, SIGTERM). The CLI asks for an interruption; the code
 * that waits on long things — the migration lock, a revision's upgrade/downgrade — races its
 * promise against it, so the command unwinds through its own cleanup (roll back, record progress,
 * release the lock, close) instead of the process dying with a transaction half done.
 */
import { MigrateError } from "../errors.js";

/** The signals the CLI turns into interruptions. */
export type InterruptSignal = "SIGINT" | "SIGTERM";

/** Exit codes by signal, as shells report them (128 + signal number). */
export const SIGNAL_EXIT_CODES: Record<InterruptSignal, number> = { SIGINT: 130, SIGTERM: 143 };

let interruption: MigrateError | undefined;
/** The interruption, when requestStop (not a signal) caused it. */
let stoppedFromInside: MigrateError | undefined;
let openSessions = 0;
const waiters = new Set<(error: MigrateError) => void>();

/**
 * Requests an interruption. Returns true when a database session is open and will unwind by
 * itself; false when nothing needs cleaning up and the caller may exit at once.
 */
export function requestInterrupt(signal: InterruptSignal): boolean {
  interruption ??= new MigrateError("interrupted", `Interrupted by ${signal}.`, {
    hint: "Run `migrate current` to see where the database stands, then run the command again.",
    exitCode: SIGNAL_EXIT_CODES[signal],
  });
  for (const reject of [...waiters]) reject(interruption);
  return openSessions > 0;
}

/**
 * Stops the run from inside, as a signal would, with `error` as the reason (the lease lock was
 * lost: another run may be migrating now). The run unwinds at its next safe point.
 */
export function requestStop(error: MigrateError): void {
  if (!interruption) stoppedFromInside = error;
  interruption ??= error;
  for (const reject of [...waiters]) reject(interruption);
}

/**
 * Lets pending signal handlers run. A synchronous driver (SQLite) blocks the event loop for a
 * whole statement and chains the next one without ever returning to it, so a Ctrl-C would only be
 * seen once the revision had committed: the runner yields here before each statement and before
 * each commit, so the interruption is seen at the next safe point.
 */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether the open session can cancel a running statement (set by the session; SQLite cannot). */
let cancellable = true;

/** Records whether a running statement can be cancelled, for the words printed when a signal comes. */
export function setStatementsCancellable(value: boolean): void {
  cancellable = value;
}

/** True unless the open session's driver cannot interrupt a running statement. */
export function statementsCancellable(): boolean {
  return cancellable;
}

/** The reason the run was stopped from inside (requestStop), if it was; its hint says what to do. */
export function stopReason(): MigrateError | undefined {
  return stoppedFromInside;
}

/** The pending interruption, if any. */
export function pendingInterruption(): MigrateError | undefined {
  return interruption;
}

/** Throws the pending interruption, if any: called between units of work. */
export function throwIfInterrupted(): void {
  if (interruption) throw interruption;
}

/** Marks a database session as open until the returned function is called. */
export function enterSession(): () => void {
  openSessions++;
  let left = false;
  return () => {
    if (left) return;
    left = true;
    openSessions--;
  };
}

/**
 * Resolves or rejects like `promise`, or rejects with the interruption as soon as one is
 * requested. The raced promise is left to settle on its own; callers stop what it drives.
 */
export async function interruptible<T>(promise: Promise<T>): Promise<T> {
  throwIfInterrupted();
  let reject: ((error: MigrateError) => void) | undefined;
  const stop = new Promise<never>((_, r) => {
    reject = r;
    waiters.add(r);
  });
  try {
    return await Promise.race([promise, stop]);
  } finally {
    if (reject) waiters.delete(reject);
  }
}

/** Forgets any interruption (tests that exercise this module in one process). */
export function resetInterruption(): void {
  interruption = undefined;
  stoppedFromInside = undefined;
}
