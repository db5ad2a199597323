/**
 * Steps the end-to-end tests of modelled features share: a CLI run that must exit with a given
 * code, and "pull gives a model check finds clean" — the pulled schema.ts put in place of the
 * project's, `check` run on it, the project's put back.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { CliRun, TestProject } from "./project.js";

/** Runs `migrate args` in `project` and expects exit code `code` (0 unless given), showing the output when it differs. */
export function runExpecting(project: TestProject, args: string[], code = 0): CliRun {
  const r = project.run(args);
  expect(r.code, `${args.join(" ")}\n${r.stdout}\n${r.stderr}`).toBe(code);
  return r;
}

/**
 * Pulls the project's database into pulled.ts, expects every object to be in it, and expects
 * `check` to find that model clean against the same database; schema.ts is restored after.
 * Returns the pulled module's text.
 */
export function pullCleanModel(project: TestProject): string {
  const pulled = runExpecting(project, ["pull", "--out", "pulled.ts"]);
  expect(pulled.stderr).not.toContain("is not in this file");
  const code = readFileSync(join(project.dir, "pulled.ts"), "utf8");
  const schemaFile = join(project.dir, "schema.ts");
  const original = readFileSync(schemaFile, "utf8");
  writeFileSync(schemaFile, code);
  try {
    runExpecting(project, ["check"]);
  } finally {
    writeFileSync(schemaFile, original);
  }
  return code;
}
