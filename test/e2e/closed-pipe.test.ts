/**
 * `migrate history | head -1`: once the reader has gone, the command ends quietly with exit 0
 * (as git does), whatever it still had to write — no EPIPE stack on stderr.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATE_BIN, TestProject } from "../helpers/project.js";

let project: TestProject;

beforeAll(() => {
  project = new TestProject("sqlite:unused.db");
  for (let i = 1; i <= 40; i++) project.addRevision({ id: `r${i}`, down: i === 1 ? null : `r${i - 1}`, message: `revision number ${i}` });
});

afterAll(() => project?.remove());

/** Runs the CLI with its stdout read end closed before it writes anything. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MIGRATE_BIN, ...args], { cwd: project.dir, env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] });
    // Closing our end of the pipe is what `head` does once it has its line.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe("output to a closed pipe", () => {
  it.each([["history"], ["history", "--verbose"], ["heads"]])("migrate %s ends with exit 0 and nothing on stderr", async (...args) => {
    const r = await runWithClosedStdout(args);
    expect(r.stderr).toBe("");
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});
