/**
 * A revision too big for PostgreSQL's lock table ("out of shared memory"): the error says which
 * setting to raise, from what to what, or to split the revision — and the revision is rolled
 * back. It runs on a private cluster with a tiny lock table, so no other test can run out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";
import { startPrivatePostgres, type PrivatePostgres } from "../helpers/private-postgres.js";
import { STACK_LINE } from "./reliability-helpers.js";

const TABLES = 300;

describe("PostgreSQL: out of shared memory while a revision locks its tables", () => {
  let server: PrivatePostgres | undefined;
  let project: TestProject | undefined;
  beforeAll(async () => {
    server = await startPrivatePostgres({ max_connections: 5, superuser_reserved_connections: 0, max_locks_per_transaction: 10 });
    if (!server) return;
    project = new TestProject(server.url);
    project.addRevision({
      id: "big1",
      upgrade: `  for (let i = 0; i < ${TABLES}; i++) await op.execute(\`CREATE TABLE big_\${i} (id integer PRIMARY KEY, name text)\`);`,
    });
  }, 60_000);
  afterAll(() => {
    project?.remove();
    server?.stop();
  });

  it("names max_locks_per_transaction, its value and one that fits, or splitting", ({ skip }) => {
    if (!server || !project) skip();
    const r = (project as TestProject).run(["upgrade", "head"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/out of shared memory/);
    expect(r.stderr).toMatch(/rolled back/);
    const hint = /\nhint: (.*)/.exec(r.stderr)?.[1] ?? "";
    expect(hint).toMatch(/max_locks_per_transaction \(10\)/);
    const suggested = Number(/Raise max_locks_per_transaction to at least (\d+)/.exec(hint)?.[1]);
    // Enough for every relation the revision creates (table, key index, TOAST table and its index).
    expect(suggested * 5).toBeGreaterThanOrEqual(TABLES * 2);
    expect(hint).toMatch(/split the work into several revisions/);
    expect(r.stderr).not.toMatch(/bug in athanor/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect((project as TestProject).run(["current"]).stdout.trim()).toBe("");
  });
});
