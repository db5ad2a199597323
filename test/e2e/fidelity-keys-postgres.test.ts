/**
 * PostgreSQL keys as the database holds them, live: a deferrable, initially deferred primary key
 * declared on its column (`.primaryKey({ … })`), and keys whose index stores INCLUDE columns
 * (`PRIMARY KEY (…) INCLUDE (…)`, `UNIQUE (…) INCLUDE (…)`, PostgreSQL 11+), on a column and in
 * the extras. Model → upgrade → pg_get_constraintdef → check clean → pull → the pulled model is
 * clean too. Then each option is changed alone: check exits 1, autogenerate writes the change,
 * the server's text shows it, check is clean; the downgrades undo every step.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

/** What each step changes; every field starts at the first value the test creates. */
interface Features {
  pk: string;
  codeUnique: string;
  refUnique: string;
}

const START: Features = {
  pk: `{ deferrable: true, initiallyDeferred: true, include: ["label"] }`,
  codeUnique: `{ include: ["ref", "label"] }`,
  refUnique: `{ name: "accounts_ref_key", include: ["code"] }`,
};

const schema = (f: Features) => `import { integer, table, text, unique, varchar } from "athanor";
export const accounts = table("accounts", {
  id: integer().primaryKey(${f.pk}),
  code: varchar(20).unique(${f.codeUnique}),
  label: text(),
  ref: integer(),
}, (t) => ({
  uniques: [unique([t.ref], ${f.refUnique})],
}));
`;

/** The server's own text for the table's constraints. */
async function constraintText(ctx: { db: Parameters<typeof queryTestDatabase>[0] }): Promise<Record<string, string>> {
  const cons = await queryTestDatabase(ctx.db, "SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'accounts'::regclass");
  return Object.fromEntries(cons.map((r) => [r.name as string, r.def as string]));
}

describe("PostgreSQL keys: deferrable on their column, INCLUDE columns", () => {
  const ctx = useTestProject("postgres", {
    configExtra: `schema: "./schema.ts"`,
    setup: async (project) => {
      writeFileSync(join(project.dir, "schema.ts"), schema(START));
    },
  });

  it("creates them as modelled, check is clean, and the pulled model is the same", async ({ skip }) => {
    if (!ctx.available) skip();
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "accounts"]);
    expect(rev.code, rev.stderr).toBe(0);
    // The generated file declares each key where the model did, with its options.
    const file = readFileSync(join(ctx.project.dir, "migrations", "versions", rev.stdout.match(/([0-9a-f]+_accounts\.ts)/)![1]!), "utf8").replace(/\s*\n\s*/g, " ");
    expect(file).toMatch(/id: integer\(\)[^,]*\.primaryKey\(\{ name: "accounts_pkey", deferrable: true, initiallyDeferred: true, include: \["label"\],? \}\)/);
    expect(file).toMatch(/code: varchar\(20\)\.unique\(\{ name: "accounts_code_key", include: \["ref", "label"\],? \}\)/);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(await constraintText(ctx)).toEqual({
      accounts_pkey: "PRIMARY KEY (id) INCLUDE (label) DEFERRABLE INITIALLY DEFERRED",
      accounts_code_key: "UNIQUE (code) INCLUDE (ref, label)",
      accounts_ref_key: "UNIQUE (ref) INCLUDE (code)",
    });
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8").replace(/\s*\n\s*/g, " ");
    expect(code).toMatch(/deferrable: true, initiallyDeferred: true, include: \["label"\]/);
    expect(code).toMatch(/include: \["ref", "label"\]/);
    expect(code).toMatch(/include: \["code"\]/);
    copyFileSync(join(ctx.project.dir, "schema.ts"), join(ctx.project.dir, "schema.original.ts"));
    copyFileSync(join(ctx.project.dir, "pulled.ts"), join(ctx.project.dir, "schema.ts"));
    const again = ctx.project.run(["check"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    copyFileSync(join(ctx.project.dir, "schema.original.ts"), join(ctx.project.dir, "schema.ts"));
  });

  const steps: { what: string; change: Partial<Features>; expect: (t: Record<string, string>) => void }[] = [
    { what: "primary key no longer initially deferred", change: { pk: `{ deferrable: true, include: ["label"] }` }, expect: (t) => expect(t.accounts_pkey).toBe("PRIMARY KEY (id) INCLUDE (label) DEFERRABLE") },
    { what: "primary key INCLUDE columns", change: { pk: `{ deferrable: true, include: ["label", "ref"] }` }, expect: (t) => expect(t.accounts_pkey).toBe("PRIMARY KEY (id) INCLUDE (label, ref) DEFERRABLE") },
    { what: "primary key without INCLUDE", change: { pk: `{ deferrable: true }` }, expect: (t) => expect(t.accounts_pkey).toBe("PRIMARY KEY (id) DEFERRABLE") },
    { what: "order of a unique key's INCLUDE columns", change: { codeUnique: `{ include: ["label", "ref"] }` }, expect: (t) => expect(t.accounts_code_key).toBe("UNIQUE (code) INCLUDE (label, ref)") },
    { what: "unique key without INCLUDE", change: { refUnique: `{ name: "accounts_ref_key" }` }, expect: (t) => expect(t.accounts_ref_key).toBe("UNIQUE (ref)") },
  ];

  it("a change of each option is a difference check reports and autogenerate writes", async ({ skip }) => {
    if (!ctx.available) skip();
    let features = { ...START };
    for (const [i, step] of steps.entries()) {
      features = { ...features, ...step.change };
      writeFileSync(join(ctx.project.dir, "schema.ts"), schema(features));
      const before = ctx.project.run(["check"]);
      expect(before.code, `${step.what}: check before\n${before.stdout}${before.stderr}`).toBe(1);
      const rev = ctx.project.run(["revision", "--autogenerate", "-m", `step ${i}`]);
      expect(rev.code, `${step.what}: ${rev.stderr}`).toBe(0);
      const up = ctx.project.run(["upgrade", "head"]);
      expect(up.code, `${step.what}: ${up.stderr}`).toBe(0);
      step.expect(await constraintText(ctx));
      const after = ctx.project.run(["check"]);
      expect(after.code, `${step.what}: check after\n${after.stdout}${after.stderr}`).toBe(0);
    }
    const down = ctx.project.run(["downgrade", `-${steps.length}`]);
    expect(down.code, down.stderr).toBe(0);
    expect(await constraintText(ctx)).toEqual({
      accounts_pkey: "PRIMARY KEY (id) INCLUDE (label) DEFERRABLE INITIALLY DEFERRED",
      accounts_code_key: "UNIQUE (code) INCLUDE (ref, label)",
      accounts_ref_key: "UNIQUE (ref) INCLUDE (code)",
    });
    writeFileSync(join(ctx.project.dir, "schema.ts"), schema(START));
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  }, 240_000);
});

const keyed = (pk: string) => `import { integer, primaryKey, table, unique } from "athanor";
export const accounts = table("accounts", {
  id: integer().notNull(),
  region: integer().notNull(),
}, (t) => ({
  primaryKey: primaryKey(${pk}),
  uniques: ${pk.includes("region") ? `[unique([t.id], { name: "accounts_id_key" })]` : "[]"},
}));
export const orders = table("orders", {
  id: integer().primaryKey(),
  account_id: integer().references(() => accounts, "id", { name: "orders_account_id_fkey" }),
});
`;

/** pg_get_constraintdef of every constraint on accounts and orders, keyed "table.name". */
async function keyText(ctx: { db: Parameters<typeof queryTestDatabase>[0] }): Promise<Record<string, string>> {
  const rows = await queryTestDatabase(ctx.db, "SELECT conrelid::regclass::text || '.' || conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid IN ('accounts'::regclass, 'orders'::regclass)");
  return Object.fromEntries(rows.map((r) => [r.name as string, r.def as string]));
}

describe("PostgreSQL: replacing a primary key that other tables' foreign keys reference", () => {
  const ctx = useTestProject("postgres", {
    configExtra: `schema: "./schema.ts"`,
    setup: async (project) => {
      writeFileSync(join(project.dir, "schema.ts"), keyed(`[t.id]`));
    },
  });

  it("autogenerate drops the foreign keys before and creates them after, upgrade and downgrade both run", async ({ skip }) => {
    if (!ctx.available) skip();
    for (const [i, args] of [["revision", "--autogenerate", "-m", "first"], ["upgrade", "head"]].entries()) {
      const r = ctx.project.run(args);
      expect(r.code, `${i}: ${r.stderr}`).toBe(0);
    }
    const first = await keyText(ctx);
    expect(first).toMatchObject({ "accounts.accounts_pkey": "PRIMARY KEY (id)", "orders.orders_account_id_fkey": "FOREIGN KEY (account_id) REFERENCES accounts(id)" });

    writeFileSync(join(ctx.project.dir, "schema.ts"), keyed(`[t.region, t.id]`));
    const before = ctx.project.run(["check"]);
    expect(before.code, before.stdout + before.stderr).toBe(1);
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "regional key"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    expect(await keyText(ctx)).toEqual({
      "accounts.accounts_pkey": "PRIMARY KEY (region, id)",
      "accounts.accounts_id_key": "UNIQUE (id)",
      "orders.orders_pkey": "PRIMARY KEY (id)",
      "orders.orders_account_id_fkey": "FOREIGN KEY (account_id) REFERENCES accounts(id)",
    });
    const after = ctx.project.run(["check"]);
    expect(after.code, after.stdout + after.stderr).toBe(0);

    const down = ctx.project.run(["downgrade", "-1"]);
    expect(down.code, down.stderr).toBe(0);
    expect(await keyText(ctx)).toEqual(first);
    writeFileSync(join(ctx.project.dir, "schema.ts"), keyed(`[t.id]`));
    const clean = ctx.project.run(["check"]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  }, 240_000);
});
