/**
 * The words for a revision whose step did not finish: what ran, what failed or was running, and
 * the ways on — for each status the log can hold.
 */
import { describe, expect, it } from "vitest";
import { describePartial, partialRevisionError } from "../../../src/runtime/partial-report.js";
import type { LogEntry } from "../../../src/runtime/revision-log.js";

const base: LogEntry = {
  revision: "ab12",
  direction: "up",
  status: "failed",
  checksum: null,
  statementsDone: 2,
  doneStatements: ["CREATE TABLE a (id int)", "CREATE TABLE b (\n  id int\n)"],
  progressHash: "x",
  pendingStatement: "CREATE TABLE a (id int)",
  error: "Table 'a' already exists",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("describePartial", () => {
  it("a failed statement: what ran, what failed and why, how to go on", () => {
    expect(describePartial(base)).toEqual([
      "Revision ab12 is partially applied: its upgrade failed after 2 statements.",
      "  Statements that ran (they stay in the database):",
      "    1. CREATE TABLE a (id int)",
      "    2. CREATE TABLE b (\n         id int\n       )",
      "  Statement that failed (it may or may not have taken effect; `--resume` runs it again):",
      "    3. CREATE TABLE a (id int)",
      "  Error: Table 'a' already exists",
      "  Next: fix the cause, then `migrate upgrade --resume` runs it again from statement 3, skipping the 2 statements that ran;",
      "  or complete or undo it by hand and record that with `migrate resolve ab12 --applied` or `migrate resolve ab12 --rolled-back`.",
    ]);
  });

  it("a process that died while a statement ran says it may or may not have taken effect", () => {
    const lines = describePartial({ ...base, direction: "down", status: "running", statementsDone: 0, doneStatements: [], error: null });
    expect(lines[0]).toBe("Revision ab12 is partially reverted: its downgrade stopped after 0 statements.");
    expect(lines).toContain("  Statement that was running when the process stopped (it may or may not have taken effect):");
    expect(lines.join("\n")).toContain("`migrate downgrade --resume` runs it again from statement 1");
  });

  it("a process that died between statements, with more statements than the log keeps", () => {
    const lines = describePartial({ ...base, status: "running", pendingStatement: null, statementsDone: 5 });
    expect(lines).toContain("    … and 3 more");
    expect(lines).toContain("  The process stopped between statements 5 and 6 (it was killed or lost its connection).");
  });

  it("a failure in the revision's own code has no failed statement", () => {
    const lines = describePartial({ ...base, pendingStatement: null, error: "boom" });
    expect(lines.some((l) => l.includes("Statement that failed"))).toBe(false);
    expect(lines).toContain("  Error: boom");
  });
});

describe("partialRevisionError", () => {
  it("refuses with the description and a hint naming the commands", () => {
    const error = partialRevisionError([base]);
    expect(error.code).toBe("partial-revision");
    expect(error.exitCode).toBe(1);
    expect(error.message.split("\n")[0]).toBe("Refusing to run: a revision did not finish last time.");
    expect(error.message).toContain("Revision ab12 is partially applied");
    expect(error.hint).toBe("Run `migrate upgrade --resume`, or `migrate resolve ab12 --applied|--rolled-back` after finishing or undoing it by hand.");
  });
});
