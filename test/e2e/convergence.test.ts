/**
 * The convergence test over the public schema corpus (../shared/schemas), per schema and dialect,
 * by the procedure in test/helpers/convergence.ts (load into A, pull, autogenerate against empty
 * B, upgrade, the oracle compares A and B, check exits 0, downgrade base leaves B empty).
 * Schemas that still fail are listed in KNOWN_GAPS with the exact reason; those cases are
 * expected to fail (so a fix shows up as a test to update).
 */
import { afterAll, describe, expect, it } from "vitest";
import { converge } from "../helpers/convergence.js";
import { corpusEntries, corpusPresent } from "../helpers/corpus.js";
import { serverAvailable } from "../helpers/databases.js";

/** "<schema>/<dialect>" → why the catalogs still differ. */
const KNOWN_GAPS: Record<string, string> = {
};

describe("convergence over the schema corpus", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  const present = corpusPresent();
  const entries = present ? corpusEntries() : [];
  it("finds the corpus", ({ skip }) => {
    if (!present) skip();
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    const key = `${entry.name}/${entry.dialect}`;
    const gap = KNOWN_GAPS[key];
    const test = gap ? it.fails : it;
    test(`${key}${gap ? ` (known gap: ${gap})` : ""}`, async ({ skip }) => {
      if (!(await serverAvailable(entry.dialect))) skip();
      await converge(entry, cleanup);
    }, 600_000);
  }
});
