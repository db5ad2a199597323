/**
 * PostgreSQL exclusion constraints and NOT VALID foreign keys, live and judged by the independent
 * oracle (pg_get_constraintdef): model → autogenerate → upgrade → the oracle shows both
 * constraints as written → the exclusion is enforced → check exits 0 → pull gives the same
 * model, check clean. Then a release changes the exclusion's WHERE, another's operator, and marks
 * the foreign key valid: autogenerate writes a drop and add for the exclusions and a VALIDATE
 * CONSTRAINT for the key; after the upgrade the oracle equals a database built from the new model
 * alone, and `downgrade -1` gives back the first catalog (the key NOT VALID again).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";
import { pullCleanModel, runExpecting } from "../helpers/pulled-model.js";

interface Model {
  where: string;
  /** The operator the customer's exclusion compares customer_id with. */
  customerOperator: string;
  /** The booking's customer key is still NOT VALID. */
  customerNotValid: boolean;
}

const V1: Model = { where: "NOT cancelled", customerOperator: "=", customerNotValid: true };
const V2: Model = { where: "NOT cancelled AND room_id > 0", customerOperator: "<>", customerNotValid: false };

const schema = (m: Model) => `import { boolean, exclude, extension, integer, rawType, table } from "athanor";
export const btreeGist = extension("btree_gist");
export const rooms = table("rooms", { id: integer().primaryKey() });
export const customers = table("customers", { id: integer().primaryKey() });
export const bookings = table("bookings", {
  id: integer().primaryKey(),
  room_id: integer().notNull().references(() => rooms, "id"),
  customer_id: integer().references(() => customers, "id"${m.customerNotValid ? ", { notValid: true }" : ""}),
  during: rawType("tstzrange").notNull(),
  cancelled: boolean().notNull().default(false),
}, (t) => ({
  exclusions: [
    exclude([[t.room_id, "="], [t.during, "&&"]], { name: "bookings_no_overlap", using: "gist", where: ${JSON.stringify(m.where)} }),
    exclude([[t.customer_id, ${JSON.stringify(m.customerOperator)}], { expression: "tstzrange(lower(during), upper(during), '[)')", operator: "&&" }], { using: "gist" }),
  ],
}));
`;

/** The oracle's constraint lines of bookings. */
const constraints = (lines: string[]) => lines.filter((l) => l.startsWith("constraint public.bookings "));

describe("PostgreSQL exclusion constraints and NOT VALID foreign keys", () => {
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

  it("creates both as written, enforces the exclusion, check is clean and the pulled model is the same", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    run(project, ["revision", "--autogenerate", "-m", "bookings", "--rev-id", "r1"]);
    expect(revisionText(project, "r1")).toContain('exclude([["room_id", "="], ["during", "&&"]], { name: "bookings_no_overlap", using: "gist", where: "NOT cancelled" })');
    run(project, ["upgrade", "head"]);
    first = await catalogText(db);
    // The oracle prints pg_get_constraintdef, then " no inherit" (connoinherit, set on every constraint but a check).
    expect(constraints(first)).toEqual([
      "constraint public.bookings bookings_customer_id_expr_excl EXCLUDE USING gist (customer_id WITH =, tstzrange(lower(during), upper(during), '[)'::text) WITH &&) no inherit",
      "constraint public.bookings bookings_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) NOT VALID no inherit",
      "constraint public.bookings bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE ((NOT cancelled)) no inherit",
      "constraint public.bookings bookings_pkey PRIMARY KEY (id) no inherit",
      "constraint public.bookings bookings_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.rooms(id) no inherit",
    ]);
    await queryTestDatabase(db, "INSERT INTO rooms VALUES (1); INSERT INTO customers VALUES (10), (11)");
    await queryTestDatabase(db, "INSERT INTO bookings (id, room_id, customer_id, during) VALUES (1, 1, 10, '[2026-01-01 10:00, 2026-01-01 11:00)')");
    await expect(queryTestDatabase(db, "INSERT INTO bookings (id, room_id, customer_id, during) VALUES (2, 1, 11, '[2026-01-01 10:30, 2026-01-01 12:00)')")).rejects.toThrow(/bookings_no_overlap/);
    // A cancelled booking is outside the predicate, so it may overlap (with no customer, which the other exclusion passes over).
    await queryTestDatabase(db, "INSERT INTO bookings (id, room_id, customer_id, during, cancelled) VALUES (3, 1, NULL, '[2026-01-01 10:30, 2026-01-01 12:00)', true)");
    run(project, ["check"]);

    const code = flat(pullCleanModel(project));
    expect(code).toContain('name: "bookings_no_overlap", using: "gist", where: "NOT cancelled"');
    expect(code).toContain('{ name: "bookings_customer_id_fkey", notValid: true }');
  }, 120_000);

  it("a changed WHERE and operator are a drop and add, a key made valid is validated; the result equals a database built from the new model, and the downgrade gives the first back", async ({ skip }) => {
    if (!ctx.available || !fresh.available) skip();
    const { project, db } = ctx;
    writeFileSync(join(project.dir, "schema.ts"), schema(V2));
    const dirty = run(project, ["check"], 1);
    expect(dirty.stdout).toContain("bookings_no_overlap");
    run(project, ["revision", "--autogenerate", "-m", "release", "--rev-id", "r2"]);
    const revision = revisionText(project, "r2");
    expect(revision).toContain('op.validateConstraint("bookings_customer_id_fkey", "bookings", { type: "foreignKey" })');
    expect(revision).toContain('op.dropConstraint("bookings_no_overlap", "bookings", { type: "exclusion" })');
    expect(revision).toContain('where: "NOT cancelled AND room_id > 0"');
    run(project, ["upgrade", "head"]);
    run(project, ["check"]);
    const migrated = await catalogText(db);
    expect(constraints(migrated)).toEqual([
      "constraint public.bookings bookings_customer_id_expr_excl EXCLUDE USING gist (customer_id WITH <>, tstzrange(lower(during), upper(during), '[)'::text) WITH &&) no inherit",
      "constraint public.bookings bookings_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) no inherit",
      "constraint public.bookings bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (((NOT cancelled) AND (room_id > 0))) no inherit",
      "constraint public.bookings bookings_pkey PRIMARY KEY (id) no inherit",
      "constraint public.bookings bookings_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.rooms(id) no inherit",
    ]);

    run(fresh.project, ["revision", "--autogenerate", "-m", "all", "--rev-id", "f1"]);
    run(fresh.project, ["upgrade", "head"]);
    expect(migrated).toEqual(await catalogText(fresh.db));

    run(project, ["downgrade", "-1"]);
    expect(await catalogText(db)).toEqual(first);
    writeFileSync(join(project.dir, "schema.ts"), schema(V1));
    run(project, ["check"]);
  }, 120_000);
});
