/**
 * PostgreSQL UNLOGGED tables and storage parameters, live, judged by the server's catalog text:
 * a model with an unlogged table holding table, TOAST and index parameters (btree and gin), a
 * logged one with a real-valued parameter and a plain one → revision --autogenerate → upgrade →
 * pg_class.relpersistence, reloptions (the TOAST relation's too) and pg_get_indexdef show them →
 * check exits 0 → pull gives a model check finds clean. Then parameters are set, changed and
 * reset, one table becomes logged and another unlogged → autogenerate (alterTableOptions and
 * alterIndexOptions, offline --sql too) → upgrade → the catalog equals that of a database built
 * from the new model alone → downgrade -1 → the catalog is the first state's again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { catalogDiff, freshDatabase, projectFolder } from "../helpers/convergence.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

interface Model {
  events: string;
  eventsBody: string;
  eventsTags: string;
  audit: string;
  plainNote: string;
}

const FIRST: Model = {
  events: `unlogged: true, with: { fillfactor: 70, autovacuum_enabled: false, "toast.autovacuum_enabled": false }`,
  eventsBody: `with: { fillfactor: 80, deduplicate_items: false }`,
  eventsTags: `with: { fastupdate: false }`,
  audit: `with: { autovacuum_vacuum_scale_factor: 0.05 }`,
  plainNote: ``,
};

// Set (audit's parallel_workers, plain's index), changed (fillfactors), reset (autovacuum_enabled,
// deduplicate_items, fastupdate), and persistence both ways.
const NEXT: Model = {
  events: `with: { fillfactor: 60, "toast.autovacuum_enabled": false }`,
  eventsBody: `with: { fillfactor: 90 }`,
  eventsTags: ``,
  audit: `unlogged: true, with: { autovacuum_vacuum_scale_factor: 0.05, parallel_workers: 2 }`,
  plainNote: `with: { fillfactor: 50 }`,
};

const schema = (m: Model) => `import { array, index, integer, table, text } from "athanor";
export const events = table("events", { id: integer().primaryKey(), body: text(), tags: array(text()) }, (t) => ({
  ${m.events},
  indexes: [index([t.body], { name: "ix_events_body", ${m.eventsBody} }), index([t.tags], { name: "ix_events_tags", using: "gin", ${m.eventsTags} })],
}));
export const audit = table("audit", { id: integer().primaryKey(), payload: text() }, { ${m.audit} });
export const plain = table("plain", { id: integer().primaryKey(), note: text() }, (t) => ({ indexes: [index([t.note], { name: "ix_plain_note", ${m.plainNote} })] }));
`;

type Db = Parameters<typeof queryTestDatabase>[0];
/** What PostgreSQL itself holds: persistence and reloptions of each table and of its TOAST table. */
async function storage(db: Db): Promise<Record<string, unknown>[]> {
  return queryTestDatabase(
    db,
    `SELECT c.relname::text AS name, c.relpersistence::text AS persistence, c.reloptions::text AS options, t.reloptions::text AS toast
       FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relname IN ('events', 'audit', 'plain') ORDER BY 1`,
  );
}
async function indexDefinitions(db: Db): Promise<string[]> {
  const rows = await queryTestDatabase(db, `SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indexrelid::regclass::text LIKE 'ix\\_%' ORDER BY 1`);
  return rows.map((r) => String(r.def));
}

describe("PostgreSQL UNLOGGED tables and storage parameters", () => {
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"` });
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  const write = (m: Model) => writeFileSync(join(ctx.project.dir, "schema.ts"), schema(m));

  it("creates them, the catalog shows them, check and pull are clean; a change upgrades to the new model's catalog and downgrades to the first", { timeout: 240_000 }, async ({ skip }) => {
    if (!ctx.available) skip();
    write(FIRST);
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "storage"]);
    expect(rev.code, rev.stderr).toBe(0);
    const file = readFileSync(rev.stdout.match(/\S+\.ts/)![0], "utf8");
    expect(file).toMatch(/unlogged: true,\s*with: \{\s*fillfactor: 70,\s*autovacuum_enabled: false,\s*"toast\.autovacuum_enabled": false,?\s*\}/);
    expect(file).toMatch(/using: "gin",\s*with: \{ fastupdate: false \}/);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);

    expect(await storage(ctx.db)).toEqual([
      { name: "audit", persistence: "p", options: "{autovacuum_vacuum_scale_factor=0.05}", toast: null },
      { name: "events", persistence: "u", options: "{fillfactor=70,autovacuum_enabled=false}", toast: "{autovacuum_enabled=false}" },
      { name: "plain", persistence: "p", options: null, toast: null },
    ]);
    expect(await indexDefinitions(ctx.db)).toEqual([
      "CREATE INDEX ix_events_body ON public.events USING btree (body) WITH (fillfactor='80', deduplicate_items='false')",
      "CREATE INDEX ix_events_tags ON public.events USING gin (tags) WITH (fastupdate='false')",
      "CREATE INDEX ix_plain_note ON public.plain USING btree (note)",
    ]);
    const first = await catalogText(ctx.db);
    expect(first.filter((l) => /^table public\.events/.test(l))).toEqual(["table public.events unlogged with (autovacuum_enabled=false, fillfactor=70) toast with (autovacuum_enabled=false)"]);
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stderr).not.toContain("is not in this file");
    const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
    expect(code).toContain("unlogged: true");
    expect(code).toMatch(/with: \{ fillfactor: 80, deduplicate_items: false \}/);
    writeFileSync(join(ctx.project.dir, "schema.ts"), code);
    const again = ctx.project.run(["check"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);

    write(NEXT);
    const before = ctx.project.run(["check"]);
    expect(before.code, before.stdout + before.stderr).toBe(1);
    const change = ctx.project.run(["revision", "--autogenerate", "-m", "change"]);
    expect(change.code, change.stderr).toBe(0);
    const changeFile = readFileSync(change.stdout.match(/\S+\.ts/)![0], "utf8");
    expect(changeFile).toMatch(/op\.alterTableOptions\("events", \{\s*unlogged: false,\s*storageParameters: \{ autovacuum_enabled: null, fillfactor: 60 \},\s*existingUnlogged: true,\s*existingStorageParameters: \{ autovacuum_enabled: false, fillfactor: 70 \},?\s*\}\)/);
    expect(changeFile).toMatch(/op\.alterIndexOptions\("ix_events_tags", "events", \{\s*using: "gin",\s*storageParameters: \{ fastupdate: null \},\s*existingStorageParameters: \{ fastupdate: false \},?\s*\}\)/);
    const sql = ctx.project.run(["upgrade", "head", "--sql"]);
    expect(sql.code, sql.stderr).toBe(0);
    expect(sql.stdout).toContain(`ALTER TABLE "events" SET LOGGED`);
    expect(sql.stdout).toContain(`ALTER TABLE "events" SET ("fillfactor" = 60), RESET ("autovacuum_enabled")`);
    expect(sql.stdout).toContain(`ALTER TABLE "audit" SET UNLOGGED`);
    expect(sql.stdout).toContain(`ALTER INDEX "ix_events_body" SET ("fillfactor" = 90), RESET ("deduplicate_items")`);
    expect(sql.stdout).toContain(`ALTER INDEX "ix_plain_note" SET ("fillfactor" = 50)`);
    const up2 = ctx.project.run(["upgrade", "head"]);
    expect(up2.code, up2.stderr).toBe(0);
    expect(ctx.project.run(["check"]).code).toBe(0);
    expect(await storage(ctx.db)).toEqual([
      { name: "audit", persistence: "u", options: "{autovacuum_vacuum_scale_factor=0.05,parallel_workers=2}", toast: null },
      { name: "events", persistence: "p", options: "{fillfactor=60}", toast: "{autovacuum_enabled=false}" },
      { name: "plain", persistence: "p", options: null, toast: null },
    ]);

    // The same model on an empty database, written by autogenerate alone.
    const fresh = await freshDatabase("postgres", cleanup);
    const folder = projectFolder("storage", cleanup);
    writeFileSync(join(folder.dir, "schema.ts"), schema(NEXT));
    folder.step(["--url", fresh.url, "revision", "--autogenerate", "-m", "all"]);
    folder.step(["--url", fresh.url, "upgrade", "head"]);
    const [built, upgraded] = [await catalogText(fresh), await catalogText(ctx.db)];
    expect(catalogDiff(built, upgraded), "built from the new model (-) and upgraded (+)").toEqual([]);
    expect(await indexDefinitions(fresh)).toEqual(await indexDefinitions(ctx.db));

    const down = ctx.project.run(["downgrade", "-1"]);
    expect(down.code, down.stderr).toBe(0);
    expect(catalogDiff(first, await catalogText(ctx.db)), "first state (-) and downgraded (+)").toEqual([]);
    expect((await storage(ctx.db)).map((r) => r.persistence)).toEqual(["p", "u", "p"]);
  });
});
