/**
 * Database objects round trip on each dialect: model → upgrade → the database's own definition
 * text (pg_get_*def, information_schema, sqlite_schema.sql) → pull → the same model; a changed
 * body is replaced, a view over a column whose type changes is rebuilt around the change, and the
 * downgrade leaves the database empty.
 */
import { afterAll, describe, expect, it } from "vitest";
import { serverAvailable, type TestDialect } from "../../helpers/databases.js";
import { aggregate, boolean, compositeType, defineSchema, domain, rangeType, extension, fn, integer, materializedView, materializedViewIndex, procedure, rawType, sequence, sql, table, text, timestamp, trigger, varchar, view, type AnyTable, type ObjectDefinition } from "../../../src/model/index.js";
import { schemaFromModel } from "../../../src/model/to-catalog.js";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { cleanModules, loadModule, openObjectsKit, squash } from "./objects-kit.js";

afterAll(cleanModules);

interface Case {
  dialect: TestDialect;
  /** The model before and after a change of bodies and of the type of users.name. */
  before: () => { tables: AnyTable[]; objects: ObjectDefinition[] };
  after: () => { tables: AnyTable[]; objects: ObjectDefinition[] };
  /** The catalog text that must contain (squashed) each object's definition, or equal it. */
  expectText: (o: DatabaseObject) => string;
}

const users = (nameType: "text" | "varchar") =>
  table("users", {
    id: integer().primaryKey(),
    name: nameType === "text" ? text() : varchar(200),
    active: boolean().notNull().default(true),
    updated_at: timestamp({ withTimezone: true }),
  });

/** Columns typed by domains keep the domain, and so do columns typed by a composite and a range type. */
const films: AnyTable = table("films", { id: integer().primaryKey(), release_year: rawType("year"), code: rawType("code"), title: text(), studio: rawType("address"), runtime: rawType("floatrange") });

/**
 * What the kit prints for the composite and range types (each pg_attribute row of the type's
 * typrelid: name, format_type, collation; pg_range: subtype, operator class, collation,
 * canonical, subtype_diff, multirange type).
 */
const PRINTED_TYPES: Record<string, string> = {
  address: `street text, city character varying(80) collate "C", note text`,
  "address'": `street text, city character varying(80) collate "C", zip character varying(10)`,
  dimensions: "width numeric(10,2), height integer",
  "dimensions'": "width double precision, height integer",
  floatrange: "double precision float8_ops float8mi floatmultirange",
};

/** The composite and range types, before and after: address loses its last attribute and gains one (in use: ALTER TYPE in place), dimensions changes a type. */
const userTypes = (after: boolean): ObjectDefinition[] => [
  compositeType("address", { street: "text", city: { type: "varchar(80)", collate: "C" }, ...(after ? { zip: "character varying(10)" } : { note: "text" }) }),
  compositeType("dimensions", { width: after ? "float8" : "numeric(10, 2)", height: "int4" }),
  rangeType("floatrange", { subtype: "float8", subtypeDiff: "float8mi" }),
];

/** A plain aggregate over its state function, used by a view. */
const groupConcat = [
  fn("_group_concat", sql`CREATE OR REPLACE FUNCTION public._group_concat(text, text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $function$`),
  aggregate("group_concat", sql`CREATE AGGREGATE public.group_concat(text) (SFUNC = _group_concat, STYPE = text)`, { dependsOn: ["function:._group_concat"] }),
  view("film_titles", sql`SELECT group_concat(films.title) AS titles
   FROM films`, { dependsOn: ["aggregate:.group_concat", "table:.films"] }),
];

/** What the kit prints for the domains (format_type, collation, typdefault, NOT NULL, pg_get_constraintdef). */
const PRINTED_DOMAINS: Record<string, string> = {
  "AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)": "integer year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)",
  "AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2200)": "integer year_check CHECK (VALUE >= 1901 AND VALUE <= 2200)",
  [`AS character varying(8) COLLATE "C" DEFAULT 'none'::character varying NOT NULL CONSTRAINT code_lower CHECK (VALUE::text = lower(VALUE::text))`]:
    `character varying(8) collate "C" default 'none'::character varying not null code_lower CHECK (VALUE::text = lower(VALUE::text))`,
  [`AS character varying(8) COLLATE "C" DEFAULT 'n/a'::character varying CONSTRAINT code_short CHECK (length(VALUE::text) <= 4)`]:
    `character varying(8) collate "C" default 'n/a'::character varying code_short CHECK (length(VALUE::text) <= 4)`,
};

const pg: Case = {
  dialect: "postgres",
  before: () => ({
    tables: [users("text"), films],
    objects: [
      extension("pgcrypto"),
      ...userTypes(false),
      domain("year", sql`AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)`),
      domain("code", sql`AS character varying(8) COLLATE "C" DEFAULT 'none'::character varying NOT NULL CONSTRAINT code_lower CHECK (VALUE::text = lower(VALUE::text))`),
      ...groupConcat,
      sequence("invoice_numbers", { start: 1000, increment: 10 }),
      fn("touch", sql`CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ begin new.updated_at := now(); return new; end $function$`),
      fn("add_one", sql`CREATE OR REPLACE FUNCTION public.add_one(i integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$select i + 1$function$`),
      procedure("rename_user", sql`CREATE OR REPLACE PROCEDURE public.rename_user(IN uid integer, IN new_name text)
 LANGUAGE sql
AS $procedure$update users set name = new_name where id = uid$procedure$`),
      view("active_users", sql`SELECT users.id,
    users.name
   FROM users
  WHERE users.active`, { dependsOn: ["table:.users"] }),
      view("active_names", sql`SELECT active_users.name
   FROM active_users`, { dependsOn: ["view:.active_users"] }),
      materializedView("user_counts", sql`SELECT count(*) AS n
   FROM users`, { dependsOn: ["table:.users"] }),
      materializedViewIndex("user_counts_n", "user_counts", sql`CREATE UNIQUE INDEX user_counts_n ON public.user_counts USING btree (n)`),
      trigger("users_touch", "users", sql`CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()`, { dependsOn: ["function:.touch", "table:.users"] }),
    ],
  }),
  after: () => ({
    tables: [users("varchar"), films],
    objects: [
      extension("pgcrypto"),
      ...userTypes(true),
      domain("year", sql`AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2200)`),
      domain("code", sql`AS character varying(8) COLLATE "C" DEFAULT 'n/a'::character varying CONSTRAINT code_short CHECK (length(VALUE::text) <= 4)`),
      ...groupConcat,
      sequence("invoice_numbers", { start: 1000, increment: 5 }),
      fn("touch", sql`CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ begin new.updated_at := clock_timestamp(); return new; end $function$`),
      fn("add_one", sql`CREATE OR REPLACE FUNCTION public.add_one(i integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$select i + 1$function$`),
      view("active_users", sql`SELECT users.id,
    users.name,
    users.updated_at
   FROM users
  WHERE users.active`, { dependsOn: ["table:.users"] }),
      view("active_names", sql`SELECT active_users.name
   FROM active_users`, { dependsOn: ["view:.active_users"] }),
      materializedView("user_counts", sql`SELECT count(*) AS n
   FROM users`, { dependsOn: ["table:.users"] }),
      materializedViewIndex("user_counts_n", "user_counts", sql`CREATE UNIQUE INDEX user_counts_n ON public.user_counts USING btree (n)`),
      trigger("users_touch", "users", sql`CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()`, { dependsOn: ["function:.touch", "table:.users"] }),
    ],
  }),
  expectText: (o) =>
    o.kind === "extension" ? o.name
    : o.kind === "domain" ? PRINTED_DOMAINS[o.definition] ?? `(no printed form for ${o.definition})`
    : o.kind === "aggregate" ? "group_concat(text) _group_concat text"
    : o.kind === "compositeType" ? PRINTED_TYPES[o.definition.includes("zip") || o.definition.includes("double") ? `${o.name}'` : o.name] ?? `(no printed form for ${o.definition})`
    : o.kind === "rangeType" ? PRINTED_TYPES[o.name] ?? `(no printed form for ${o.definition})`
    : o.definition,
};

const sqlite: Case = {
  dialect: "sqlite",
  before: () => ({
    tables: [users("text")],
    objects: [
      view("active_users", sql`SELECT id, name FROM users WHERE active = 1`),
      trigger("users_touch", "users", sql`CREATE TRIGGER "users_touch" AFTER UPDATE OF name ON users BEGIN UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id; END`, { dependsOn: ["table:.users"] }),
    ],
  }),
  after: () => ({
    tables: [users("varchar")],
    objects: [
      view("active_users", sql`SELECT id, name, updated_at FROM users WHERE active = 1`),
      trigger("users_touch", "users", sql`CREATE TRIGGER "users_touch" AFTER UPDATE ON users BEGIN UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id; END`, { dependsOn: ["table:.users"] }),
    ],
  }),
  expectText: (o) => (o.kind === "view" ? `CREATE VIEW "${o.name}" AS ${o.definition}` : o.definition),
};

const mysql: Case = {
  dialect: "mysql",
  before: () => ({
    tables: [users("text")],
    objects: [
      fn("add_one", sql`CREATE FUNCTION \`add_one\`(\`i\` int(11)) RETURNS int(11) DETERMINISTIC return i + 1`),
      procedure("rename_user", sql`CREATE PROCEDURE \`rename_user\`(IN \`uid\` int(11), IN \`new_name\` text) update users set name = new_name where id = uid`),
      view("active_users", sql`select \`users\`.\`id\` AS \`id\`,\`users\`.\`name\` AS \`name\` from \`users\` where \`users\`.\`active\` <> 0`),
      trigger("users_touch", "users", sql`CREATE TRIGGER \`users_touch\` BEFORE UPDATE ON \`users\` FOR EACH ROW set new.updated_at = now()`, { dependsOn: ["table:.users"] }),
    ],
  }),
  after: () => ({
    tables: [users("varchar")],
    objects: [
      fn("add_one", sql`CREATE FUNCTION \`add_one\`(\`i\` int(11)) RETURNS int(11) DETERMINISTIC return i + 2`),
      view("active_users", sql`select \`users\`.\`id\` AS \`id\`,\`users\`.\`name\` AS \`name\`,\`users\`.\`updated_at\` AS \`updated_at\` from \`users\` where \`users\`.\`active\` <> 0`),
      trigger("users_touch", "users", sql`CREATE TRIGGER \`users_touch\` BEFORE INSERT ON \`users\` FOR EACH ROW set new.updated_at = now()`, { dependsOn: ["table:.users"] }),
    ],
  }),
  // MySQL keeps bodies and queries; the CREATE head is athanor's fixed spelling around them.
  expectText: (o) => (o.kind === "view" ? o.definition : o.definition.replace(/^.*?\b(return i|update users|set new)/s, "$1")),
};

const modelOf = (m: { tables: AnyTable[]; objects: ObjectDefinition[] }): DatabaseSchema => schemaFromModel(defineSchema(m));
const squashed = (objects: readonly DatabaseObject[] | undefined) =>
  [...(objects ?? [])].map((o) => ({ ...o, definition: squash(o.definition) })).sort((a, b) => `${a.kind}.${a.name}`.localeCompare(`${b.kind}.${b.name}`));

for (const c of [pg, mysql, sqlite]) {
  const available = await serverAvailable(c.dialect);
  describe.skipIf(!available)(`database objects round trip on ${c.dialect}`, () => {
    it("creates every kind from the model, reads it back as the database prints it, pulls the same model, replaces changed bodies and downgrades to empty", async () => {
      const kit = await openObjectsKit(c.dialect);
      try {
        const before = modelOf(c.before());
        const up = await kit.diff(before);
        await kit.apply(up);

        // The database's own text for each object is the model's definition.
        for (const o of before.objects ?? []) {
          const printed = await kit.catalogText(o);
          expect(printed, `${o.kind} ${o.name}`).not.toBeNull();
          expect(squash(printed!)).toBe(squash(c.expectText(o)));
        }
        expect(await kit.diff(before)).toEqual([]);

        // pull → the same model.
        const pulledSource = renderSchemaModule(await kit.dialect.reflect(kit.conn), { dialect: c.dialect });
        const pulled = schemaFromModel(await loadModule(pulledSource));
        expect(squashed(pulled.objects)).toEqual(squashed(before.objects));
        expect(await kit.diff(pulled)).toEqual([]);

        // A changed body is a change; the view over users.name is rebuilt around its type change.
        const after = modelOf(c.after());
        const change = await kit.diff(after);
        const kinds = change.map((op) => `${op.kind}${"object" in op ? ` ${op.object.name}` : ""}`);
        // SQLite changes a column type by rebuilding the table (one batch).
        expect(kinds).toContain(c.dialect === "sqlite" ? "batchAlterTable" : "alterColumn");
        if (c.dialect === "postgres") {
          expect(kinds.indexOf("dropObject active_users")).toBeLessThan(kinds.indexOf("alterColumn"));
          expect(kinds.indexOf("createObject active_users")).toBeGreaterThan(kinds.indexOf("alterColumn"));
          expect(kinds).toContain("replaceObject touch");
          expect(kinds).toContain("replaceObject invoice_numbers");
          expect(kinds).toContain("dropObject rename_user");
          // Domains change in place (columns use them): ALTER DOMAIN, never a drop.
          expect(kinds).toContain("replaceObject year");
          expect(kinds).toContain("replaceObject code");
          expect(kinds).not.toContain("dropObject code");
          // Composite types change in place (ALTER TYPE … ATTRIBUTE): films.studio keeps its values.
          expect(kinds).toContain("replaceObject address");
          expect(kinds).toContain("replaceObject dimensions");
          expect(kinds).not.toContain("dropObject address");
          expect(kinds).not.toContain("replaceObject floatrange");
          // The materialized view over users is rebuilt around the column change, and its index with it.
          expect(kinds.indexOf("createObject user_counts_n")).toBeGreaterThan(kinds.indexOf("createObject user_counts"));
        }
        await kit.apply(change);
        for (const o of after.objects ?? []) expect(squash((await kit.catalogText(o)) ?? "")).toBe(squash(c.expectText(o)));
        expect(await kit.diff(after)).toEqual([]);

        // Downgrade: the reverse of both steps leaves nothing behind.
        await kit.apply(reverseAll(change));
        expect(await kit.diff(before)).toEqual([]);
        await kit.apply(reverseAll(up));
        const empty = await kit.dialect.reflect(kit.conn);
        expect(empty.tables).toEqual([]);
        expect(empty.objects ?? []).toEqual([]);
      } finally {
        await kit.close();
      }
    }, 60_000);
  });
}
