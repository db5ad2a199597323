/**
 * The corpus convergence test without ../shared/schemas: skipped with a loud message in a plain
 * clone, a failure under CI=true; a folder with schemas runs.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { corpusPresent } from "../../helpers/corpus.js";

const root = mkdtempSync(join(tmpdir(), "athanor-corpus-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("corpusPresent", () => {
  it("skips loudly when the folder is absent", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(corpusPresent(join(root, "absent"), false)).toBe(false);
    expect(warn.mock.calls[0]?.[0]).toContain("SKIPPING THE CORPUS CONVERGENCE TESTS");
    warn.mockRestore();
  });

  it("fails under CI=true", () => {
    expect(() => corpusPresent(join(root, "absent"), true)).toThrow(/CI=true: a missing corpus fails the run/);
  });

  it("treats an empty folder as absent", () => {
    mkdirSync(join(root, "empty"));
    expect(() => corpusPresent(join(root, "empty"), true)).toThrow(/missing/);
  });

  it("runs when schemas are there", () => {
    mkdirSync(join(root, "full/some-schema"), { recursive: true });
    expect(corpusPresent(join(root, "full"), true)).toBe(true);
  });
});
