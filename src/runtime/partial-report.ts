/**
 * Words for a revision whose step did not finish: which revision, which of its statements ran,
 * which failed (and why) or was running when the process stopped, and the safe ways on. Used by
 * `migrate current` and by the error that stops upgrade/downgrade/stamp while such a step exists.
 */
import { MigrateError } from "../errors.js";
import type { LogEntry } from "./revision-log.js";
import { directionVerb } from "./events.js";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** One line per statement: `    3. CREATE TABLE …` (continuation lines indented to match). */
function numbered(index: number, sql: string): string {
  const prefix = `    ${index}. `;
  return prefix + sql.split("\n").join(`\n${" ".repeat(prefix.length)}`);
}

/** The command that resumes the entry's step. */
export function resumeCommand(entry: LogEntry): string {
  return `migrate ${directionVerb(entry.direction)} --resume`;
}

/** A multi-line description of an unfinished step, ending with what to do next. */
export function describePartial(entry: LogEntry): string[] {
  const done = entry.statementsDone;
  const next = done + 1;
  const lines = [`Revision ${entry.revision} is partially ${entry.direction === "up" ? "applied" : "reverted"}: its ${directionVerb(entry.direction)} ${entry.status === "failed" ? "failed" : "stopped"} after ${plural(done, "statement")}.`];
  if (done > 0) {
    lines.push(`  Statements that ran (they stay in the database):`);
    entry.doneStatements.forEach((sql, i) => lines.push(numbered(i + 1, sql)));
    if (entry.doneStatements.length < done) lines.push(`    … and ${done - entry.doneStatements.length} more`);
  }
  if (entry.status === "failed") {
    if (entry.pendingStatement) {
      lines.push(`  Statement that failed (it may or may not have taken effect; \`--resume\` runs it again):`, numbered(next, entry.pendingStatement));
    }
    lines.push(`  Error: ${entry.error ?? "unknown"}`);
  } else if (entry.pendingStatement) {
    lines.push(`  Statement that was running when the process stopped (it may or may not have taken effect):`, numbered(next, entry.pendingStatement));
  } else {
    lines.push(`  The process stopped between statements ${done} and ${next} (it was killed or lost its connection).`);
  }
  lines.push(
    `  Next: fix the cause, then \`${resumeCommand(entry)}\` runs it again from statement ${next}, skipping the ${plural(done, "statement")} that ran;`,
    `  or complete or undo it by hand and record that with \`migrate resolve ${entry.revision} --applied\` or \`migrate resolve ${entry.revision} --rolled-back\`.`,
  );
  return lines;
}

/** The error that stops a command from running past an unfinished step. */
export function partialRevisionError(entries: LogEntry[]): MigrateError {
  const first = entries[0] as LogEntry;
  const body = entries.flatMap(describePartial).join("\n");
  return new MigrateError("partial-revision", `Refusing to run: a revision did not finish last time.\n${body}`, {
    hint: `Run \`${resumeCommand(first)}\`, or \`migrate resolve ${first.revision} --applied|--rolled-back\` after finishing or undoing it by hand.`,
  });
}
