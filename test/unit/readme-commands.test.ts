/**
 * Every `npx athanor …` and `migrate …` command the README shows names a real command, and the
 * own-project section comes first, before the repository's example and tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/commands.js";
import { REPO_ROOT } from "../helpers/project.js";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const commands = new Set(buildProgram().program.commands.map((c) => c.name()));

describe("README commands", () => {
  it("opens with using athanor in your own project", () => {
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections.slice(0, 2)).toEqual(["Use athanor in your project", "Try it here: the SQLite example and the tests"]);
  });

  it("names only commands that exist", () => {
    const used = [...readme.matchAll(/`(?:npx (?:athanor|migrate)|migrate) ([a-z-]+)/g)].map((m) => m[1]!);
    const shown = [...readme.matchAll(/^npx athanor ([a-z-]+)/gm)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const name of [...used, ...shown]) expect(commands, name).toContain(name);
  });
});
