/**
 * PostgreSQL comments on indexes, constraints and enum types, live and judged by the database's
 * own catalog text (obj_description, and the independent oracle's lines with pg_get_constraintdef
 * and pg_get_indexdef), not athanor's reflection: a model with comments on an index, a unique, a
 * check, a foreign key, a primary key and an enum type (one with a quote and a newline) → autogenerate → upgrade
 * → the catalog holds each comment as written → check exits 0 → pull gives a model check finds
 * clean. Then a release changes, removes and adds comments (one with a backslash and `$$`) and
 * adds a commented index: autogenerate writes setComment for each change and the new index with
 * its comment; after the upgrade the catalog equals a database built from the new model alone,
 * and `downgrade -1` gives back the first catalog.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";
import { pullCleanModel, runExpecting } from "../helpers/pulled-model.js";

interface Model {
  enumComment: string;
  uniqueComment?: string;
  checkComment?: string;
  foreignKeyComment: string;
  customerIndexComment: string;
  totalIndexComment?: string;
  /** A new index, with its comment. */
  placedIndex: boolean;
}

const V1: Model = {
  enumComment: "Where an order is.\nSee the 'billing' handbook.",
  uniqueComment: "one account per address",
  checkComment: "no refunds here",
  foreignKeyComment: "the buyer",
  customerIndexComment: "orders by customer",
  placedIndex: false,
};
const V2: Model = {
  enumComment: "Order state",
  foreignKeyComment: "who pays",
  customerIndexComment: "orders by customer",
  checkComment: String.raw`C:\orders $$ not a body`,
  totalIndexComment: "big orders",
  placedIndex: true,
};

const option = (comment: string | undefined): string => (comment === undefined ? "" : `, { comment: ${JSON.stringify(comment)} }`);

const schema = (m: Model) => `import { check, enumType, index, integer, table, text, timestamp, unique } from "athanor";
export const status = enumType("order_status", ["new", "paid"], { comment: ${JSON.stringify(m.enumComment)} });
export const customers = table("customers", { id: integer().primaryKey(), email: text().notNull() }, (t) => ({
  uniques: [unique([t.email]${option(m.uniqueComment)})],
}));
export const orders = table("orders", {
  id: integer().primaryKey({ comment: "the order number" }),
  customer_id: integer().notNull().references(() => customers, "id", { comment: ${JSON.stringify(m.foreignKeyComment)} }),
  total: integer().notNull(),
  status: status.column().notNull(),
  placed: timestamp().notNull(),
}, (t) => ({
  checks: [check("total >= 0", { name: "orders_total_check"${m.checkComment === undefined ? "" : `, comment: ${JSON.stringify(m.checkComment)}`} })],
  indexes: [
    index([t.customer_id], { comment: ${JSON.stringify(m.customerIndexComment)} }),
    index([t.total]${option(m.totalIndexComment)}),${m.placedIndex ? `\n    index([t.placed], { comment: "recent orders first" }),` : ""}
  ],
}));
`;

/** Each comment as obj_description reads it, by object. */
async function comments(db: Parameters<typeof queryTestDatabase>[0]): Promise<Record<string, string | null>> {
  const rows = await queryTestDatabase(
    db,
    `SELECT 'constraint ' || conname AS name, obj_description(oid, 'pg_constraint') AS comment FROM pg_constraint WHERE conrelid IN ('orders'::regclass, 'customers'::regclass)
     UNION ALL SELECT 'index ' || c.relname, obj_description(c.oid, 'pg_class') FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid IN ('orders'::regclass, 'customers'::regclass)
     UNION ALL SELECT 'type ' || typname, obj_description(oid, 'pg_type') FROM pg_type WHERE typname = 'order_status'`,
  );
  return Object.fromEntries(rows.map((r) => [r.name as string, (r.comment as string | null) ?? null]));
}

describe("PostgreSQL comments on indexes, constraints and enum types", () => {
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema(V1)) });
  // A second database, built from the new model alone, that the migrated one must equal.
  const fresh = useTestProject("postgres", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema(V2)) });
  let first: string[] = [];

  const run = runExpecting;
  /** Code with the printer's line breaks (and the trailing commas they bring) taken out. */
  const flat = (code: string): string => code.replace(/\s+/g, " ").replace(/([([]) /g, "$1").replace(/,? ([)\]])/g, "$1").replace(/, \}/g, " }");
  /** The text of revision `id`, flattened. */
  const revisionText = (project: typeof ctx.project, id: string): string => {
    const dir = join(project.dir, "migrations/versions");
    return flat(readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(`${id}_`))!), "utf8"));
  };

  it("creates each comment as written, check is clean and the pulled model is the same", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    run(project, ["revision", "--autogenerate", "-m", "orders", "--rev-id", "r1"]);
    const revision = revisionText(project, "r1");
    expect(revision).toContain('op.createEnum("order_status", ["new", "paid"], { comment: "Where an order is.\\nSee the \'billing\' handbook." })');
    expect(revision).toContain('comment: "orders by customer"');
    // Offline, the same statements: each COMMENT right after what it comments.
    const offline = run(project, ["upgrade", "head", "--sql"]).stdout;
    expect(offline).toContain(`CREATE TYPE "order_status" AS ENUM ('new', 'paid');\nCOMMENT ON TYPE "order_status" IS 'Where an order is.\nSee the ''billing'' handbook.';`);
    expect(offline).toContain(`CREATE INDEX "ix_orders_customer_id" ON "orders" ("customer_id");\nCOMMENT ON INDEX "ix_orders_customer_id" IS 'orders by customer';`);
    expect(offline).toContain(`COMMENT ON CONSTRAINT "orders_customer_id_fkey" ON "orders" IS 'the buyer';`);
    run(project, ["upgrade", "head"]);
    expect(await comments(db)).toMatchObject({
      "type order_status": "Where an order is.\nSee the 'billing' handbook.",
      "constraint customers_email_key": "one account per address",
      "constraint orders_total_check": "no refunds here",
      "constraint orders_customer_id_fkey": "the buyer",
      "index ix_orders_customer_id": "orders by customer",
      "index ix_orders_total": null,
      "constraint orders_pkey": "the order number",
      "constraint customers_pkey": null,
    });
    first = await catalogText(db);
    // The oracle's lines: pg_get_constraintdef / pg_get_indexdef with quote_literal(obj_description(…)).
    expect(first.filter((l) => l.includes(" comment "))).toEqual([
      "constraint public.customers customers_email_key UNIQUE (email) no inherit comment 'one account per address'",
      "constraint public.orders orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) no inherit comment 'the buyer'",
      "constraint public.orders orders_pkey PRIMARY KEY (id) no inherit comment 'the order number'",
      "constraint public.orders orders_total_check CHECK ((total >= 0)) comment 'no refunds here'",
      "index CREATE INDEX ix_orders_customer_id ON public.orders USING btree (customer_id) comment 'orders by customer'",
      "enum public.order_status ('new', 'paid') comment 'Where an order is.\nSee the ''billing'' handbook.'",
    ]);
    run(project, ["check"]);

    const code = flat(pullCleanModel(project));
    expect(code).toContain('enumType("order_status", ["new", "paid"], { comment: "Where an order is.\\nSee the \'billing\' handbook." })');
    expect(code).toContain('comment: "the buyer"');
    expect(code).toContain('primaryKey(["id"], { name: "orders_pkey", comment: "the order number" })');
    expect(code).toContain('check("total >= 0", { name: "orders_total_check", comment: "no refunds here" })');
  }, 120_000);

  it("changed, removed and added comments are setComment; the result equals a database built from the new model, and the downgrade gives the first back", async ({ skip }) => {
    if (!ctx.available || !fresh.available) skip();
    const { project, db } = ctx;
    writeFileSync(join(project.dir, "schema.ts"), schema(V2));
    const dirty = run(project, ["check"], 1);
    expect(dirty.stdout).toContain("orders_customer_id_fkey");
    run(project, ["revision", "--autogenerate", "-m", "release", "--rev-id", "r2"]);
    const revision = revisionText(project, "r2");
    expect(revision).toContain('op.setComment({ on: "constraint", table: "orders", name: "orders_customer_id_fkey", comment: "who pays", existingComment: "the buyer" })');
    expect(revision).toContain('op.setComment({ on: "constraint", table: "customers", name: "customers_email_key", comment: null, existingComment: "one account per address" })');
    expect(revision).toContain('op.setComment({ on: "enum", name: "order_status", comment: "Order state", existingComment: "Where an order is.\\nSee the \'billing\' handbook." })');
    expect(revision).toContain('comment: "recent orders first"');
    // A comment changes in place: no index or constraint is dropped for it.
    const upgrade = revision.slice(0, revision.indexOf("export async function downgrade"));
    expect(upgrade).not.toMatch(/dropIndex|dropConstraint/);
    run(project, ["upgrade", "head"]);
    run(project, ["check"]);
    expect(await comments(db)).toMatchObject({
      "type order_status": "Order state",
      "constraint customers_email_key": null,
      "constraint orders_total_check": String.raw`C:\orders $$ not a body`,
      "constraint orders_customer_id_fkey": "who pays",
      "index ix_orders_customer_id": "orders by customer",
      "index ix_orders_total": "big orders",
      "index ix_orders_placed": "recent orders first",
    });
    const migrated = await catalogText(db);

    run(fresh.project, ["revision", "--autogenerate", "-m", "all", "--rev-id", "f1"]);
    run(fresh.project, ["upgrade", "head"]);
    expect(migrated).toEqual(await catalogText(fresh.db));

    run(project, ["downgrade", "-1"]);
    expect(await catalogText(db)).toEqual(first);
    writeFileSync(join(project.dir, "schema.ts"), schema(V1));
    run(project, ["check"]);
  }, 120_000);
});
