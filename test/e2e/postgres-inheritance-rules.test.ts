/**
 * PostgreSQL table inheritance and rules, live: model → upgrade → the server's own text
 * (pg_inherits in inhseqno order, attislocal/conislocal, pg_get_constraintdef, pg_get_ruledef) →
 * check clean → pull → the pulled model is clean too. Then changes: a rule's condition (CREATE OR
 * REPLACE RULE), a new child with its rule, each one a difference check reports and autogenerate
 * writes; a changed parent list is reported unmanaged (check exits 1, nothing written); and
 * `downgrade base` leaves no table and no rule.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

/** The rule routing inserts before `until` into events_2024, as pg_get_ruledef prints it. */
const ruleText = (until: string) => `CREATE RULE events_insert_2024 AS
    ON INSERT TO events
   WHERE new.happened < '${until} 00:00:00'::timestamp without time zone DO INSTEAD  INSERT INTO events_2024 (id, happened, note)
  VALUES (new.id, new.happened, new.note)`;

interface Model {
  until: string;
  /** The parents of events_2025. */
  parents2025: string;
  /** A third child, events_2026, with a rule of its own. */
  with2026: boolean;
}

const START: Model = { until: "2025-01-01", parents2025: "[events]", with2026: false };

const schema = (m: Model) => `import { check, index, integer, primaryKey, rule, sql, table, text, timestamp } from "athanor";
export const events = table("events", { id: integer().notNull(), happened: timestamp().notNull(), note: text() }, { primaryKey: primaryKey(["id"], { name: "events_pkey" }) });
export const tagged = table("tagged", { tag: text() });
export const events2024 = table("events_2024", { extra: text() }, {
  inherits: [events, tagged],
  primaryKey: primaryKey(["id"], { name: "events_2024_pkey" }),
  indexes: [index(["happened"], { name: "ix_events_2024_happened" })],
  checks: [check("happened < '2025-01-01 00:00:00'::timestamp without time zone", { name: "events_2024_happened_check" })],
});
export const events2025 = table("events_2025", {}, { inherits: ${m.parents2025} });
export const insert2024 = rule("events_insert_2024", events, sql\`${ruleText(m.until)}\`, { dependsOn: [events, events2024] });
${
  m.with2026
    ? `export const events2026 = table("events_2026", {}, { inherits: [events] });
export const insert2026 = rule("events_insert_2026", "events", sql\`CREATE RULE events_insert_2026 AS
    ON INSERT TO events
   WHERE new.happened >= '2026-01-01 00:00:00'::timestamp without time zone DO INSTEAD  INSERT INTO events_2026 (id, happened, note)
  VALUES (new.id, new.happened, new.note)\`, { dependsOn: [events, events2026] });`
    : ""
}
`;

type Db = Parameters<typeof queryTestDatabase>[0];
const squash = (text: string): string => text.replace(/\s+/g, " ").trim().replace(/;$/, "");

/** The server's own account of the inheritance and the rules. */
async function catalogText(db: Db) {
  const parents = await queryTestDatabase(db, "SELECT inhrelid::regclass::text AS child, string_agg(inhparent::regclass::text, ', ' ORDER BY inhseqno) AS parents FROM pg_inherits GROUP BY 1 ORDER BY 1");
  const columns = await queryTestDatabase(
    db,
    `SELECT attrelid::regclass::text || '.' || attname || CASE WHEN attislocal THEN ' local' ELSE '' END || CASE WHEN attinhcount > 0 THEN ' inherited' ELSE '' END AS col
       FROM pg_attribute WHERE attrelid IN (SELECT inhrelid FROM pg_inherits) AND attnum > 0 AND NOT attisdropped ORDER BY attrelid::regclass::text, attnum`,
  );
  const checks = await queryTestDatabase(
    db,
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || CASE WHEN conislocal THEN ' local' ELSE '' END AS con
       FROM pg_constraint WHERE contype IN ('c', 'p') AND conrelid IN (SELECT inhrelid FROM pg_inherits) ORDER BY 1`,
  );
  const rules = await queryTestDatabase(
    db,
    "SELECT r.rulename AS name, pg_get_ruledef(r.oid, true) AS def FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE r.rulename <> '_RETURN' AND c.relnamespace = current_schema()::regnamespace ORDER BY 1",
  );
  return {
    parents: Object.fromEntries(parents.map((r) => [r.child as string, r.parents as string])),
    columns: columns.map((r) => r.col as string),
    checks: checks.map((r) => r.con as string),
    rules: Object.fromEntries(rules.map((r) => [r.name as string, squash(r.def as string)])),
  };
}

describe("PostgreSQL table inheritance and rules", () => {
  const ctx = useTestProject("postgres", {
    configExtra: `schema: "./schema.ts"`,
    setup: async (project) => writeFileSync(join(project.dir, "schema.ts"), schema(START)),
  });
  const write = (m: Model) => writeFileSync(join(ctx.project.dir, "schema.ts"), schema(m));

  it("creates children after their parents with only their own columns and checks, and rules after the tables; check is clean and the pulled model is the same", async ({ skip }) => {
    if (!ctx.available) skip();
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "events"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const text = await catalogText(ctx.db);
    expect(text.parents).toEqual({ events_2024: "events, tagged", events_2025: "events" });
    expect(text.columns).toEqual([
      "events_2024.id inherited",
      "events_2024.happened inherited",
      "events_2024.note inherited",
      "events_2024.tag inherited",
      "events_2024.extra local",
      "events_2025.id inherited",
      "events_2025.happened inherited",
      "events_2025.note inherited",
    ]);
    expect(text.checks).toEqual([
      "events_2024 events_2024_happened_check CHECK ((happened < '2025-01-01 00:00:00'::timestamp without time zone)) local",
      "events_2024 events_2024_pkey PRIMARY KEY (id) local",
    ]);
    expect(text.rules).toEqual({ events_insert_2024: squash(ruleText("2025-01-01")) });
    // The rule routes: the row lands in the child, not in the parent itself.
    await queryTestDatabase(ctx.db, "INSERT INTO events (id, happened, note) VALUES (1, '2024-03-01', 'spring')");
    const rows = await queryTestDatabase(ctx.db, "SELECT (SELECT count(*) FROM ONLY events)::int AS parent, (SELECT count(*) FROM events_2024)::int AS child");
    expect(rows).toEqual([{ parent: 0, child: 1 }]);
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stderr).not.toContain("is not in this file");
    const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
    expect(code).toContain("inherits: [events, tagged]");
    expect(code).toMatch(/export const events2025 = table\("events_2025", \{\}, \{ inherits: \[events\] \}\);/);
    expect(code).toContain(`rule(\n  "events_insert_2024",\n  "events",`);
    // A const is declared before use: parents come before their children.
    expect(code.indexOf("export const events =")).toBeLessThan(code.indexOf("export const events2024 ="));
    const original = readFileSync(join(ctx.project.dir, "schema.ts"), "utf8");
    writeFileSync(join(ctx.project.dir, "schema.ts"), code);
    const again = ctx.project.run(["check"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    writeFileSync(join(ctx.project.dir, "schema.ts"), original);
  });

  it("a changed rule and a new child with its rule are differences autogenerate writes; a changed parent list is reported, not written", async ({ skip }) => {
    if (!ctx.available) skip();
    const steps: { what: string; model: Model; expect: (t: Awaited<ReturnType<typeof catalogText>>) => void }[] = [
      { what: "the rule's condition", model: { ...START, until: "2024-07-01" }, expect: (t) => expect(t.rules.events_insert_2024).toBe(squash(ruleText("2024-07-01"))) },
      {
        what: "a new child and its rule",
        model: { ...START, until: "2024-07-01", with2026: true },
        expect: (t) => {
          expect(t.parents.events_2026).toBe("events");
          expect(Object.keys(t.rules)).toEqual(["events_insert_2024", "events_insert_2026"]);
        },
      },
    ];
    for (const [i, step] of steps.entries()) {
      write(step.model);
      const before = ctx.project.run(["check"]);
      expect(before.code, `${step.what}: check before\n${before.stdout}${before.stderr}`).toBe(1);
      const rev = ctx.project.run(["revision", "--autogenerate", "-m", `step ${i}`]);
      expect(rev.code, `${step.what}: ${rev.stderr}`).toBe(0);
      const up = ctx.project.run(["upgrade", "head"]);
      expect(up.code, `${step.what}: ${up.stderr}`).toBe(0);
      step.expect(await catalogText(ctx.db));
      const after = ctx.project.run(["check"]);
      expect(after.code, `${step.what}: check after\n${after.stdout}${after.stderr}`).toBe(0);
    }

    write({ ...START, until: "2024-07-01", with2026: true, parents2025: "[events, tagged]" });
    const reparented = ctx.project.run(["check"]);
    expect(reparented.code, reparented.stdout + reparented.stderr).toBe(1);
    expect(reparented.stdout).toContain("table events_2025: the model says INHERITS (events, tagged), the database holds INHERITS (events); autogenerate does not change a table's parents");
    expect(reparented.stdout).not.toContain("Pending operations");

    // Each step's downgrade undoes it, then base leaves no table and no rule.
    const down = ctx.project.run(["downgrade", `-${steps.length}`]);
    expect(down.code, down.stderr).toBe(0);
    expect((await catalogText(ctx.db)).rules).toEqual({ events_insert_2024: squash(ruleText("2025-01-01")) });
    write(START);
    const clean = ctx.project.run(["check"]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const base = ctx.project.run(["downgrade", "base"]);
    expect(base.code, base.stderr).toBe(0);
    const left = await queryTestDatabase(
      ctx.db,
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v') AND c.relname NOT LIKE 'athanor_version%'
       UNION ALL SELECT r.rulename FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE r.rulename <> '_RETURN' AND c.relnamespace = current_schema()::regnamespace`,
    );
    expect(left).toEqual([]);
  });
});
