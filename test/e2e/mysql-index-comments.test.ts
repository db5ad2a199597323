/**
 * MariaDB index comments, live and judged by the server's own catalog (STATISTICS.INDEX_COMMENT,
 * SHOW CREATE TABLE) and the oracle, not athanor's reflection: a model with a commented index
 * (quote, backslash and newline in it) → autogenerate → upgrade → the catalog holds the comment
 * as written → check exits 0 → pull gives a model check finds clean. A changed comment is a drop
 * and create of the index (MariaDB has no statement that changes an index's comment alone), which
 * the revision says; after it the catalog equals a database built from the new model alone, and
 * `downgrade -1` gives the first back. A constraint's comment, which MariaDB cannot keep, is
 * refused with one message.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";
import { pullCleanModel, runExpecting } from "../helpers/pulled-model.js";

const FIRST = "it's the \"metric\" lookup\nC:\\temp";
const SECOND = "lookups by metric name";

const schema = (comment: string, extra = "") => `import { check, index, integer, table, varchar } from "athanor";
export const samples = table("samples", {
  id: integer().primaryKey(),
  metric: varchar(64).notNull(),
  value: integer().notNull(),
}, (t) => ({
  indexes: [index([t.metric], { comment: ${JSON.stringify(comment)} }), index([t.value])],${extra}
}));
`;

describe("MariaDB index comments", () => {
  const ctx = useTestProject("mysql", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema(FIRST)) });
  const fresh = useTestProject("mysql", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema(SECOND)) });
  let first: string[] = [];

  const run = runExpecting;
  const revisionText = (project: typeof ctx.project, id: string): string => {
    const dir = join(project.dir, "migrations/versions");
    return readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(`${id}_`))!), "utf8");
  };
  // Sorted here: the server's ORDER BY follows its collation.
  const indexComments = async (db: typeof ctx.db) =>
    (await queryTestDatabase(db, "SELECT INDEX_NAME AS name, INDEX_COMMENT AS comment FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'samples' AND SEQ_IN_INDEX = 1")).sort((a, b) =>
      String(a.name) < String(b.name) ? -1 : 1,
    );

  it("creates the comment as written, check is clean and the pulled model is the same", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    run(project, ["revision", "--autogenerate", "-m", "samples", "--rev-id", "m1"]);
    run(project, ["upgrade", "head"]);
    expect(await indexComments(db)).toEqual([
      { name: "PRIMARY", comment: "" },
      { name: "ix_samples_metric", comment: FIRST },
      { name: "ix_samples_value", comment: "" },
    ]);
    const [created] = await queryTestDatabase(db, "SHOW CREATE TABLE samples");
    expect(String(created!["Create Table"])).toContain("KEY `ix_samples_metric` (`metric`) COMMENT 'it''s the \"metric\" lookup\\nC:\\\\temp'");
    first = await catalogText(db);
    run(project, ["check"]);

    const code = pullCleanModel(project);
    expect(code).toContain(`comment: ${JSON.stringify(FIRST)}`);
  }, 120_000);

  it("a changed comment recreates the index, says so, equals a database built from the new model, and the downgrade gives the first back", async ({ skip }) => {
    if (!ctx.available || !fresh.available) skip();
    const { project, db } = ctx;
    writeFileSync(join(project.dir, "schema.ts"), schema(SECOND));
    run(project, ["check"], 1);
    run(project, ["revision", "--autogenerate", "-m", "comment", "--rev-id", "m2"]);
    const revision = revisionText(project, "m2");
    expect(revision).toMatch(/index ix_samples_metric on samples: its comment is part of its definition and cannot be changed in place, so the revision drops the index and creates it again/);
    expect(revision).toContain('op.dropIndex("ix_samples_metric", { table: "samples" })');
    expect(revision).toContain(`comment: ${JSON.stringify(SECOND)}`);
    run(project, ["upgrade", "head"]);
    run(project, ["check"]);
    expect((await indexComments(db)).find((r) => r.name === "ix_samples_metric")).toEqual({ name: "ix_samples_metric", comment: SECOND });
    const migrated = await catalogText(db);
    run(fresh.project, ["revision", "--autogenerate", "-m", "all", "--rev-id", "f1"]);
    run(fresh.project, ["upgrade", "head"]);
    expect(migrated).toEqual(await catalogText(fresh.db));

    run(project, ["downgrade", "-1"]);
    expect(await catalogText(db)).toEqual(first);
  }, 120_000);

  it("refuses a constraint's comment with one message", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project } = ctx;
    run(project, ["upgrade", "head"]);
    writeFileSync(join(project.dir, "schema.ts"), schema(SECOND, `\n  checks: [check("value >= 0", { name: "samples_value_check", comment: "never negative" })],`));
    // Refused where compare meets the model, before a revision is written.
    const r = project.run(["revision", "--autogenerate", "-m", "check", "--rev-id", "m3"]);
    expect(r.code).not.toBe(0);
    expect(readdirSync(join(project.dir, "migrations/versions")).some((f) => f.startsWith("m3_"))).toBe(false);
    const out = `${r.stdout}${r.stderr}`;
    expect(out).toContain("MySQL keeps no constraint comments (the comment on constraint samples_value_check on samples).");
    expect(out).not.toMatch(/\n\s+at /);
  }, 120_000);
});
