/**
 * The PostgreSQL features real schemas use, live: deferrable and initially-deferred primary and
 * unique keys, UNIQUE NULLS NOT DISTINCT (constraint and index), index element order, NULLS
 * FIRST/LAST, per-element COLLATE (with the collation's schema), operator classes (with theirs),
 * INCLUDE columns, and a column
 * collation with its schema. Model → upgrade → the server's own definition text
 * (pg_get_constraintdef, pg_get_indexdef, information_schema) → check clean → pull → the pulled
 * model is clean too. Then each feature is changed alone in the model: check exits 1 before,
 * autogenerate writes the change, and the server's text shows it after the upgrade.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

/** What each step of the test changes; every field starts at the first value the test creates. */
interface Features {
  pk: string;
  codeUnique: string;
  refUnique: string;
  labelIndex: string;
  codeIndex: string;
  labelCollation: string;
  refIndex: string;
  emailIndex: string;
  emailCollation: string;
}

const START: Features = {
  pk: `{ name: "accounts_pkey", deferrable: true, initiallyDeferred: true }`,
  codeUnique: `{ name: "accounts_code_key", deferrable: true }`,
  refUnique: `{ name: "accounts_ref_key", nullsNotDistinct: true }`,
  labelIndex: `{ column: t.label, descending: true, nulls: "last" }`,
  codeIndex: `{ column: t.code, opclass: "varchar_pattern_ops" }`,
  labelCollation: `collation: "C", nulls: "first"`,
  refIndex: `{ name: "ux_ref", unique: true, nullsNotDistinct: true }`,
  emailIndex: `{ name: "ix_email_label", include: ["code"] }`,
  emailCollation: `.collate("c_copy", { schema: "s" })`,
};

const schema = (f: Features) => `import { index, integer, primaryKey, sql, table, text, unique, varchar } from "athanor";
export const accounts = table("accounts", {
  id: integer().notNull(),
  email: text().notNull()${f.emailCollation},
  code: varchar(20),
  label: text(),
  ref: integer(),
}, (t) => ({
  primaryKey: primaryKey([t.id], ${f.pk}),
  uniques: [unique([t.code], ${f.codeUnique}), unique([t.ref], ${f.refUnique})],
  indexes: [
    index([${f.labelIndex}], { name: "ix_label" }),
    index([${f.codeIndex}, { column: t.label, ${f.labelCollation} }], { name: "ix_code_label" }),
    index([{ column: t.email, collation: "C" }, { column: t.label, collation: "c_copy", collationSchema: "s" }], ${f.emailIndex}),
    index([t.ref], ${f.refIndex}),
    index([{ column: t.ref, opclass: "int4_copy_ops", opclassSchema: "s" }, { expression: sql\`lower(code)\`, collation: "C", descending: true }], { name: "ix_ref_ops" }),
  ],
}));
`;

/** The server's own text for the table's constraints and indexes, and the email column's collation. */
async function catalogText(ctx: { db: Parameters<typeof queryTestDatabase>[0] }): Promise<{ constraints: Record<string, string>; indexes: Record<string, string>; collation: string }> {
  const cons = await queryTestDatabase(ctx.db, "SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'accounts'::regclass");
  const idx = await queryTestDatabase(
    ctx.db,
    "SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'accounts'::regclass",
  );
  const col = await queryTestDatabase(ctx.db, "SELECT collation_schema || '.' || collation_name AS collation FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'email'");
  return {
    constraints: Object.fromEntries(cons.map((r) => [r.name as string, r.def as string])),
    indexes: Object.fromEntries(idx.map((r) => [r.name as string, (r.def as string).replace(/^.* USING btree /, "")])),
    collation: col[0]?.collation as string,
  };
}

describe("PostgreSQL keys, index element options and collations with their schema", () => {
  const ctx = useTestProject("postgres", {
    configExtra: `schema: "./schema.ts"`,
    setup: async (project, db) => {
      await queryTestDatabase(
        db,
        `CREATE SCHEMA s; CREATE COLLATION s.c_copy FROM "C";
         CREATE OPERATOR CLASS s.int4_copy_ops FOR TYPE int4 USING btree AS
           OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 btint4cmp(int4, int4)`,
      );
      writeFileSync(join(project.dir, "schema.ts"), schema(START));
    },
  });

  it("creates them as modelled, check is clean, and the pulled model is the same", async ({ skip }) => {
    if (!ctx.available) skip();
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "accounts"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const text = await catalogText(ctx);
    expect(text.constraints).toEqual({
      accounts_pkey: "PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED",
      accounts_code_key: "UNIQUE (code) DEFERRABLE",
      accounts_ref_key: "UNIQUE NULLS NOT DISTINCT (ref)",
    });
    expect(text.indexes).toMatchObject({
      ix_label: "(label DESC NULLS LAST)",
      ix_code_label: `(code varchar_pattern_ops, label COLLATE "C" NULLS FIRST)`,
      ix_email_label: `(email COLLATE "C", label COLLATE s.c_copy) INCLUDE (code)`,
      ux_ref: "(ref) NULLS NOT DISTINCT",
      ix_ref_ops: `(ref s.int4_copy_ops, lower((code)::text) COLLATE "C" DESC)`,
    });
    expect(text.collation).toBe("s.c_copy");
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
    expect(code).toContain(`.collate("c_copy", { schema: "s" })`);
    expect(code).toContain(`deferrable: true, initiallyDeferred: true`);
    expect(code).toContain(`nullsNotDistinct: true`);
    expect(code).toContain(`{ column: "label", descending: true, nulls: "last" }`);
    expect(code).toContain(`{ column: "code", opclass: "varchar_pattern_ops" }`);
    expect(code).toContain(`{ column: "label", collation: "c_copy", collationSchema: "s" }`);
    expect(code).toContain(`{ column: "ref", opclass: "int4_copy_ops", opclassSchema: "s" }`);
    expect(code).toContain(`include: ["code"]`);
    copyFileSync(join(ctx.project.dir, "schema.ts"), join(ctx.project.dir, "schema.original.ts"));
    copyFileSync(join(ctx.project.dir, "pulled.ts"), join(ctx.project.dir, "schema.ts"));
    const again = ctx.project.run(["check"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    copyFileSync(join(ctx.project.dir, "schema.original.ts"), join(ctx.project.dir, "schema.ts"));
  });

  /** One change of one feature, and the server's text that shows it. */
  const steps: { what: string; change: Partial<Features>; expect: (t: Awaited<ReturnType<typeof catalogText>>) => void }[] = [
    { what: "primary key no longer initially deferred", change: { pk: `{ name: "accounts_pkey", deferrable: true }` }, expect: (t) => expect(t.constraints.accounts_pkey).toBe("PRIMARY KEY (id) DEFERRABLE") },
    { what: "unique key no longer deferrable", change: { codeUnique: `{ name: "accounts_code_key" }` }, expect: (t) => expect(t.constraints.accounts_code_key).toBe("UNIQUE (code)") },
    { what: "unique key NULLS DISTINCT again", change: { refUnique: `{ name: "accounts_ref_key" }` }, expect: (t) => expect(t.constraints.accounts_ref_key).toBe("UNIQUE (ref)") },
    { what: "NULLS FIRST on a descending element", change: { labelIndex: `{ column: t.label, descending: true }` }, expect: (t) => expect(t.indexes.ix_label).toBe("(label DESC)") },
    { what: "order of an element", change: { labelIndex: `{ column: t.label }` }, expect: (t) => expect(t.indexes.ix_label).toBe("(label)") },
    { what: "operator class", change: { codeIndex: `{ column: t.code }` }, expect: (t) => expect(t.indexes.ix_code_label).toBe(`(code, label COLLATE "C" NULLS FIRST)`) },
    { what: "element collation", change: { labelCollation: `collation: "c_copy", collationSchema: "s", nulls: "first"` }, expect: (t) => expect(t.indexes.ix_code_label).toBe(`(code, label COLLATE s.c_copy NULLS FIRST)`) },
    {
      what: "INCLUDE columns",
      change: { emailIndex: `{ name: "ix_email_label", include: ["code", "ref"] }` },
      expect: (t) => expect(t.indexes.ix_email_label).toBe(`(email COLLATE "C", label COLLATE s.c_copy) INCLUDE (code, ref)`),
    },
    { what: "column collation to one in pg_catalog", change: { emailCollation: `.collate("C")` }, expect: (t) => expect(t.collation).toBe("pg_catalog.C") },
    { what: "column collation back to the one in schema s", change: { emailCollation: `.collate("c_copy", { schema: "s" })` }, expect: (t) => expect(t.collation).toBe("s.c_copy") },
    { what: "unique index NULLS DISTINCT again", change: { refIndex: `{ name: "ux_ref", unique: true }` }, expect: (t) => expect(t.indexes.ux_ref).toBe("(ref)") },
  ];

  it("a change of each feature is a difference check reports and autogenerate writes", async ({ skip }) => {
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
      step.expect(await catalogText(ctx));
      const after = ctx.project.run(["check"]);
      expect(after.code, `${step.what}: check after\n${after.stdout}${after.stderr}`).toBe(0);
    }
    // Every step's downgrade undoes it: back to the first model's catalog.
    const down = ctx.project.run(["downgrade", `-${steps.length}`]);
    expect(down.code, down.stderr).toBe(0);
    writeFileSync(join(ctx.project.dir, "schema.ts"), schema(START));
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  }, 240_000);
});
