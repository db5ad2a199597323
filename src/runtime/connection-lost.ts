/**
 * A connection lost in the middle of a command (server restart, killed session, network) is a
 * fault of the network or the server, not of athanor: it becomes one ConnectionError saying where
 * it happened and what is known about the database — which on a dropped connection is less than
 * usual, so the words say "may or may not" wherever athanor cannot know.
 */
import type { Dialect } from "../dialects/dialect.js";
import { ConnectionError, isMigrateError, type MigrateError } from "../errors.js";
import { redactUrl } from "../core/database-url.js";
import type { Step } from "../revisions/index.js";
import { directionVerb } from "./events.js";

/** What the runner knows about a step when its connection dropped. */
export interface LostStep {
  step: Step;
  /** The revision ran in one transaction the server rolls back when the connection drops. */
  atomic: boolean;
  /** Statements athanor saw finish (the log may hold fewer if the drop hit its own write). */
  statementsDone: number;
}

function driverMessage(error: unknown): string {
  const e = error as { cause?: unknown; message?: unknown };
  const inner = isMigrateError(error) && e.cause instanceof Error ? e.cause.message : e.message;
  return redactUrl(String(inner ?? error));
}

/**
 * The ConnectionError for `error` when the dialect says it is a lost connection, else undefined.
 * With `where`, the message names the revision and says what became of it.
 */
export function lostConnection(dialect: Dialect, error: unknown, url: string, where?: LostStep): MigrateError | undefined {
  if (isMigrateError(error) && error.code !== "sql") return undefined;
  if (!dialect.connectionLost?.(error)) return undefined;
  const detail = driverMessage(error);
  if (!where) {
    return new ConnectionError("connection", `Lost the connection to ${url}: ${detail}.`, {
      hint: "Check that the server is up and reachable, then run `migrate current` to see where the database stands and run the command again.",
      cause: error,
    });
  }
  const { step, atomic, statementsDone } = where;
  const verb = directionVerb(step.direction);
  const head = `Lost the connection to ${url} during the ${verb} of revision ${step.revision}: ${detail}.`;
  if (atomic) {
    return new ConnectionError("connection", `${head}\nThe server rolls back the open transaction of a dropped connection, so its changes are gone — unless the drop came during the final COMMIT, in which case they may or may not have been committed.`, {
      hint: "Once the server is reachable, `migrate current` shows whether the revision is applied; then run the command again.",
      cause: error,
    });
  }
  const ran = statementsDone === 0 ? "none of its statements had finished" : `${statementsDone} of its statements had finished and stay in the database`;
  return new ConnectionError("connection", `${head}\nRevision ${step.revision} is partial: ${ran}; the statement in flight, or athanor's own record of it in the revision log, may or may not have taken effect.`, {
    hint: `Once the server is reachable, \`migrate current\` shows what the revision log recorded; then \`migrate ${verb} --resume\`, or finish or undo it by hand and run \`migrate resolve ${step.revision} --applied\` or \`--rolled-back\`.`,
    cause: error,
  });
}
