/**
 * Functions written in schema.ts the way people write them (`CREATE FUNCTION touch() RETURNS
 * trigger AS $$ … $$ LANGUAGE plpgsql`), which PostgreSQL prints back as `CREATE OR REPLACE
 * FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $function$ … $function$`. Live:
 * after the upgrade check exits 0 and autogenerate writes nothing — the model's CREATE is run in a
 * transaction that is rolled back and printed with pg_get_functiondef — while a changed body is
 * still a change in the author's text; printing it leaves the live function as it was.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const schema = (step: number) => `import { table, serial, integer, text, timestamp, fn, sql } from "athanor";

export const notes = table("notes", { id: serial().primaryKey(), body: text(), updated_at: timestamp({ withTimezone: true }) });

export const touch = fn("touch", sql\`CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql\`);

export const addStep = fn("add_step", sql\`create function add_step(i integer) returns integer language sql immutable as 'select i + ${step}'\`);
`;

const definitions = async (db: Parameters<typeof queryTestDatabase>[0]) =>
  Object.fromEntries((await queryTestDatabase(db, "SELECT proname::text AS name, pg_get_functiondef(oid) AS def FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1")).map((r) => [r.name as string, String(r.def)]));

describe("PostgreSQL functions written by hand compare by what the database prints", () => {
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"` });
  const revisions = () => readdirSync(join(ctx.project.dir, "migrations/versions")).filter((f) => f.endsWith(".ts"));

  it("are created; then check is clean, autogenerate writes nothing, and a changed body is a change that check does not apply", async ({ skip }) => {
    if (!ctx.available) skip();
    writeFileSync(join(ctx.project.dir, "schema.ts"), schema(1));
    expect(ctx.project.run(["revision", "--autogenerate", "-m", "functions"]).code).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const first = await definitions(ctx.db);
    expect(first.touch).toContain("CREATE OR REPLACE FUNCTION public.touch()");
    expect(first.touch).toContain("AS $function$");
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const before = revisions().length;
    const again = ctx.project.run(["revision", "--autogenerate", "-m", "nothing"]);
    expect(again.stdout + again.stderr).toMatch(/No changes/);
    expect(revisions().length).toBe(before);

    writeFileSync(join(ctx.project.dir, "schema.ts"), schema(2));
    const changed = ctx.project.run(["check"]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/replace function add_step/);
    expect(changed.stdout).not.toMatch(/touch/);
    // Printing ran the model's CREATE and rolled it back: the live function is the first one still.
    expect(await definitions(ctx.db)).toEqual(first);
    expect(ctx.project.run(["revision", "--autogenerate", "-m", "bigger step"]).code).toBe(0);
    const written = readFileSync(join(ctx.project.dir, "migrations/versions", revisions().find((f) => f.includes("bigger_step"))!), "utf8");
    expect(written).toContain("create function add_step(i integer) returns integer language sql immutable as 'select i + 2'");
    expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
    expect((await definitions(ctx.db)).add_step).toContain("select i + 2");
    expect(ctx.project.run(["check"]).code).toBe(0);
    expect(ctx.project.run(["downgrade", "-1"]).code).toBe(0);
    expect(await definitions(ctx.db)).toEqual(first);
  }, 120_000);
});
