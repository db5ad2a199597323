/**
 * CHECKs, partial-index predicates, expression indexes, defaults and computed columns written in schema.ts the way
 * people write them, which PostgreSQL stores parsed and prints back otherwise (`x between 1 and
 * 100` as `x >= 1 AND x <= 100`, `created > '2020-01-01'` as a timestamptz literal, `lower(email)`
 * on a varchar as `lower(email::text)`). Live: after the upgrade check exits 0 and autogenerate
 * writes nothing, because the database prints the model's expressions before compare; a changed
 * bound is still a change, written in the author's spelling, and pg_get_constraintdef /
 * pg_get_indexdef show it; the downgrade brings the first catalog back.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const schema = (maxName: number) => `import { table, serial, varchar, text, numeric, timestamp, boolean, jsonb, index, check, sql } from "athanor";

export const users = table("users", {
  id: serial().primaryKey(),
  email: varchar(200).notNull(),
  name: text(),
  balance: numeric(12, 2).notNull().default(0),
  created: timestamp({ withTimezone: true }).notNull().default(sql\`now()\`),
  active: boolean().notNull().default(true),
  nick: text().default(sql\`'anon' || 'ymous'\`),
  first: varchar(40),
  last: varchar(40),
  full_name: text().generated(sql\`first || ' ' || last\`),
  seen_utc: timestamp().default(sql\`now() at time zone 'utc'\`),
  prefs: jsonb().notNull().default({ theme: "dark", size: 2 }),
}, {
  indexes: [
    index([sql\`lower(email)\`], { name: "users_email_lower", unique: true }),
    index(["created"], { name: "users_recent", where: sql\`active and created > '2020-01-01'\` }),
  ],
  checks: [
    check(sql\`char_length(name) between 1 and ${maxName}\`, { name: "users_name_len" }),
    check(sql\`balance >= 0 and balance < 1e9\`, { name: "users_balance_ok" }),
    check(sql\`email like '%@%'\`, { name: "users_email_at" }),
  ],
});
`;

async function definitions(db: Parameters<typeof queryTestDatabase>[0]): Promise<Record<string, string>> {
  const rows = await queryTestDatabase(
    db,
    `SELECT conname::text AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c'
      UNION ALL SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'users'::regclass AND NOT indisprimary
      UNION ALL SELECT 'default ' || a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'users'::regclass AND a.attname IN ('nick', 'full_name', 'seen_utc', 'prefs')`,
  );
  return Object.fromEntries(rows.map((r) => [r.name as string, r.def as string]));
}

describe("PostgreSQL expressions written by hand compare by what the database prints", () => {
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"` });
  const file = () => join(ctx.project.dir, "schema.ts");
  const revisions = () => readdirSync(join(ctx.project.dir, "migrations/versions")).filter((f) => f.endsWith(".ts"));

  it("are created, and then check is clean and autogenerate writes nothing", async ({ skip }) => {
    if (!ctx.available) skip();
    writeFileSync(file(), schema(100));
    expect(ctx.project.run(["revision", "--autogenerate", "-m", "users"]).code).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const defs = await definitions(ctx.db);
    // What the database holds is not what the model says, word for word.
    expect(defs.users_name_len).toBe("CHECK (((char_length(name) >= 1) AND (char_length(name) <= 100)))");
    expect(defs.users_recent).toMatch(/WHERE \(active AND \(created > '2020-01-01 .*'::timestamp with time zone\)\)/);
    expect(defs.users_email_lower).toContain("lower((email)::text)");
    expect(defs["default nick"]).toBe("('anon'::text || 'ymous'::text)");
    expect(defs["default full_name"]).toBe("(((first)::text || ' '::text) || (last)::text)");
    // A default of more than one term is created in parentheses (DEFAULT takes no AT TIME ZONE bare),
    // and a jsonb column's document default is stored as jsonb orders it.
    expect(defs["default seen_utc"]).toBe("(now() AT TIME ZONE 'utc'::text)");
    expect(defs["default prefs"]).toBe(`'{"size": 2, "theme": "dark"}'::jsonb`);
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const before = revisions().length;
    const again = ctx.project.run(["revision", "--autogenerate", "-m", "nothing"]);
    expect(again.stdout + again.stderr).toMatch(/No changes/);
    expect(revisions().length).toBe(before);
    const idle = await queryTestDatabase(ctx.db, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    expect(idle[0]!.n).toBe(0);
  }, 120_000);

  it("a changed bound is a change in the author's spelling, applied and undone", async ({ skip }) => {
    if (!ctx.available) skip();
    const first = await catalogText(ctx.db);
    writeFileSync(file(), schema(120));
    const check = ctx.project.run(["check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/users_name_len/);
    expect(check.stdout).not.toMatch(/users_recent|users_email_lower|users_balance_ok|nick|full_name|seen_utc|prefs/);
    expect(ctx.project.run(["revision", "--autogenerate", "-m", "longer names"]).code).toBe(0);
    const written = readFileSync(join(ctx.project.dir, "migrations/versions", revisions().find((f) => f.includes("longer_names"))!), "utf8");
    expect(written).toContain('"char_length(name) between 1 and 120"');
    expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
    expect((await definitions(ctx.db)).users_name_len).toBe("CHECK (((char_length(name) >= 1) AND (char_length(name) <= 120)))");
    expect(ctx.project.run(["check"]).code).toBe(0);
    expect(ctx.project.run(["downgrade", "-1"]).code).toBe(0);
    expect(await catalogText(ctx.db)).toEqual(first);
  }, 120_000);
});
