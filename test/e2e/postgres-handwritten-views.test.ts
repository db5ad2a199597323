/**
 * Views written in schema.ts the way people write them, not the way PostgreSQL prints them
 * (`SELECT id, name FROM products WHERE price < 10` is stored and printed as `SELECT products.id,
 * products.name FROM products WHERE products.price < 10::numeric`). Live: the model's views are
 * created, and then check exits 0 and autogenerate writes nothing — the model's query is
 * printed by the database before compare, so a different spelling is no change — while the
 * revisions keep the author's text. A changed query is still a change (check exits 1, the
 * replaceObject carries the new text as written), and the views the oracle prints after the
 * upgrade equal those of a database built from the same model. Nothing is left behind by the
 * printing: no temporary view, no open transaction.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { createTestDatabase } from "../helpers/databases.js";
import { TestProject } from "../helpers/project.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const schema = (cheapBelow: number) => `import { table, serial, varchar, numeric, boolean, view, materializedView, sql } from "athanor";

export const products = table("products", {
  id: serial().primaryKey(),
  name: varchar(80).notNull(),
  price: numeric(10, 2),
  active: boolean().notNull().default(true),
});

// Written as a person writes a query: unqualified columns, a bare literal, lower-case keywords.
export const cheapProducts = view("cheap_products", sql\`select id, name, price
  from products
  where active and price < ${cheapBelow}  -- the bargain shelf
  order by price\`);

export const priceStats = materializedView("price_stats", sql\`SELECT count(*) AS n, avg(price) AS mean FROM products WHERE active\`);
`;

describe("PostgreSQL views written by hand compare by what the database prints", () => {
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"` });
  const file = () => join(ctx.project.dir, "schema.ts");
  const revisions = () => readdirSync(join(ctx.project.dir, "migrations/versions")).filter((f) => f.endsWith(".ts"));

  it("are created, and then check is clean and autogenerate writes nothing", async ({ skip }) => {
    if (!ctx.available) skip();
    writeFileSync(file(), schema(10));
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "catalog"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const [printed] = await queryTestDatabase(ctx.db, "SELECT pg_get_viewdef('cheap_products'::regclass, true) AS q");
    // The database's print is not the model's text: without printing, this would be a change forever.
    expect(String(printed!.q)).toContain("products.price < 10::numeric");
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const before = revisions().length;
    const again = ctx.project.run(["revision", "--autogenerate", "-m", "nothing"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).toMatch(/No changes/);
    expect(revisions().length).toBe(before);
    // Printing left nothing: no temporary view in any session's pg_temp, no transaction open.
    const leftovers = await queryTestDatabase(ctx.db, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname LIKE 'athanor_print%'");
    expect(leftovers).toEqual([]);
    const idle = await queryTestDatabase(ctx.db, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    expect(idle[0]!.n).toBe(0);
  }, 120_000);

  it("a changed query is still a change, written as its author wrote it, and converges", async ({ skip }) => {
    if (!ctx.available) skip();
    writeFileSync(file(), schema(25));
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toMatch(/replace view cheap_products/);
    expect(check.stdout).not.toMatch(/price_stats/);
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "wider shelf"]);
    expect(rev.code, rev.stderr).toBe(0);
    const written = readFileSync(join(ctx.project.dir, "migrations/versions", revisions().find((f) => f.includes("wider_shelf"))!), "utf8");
    expect(written).toContain("where active and price < 25  -- the bargain shelf");
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(ctx.project.run(["check"]).code).toBe(0);
    const [printed] = await queryTestDatabase(ctx.db, "SELECT pg_get_viewdef('cheap_products'::regclass, true) AS q");
    expect(String(printed!.q)).toContain("products.price < 25::numeric");
    // The views the database prints are the ones a database built from the model alone has.
    const oracle = (lines: string[]) => lines.filter((l) => /^(view|materialized view) /.test(l));
    const fresh = await createTestDatabase("postgres");
    const alone = new TestProject(fresh.url, `schema: "./schema.ts"`);
    try {
      writeFileSync(join(alone.dir, "schema.ts"), schema(25));
      expect(alone.run(["revision", "--autogenerate", "-m", "all"]).code).toBe(0);
      expect(alone.run(["upgrade", "head"]).code).toBe(0);
      const live = oracle(await catalogText(ctx.db));
      expect(live.length).toBe(2);
      expect(live).toEqual(oracle(await catalogText(fresh)));
    } finally {
      alone.remove();
      await fresh.drop();
    }
    const down = ctx.project.run(["downgrade", "-1"]);
    expect(down.code, down.stderr).toBe(0);
    const [restored] = await queryTestDatabase(ctx.db, "SELECT pg_get_viewdef('cheap_products'::regclass, true) AS q");
    expect(String(restored!.q)).toContain("products.price < 10::numeric");
  }, 120_000);
});
