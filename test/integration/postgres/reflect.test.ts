/**
 * Reflection against a real database: a rich set of TableSchemas compiled, created and reflected
 * back must come out deep-equal; the number of catalog queries must not depend on the number of
 * tables; and filters must apply inside the queries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { statementEffect } from "../../../src/runtime/statement-effect.js";
import type { CheckSchema, ColumnSchema, DatabaseSchema, EnumSchema, TableSchema } from "../../../src/catalog/types.js";
import { openKit, type PgKit } from "./pg-test-kit.js";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { reverseOperation } from "../../../src/operations/reverse.js";

const available = await serverAvailable("postgres");

function withoutNotValid({ notValid: _notValid, ...check }: CheckSchema): CheckSchema {
  return check;
}

function col(name: string, type: ColumnSchema["type"], extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable: true, default: null, generated: null, comment: null, collation: null, ...extra };
}

const status: EnumSchema = { schema: null, name: "status", values: ["draft", "live", "gone"] };
const tier: EnumSchema = { schema: "billing", name: "Tier", values: ["free", "pro"] };
const statusType = { kind: "enum" as const, name: "status", values: status.values, schema: null };
const tierType = { kind: "enum" as const, name: "Tier", values: tier.values, schema: "billing" };

const accounts: TableSchema = {
  schema: "billing",
  name: "accounts",
  columns: [
    col("id", { kind: "bigint" }, { nullable: false, generated: { kind: "identity", always: true } }),
    col("region", { kind: "smallint" }, { nullable: false, default: { kind: "literal", value: 1 } }),
    col("tier", tierType, { nullable: false, default: { kind: "literal", value: "free" } }),
    col("balance", { kind: "numeric", precision: 12, scale: 2 }, { nullable: false, default: { kind: "literal", value: 0 } }),
  ],
  primaryKey: { name: "accounts_pkey", columns: ["id"] },
  foreignKeys: [],
  uniques: [{ name: "accounts_id_region_key", columns: ["id", "region"] }],
  checks: [{ name: "accounts_balance_check", expression: "balance >= 0::numeric" }],
  indexes: [{ name: "accounts_tier_idx", elements: [{ column: "tier" }], unique: false, where: "tier <> 'free'::billing.\"Tier\"", using: "hash" }],
  comment: null,
};

const documents: TableSchema = {
  schema: null,
  name: "documents",
  columns: [
    col("id", { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" } }),
    col("seq", { kind: "smallint" }, { nullable: false, generated: { kind: "autoincrement" } }),
    col("big", { kind: "bigint" }, { nullable: false, generated: { kind: "autoincrement" } }),
    col("account_id", { kind: "bigint" }),
    col("account_region", { kind: "smallint" }),
    col("title", { kind: "varchar", length: 200 }, { nullable: false, default: { kind: "literal", value: "untitled 'draft'" }, comment: "shown in lists" }),
    col("code", { kind: "char", length: 4 }, { collation: "C" }),
    col("body", { kind: "text" }, { default: { kind: "literal", value: "" } }),
    col("status", statusType, { nullable: false, default: { kind: "literal", value: "draft" } }),
    col("history", { kind: "array", of: statusType }),
    col("tags", { kind: "array", of: { kind: "varchar", length: 32 } }, { default: { kind: "literal", value: "{}" } }),
    col("matrix", { kind: "array", of: { kind: "double" }, dimensions: 2 }),
    col("score", { kind: "real" }, { default: { kind: "literal", value: 0.5 } }),
    col("ratio", { kind: "double" }, { default: { kind: "literal", value: -1.25 } }),
    col("amount", { kind: "numeric" }),
    col("pages", { kind: "integer" }, { default: { kind: "literal", value: -1 } }),
    col("words", { kind: "integer" }),
    col("total", { kind: "integer" }, { generated: { kind: "computed", sql: "pages * 2 + words", stored: true } }),
    col("published", { kind: "boolean" }, { nullable: false, default: { kind: "literal", value: false } }),
    col("created_at", { kind: "timestamp", withTimezone: true }, { nullable: false, default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } }),
    col("updated_at", { kind: "timestamp", precision: 3 }),
    col("due", { kind: "date" }, { default: { kind: "sql", sql: "CURRENT_DATE" } }),
    col("at_time", { kind: "time", precision: 0 }),
    col("at_time_tz", { kind: "time", withTimezone: true }),
    col("duration", { kind: "interval" }, { default: { kind: "literal", value: "1 day" } }),
    col("meta", { kind: "jsonb" }, { default: { kind: "literal", value: '{"v": 1}' } }),
    col("raw_meta", { kind: "json" }),
    col("uid", { kind: "uuid" }, { default: { kind: "sql", sql: "gen_random_uuid()" } }),
    col("blob", { kind: "binary" }),
    col("ip", { kind: "raw", sql: "inet" }),
    col("search", { kind: "raw", sql: "tsvector" }),
    col("span", { kind: "raw", sql: "interval day to second(2)" }),
    col("slug", { kind: "text" }, { default: { kind: "sql", sql: "md5(random()::text)" } }),
  ],
  primaryKey: { name: "documents_pk", columns: ["id"] },
  foreignKeys: [
    {
      name: "documents_account_fk",
      columns: ["account_id", "account_region"],
      referencedSchema: "billing",
      referencedTable: "accounts",
      referencedColumns: ["id", "region"],
      onDelete: "SET NULL",
      onUpdate: "CASCADE",
      deferrable: true,
      initiallyDeferred: true,
    },
    {
      name: "documents_parent_fk",
      columns: ["words"],
      referencedSchema: null,
      referencedTable: "documents",
      referencedColumns: ["id"],
      onDelete: "RESTRICT",
      onUpdate: "SET DEFAULT",
      deferrable: true,
      initiallyDeferred: false,
    },
    { name: "documents_seq_fk", columns: ["seq"], referencedSchema: null, referencedTable: "labels", referencedColumns: ["id"], onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false },
  ],
  uniques: [
    { name: "documents_slug_key", columns: ["slug"] },
    { name: "documents_title_status_key", columns: ["title", "status"] },
  ],
  checks: [
    { name: "documents_pages_check", expression: "pages >= '-1'::integer" },
    { name: "documents_title_check", expression: "length(title::text) > 0 AND title::text <> 'x'::text" },
  ],
  indexes: [
    { name: "documents_created_brin", elements: [{ column: "created_at" }], unique: false, where: null, using: "brin" },
    { name: "documents_live_title", elements: [{ expression: "lower(title::text)" }, { column: "created_at", descending: true }], unique: true, where: "status = 'live'::status", using: null },
    { name: "documents_search_gin", elements: [{ column: "search" }], unique: false, where: null, using: "gin" },
    { name: "documents_tags", elements: [{ column: "tags" }, { expression: "(meta ->> 'v'::text)" }], unique: false, where: null, using: null },
  ],
  comment: "Documents, with 'quotes' and \\ backslashes",
};

const labels: TableSchema = {
  schema: null,
  name: "labels",
  columns: [col("id", { kind: "smallint" }, { nullable: false }), col("name", { kind: "text" }, { nullable: false, collation: "POSIX" })],
  primaryKey: { name: "labels_pkey", columns: ["id"] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  comment: null,
};

describe.skipIf(!available)("postgres reflection", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit();
    await kit.conn.query('CREATE SCHEMA "billing"');
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("reflects a compiled rich schema back to deep-equal TableSchemas", async () => {
    await kit.apply(
      { kind: "createEnum", enum: status },
      { kind: "createEnum", enum: tier },
      { kind: "createTable", table: accounts },
      { kind: "createTable", table: labels },
      { kind: "createTable", table: documents },
    );
    const db = await postgresDialect.reflect(kit.conn, { schemas: ["public", "billing"] });
    // Tables in the current schema (public) report schema null and sort first.
    const expected: DatabaseSchema = { tables: [documents, labels, accounts], enums: [status, tier] };
    const { schemas, ...rest } = db;
    expect(rest).toEqual(expected);
    // Every schema but the system's, with the one read marked and its tables counted.
    expect(schemas).toEqual([
      { name: "billing", current: false, tables: 1, read: true },
      { name: "public", current: true, tables: 2, read: true },
    ]);
  });

  it("reports DEFAULT NULL as no default, whether or not PostgreSQL stored it", async () => {
    const nullDefault = { default: { kind: "literal" as const, value: null } };
    await kit.apply(
      { kind: "addColumn", table: "labels", column: col("n_text", { kind: "text" }, nullDefault) },
      { kind: "addColumn", table: "labels", column: col("n_varchar", { kind: "varchar", length: 3 }, nullDefault) },
    );
    const stored = await kit.conn.query("SELECT count(*)::int AS n FROM pg_attrdef WHERE adrelid = 'labels'::regclass");
    expect(stored).toEqual([{ n: 1 }]);
    const reflected = await postgresDialect.reflectTable(kit.conn, { name: "labels" });
    expect(reflected?.columns.slice(2).map((c) => c.default)).toEqual([null, null]);
    await kit.apply({ kind: "dropColumn", table: "labels", column: "n_text" }, { kind: "dropColumn", table: "labels", column: "n_varchar" });
  });

  it("reflects only the current schema by default, and reflectTable reads one table", async () => {
    const db = await postgresDialect.reflect(kit.conn);
    expect(db.tables.map((t) => t.name)).toEqual(["documents", "labels"]);
    expect(db.enums).toEqual([status]);
    expect(await postgresDialect.reflectTable(kit.conn, { name: "labels" })).toEqual(labels);
    expect(await postgresDialect.reflectTable(kit.conn, { schema: "billing", name: "accounts" })).toEqual(accounts);
    expect(await postgresDialect.reflectTable(kit.conn, { name: "accounts" })).toBeUndefined();
  });

  it("reads the current schema plus alsoSchemas (the model's), every schema with allSchemas, and an explicit list as given", async () => {
    const also = await postgresDialect.reflect(kit.conn, { alsoSchemas: ["billing", "missing"] });
    expect(also.tables.map((t) => `${t.schema ?? ""}.${t.name}`)).toEqual([".documents", ".labels", "billing.accounts"]);
    expect(also.enums).toEqual([status, tier]);
    expect(also.schemas?.map((s) => [s.name, s.read])).toEqual([["billing", true], ["public", true]]);
    const all = await postgresDialect.reflect(kit.conn, { allSchemas: true, schemas: ["public"] });
    expect(all.tables.map((t) => t.name)).toEqual(["documents", "labels", "accounts"]);
    const explicit = await postgresDialect.reflect(kit.conn, { schemas: ["billing"], alsoSchemas: ["public"] });
    expect(explicit.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["billing.accounts"]);
    expect(explicit.schemas?.map((s) => [s.name, s.read])).toEqual([["billing", true], ["public", false]]);
  });

  it("tells whether a CREATE or DROP SCHEMA took effect (resume probes it)", async () => {
    expect(await statementEffect(kit.conn, postgresDialect, 'CREATE SCHEMA "billing"')).toBe("present");
    expect(await statementEffect(kit.conn, postgresDialect, 'CREATE SCHEMA "Billing"')).toBe("absent");
    expect(await statementEffect(kit.conn, postgresDialect, 'DROP SCHEMA "gone"')).toBe("present");
    expect(await statementEffect(kit.conn, postgresDialect, "DROP SCHEMA billing")).toBe("absent");
  });

  it("applies includeTables and excludeTables inside the queries", async () => {
    const include = await postgresDialect.reflect(kit.conn, { schemas: ["public", "billing"], includeTables: ["labels", "billing.accounts"] });
    expect(include.tables.map((t) => t.name)).toEqual(["labels", "accounts"]);
    const exclude = await postgresDialect.reflect(kit.conn, { schemas: ["public", "billing"], excludeTables: ["documents", "billing.accounts"] });
    expect(exclude.tables.map((t) => t.name)).toEqual(["labels"]);
  });

  it("reports partitions as partitions of their parent (not as plain tables, without the parent's indexes and keys), views as no table, and no indexes backing constraints", async () => {
    await kit.conn.query(`CREATE VIEW doc_titles AS SELECT title FROM documents;
      CREATE TABLE measurements (at date NOT NULL, v int, PRIMARY KEY (at)) PARTITION BY RANGE (at);
      CREATE INDEX measurements_v ON measurements (v);
      CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`);
    const db = await postgresDialect.reflect(kit.conn);
    expect(db.tables.map((t) => t.name)).toEqual(["documents", "labels", "measurements", "measurements_2024"]);
    const [parent, child] = [db.tables[2]!, db.tables[3]!];
    expect(parent.partitionBy).toBe("RANGE (at)");
    expect(parent.partitionOf).toBeUndefined();
    expect(parent.indexes.map((i) => i.name)).toEqual(["measurements_v"]);
    expect(child.partitionOf).toEqual({ schema: null, table: "measurements", bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" });
    expect({ pk: child.primaryKey, indexes: child.indexes }).toEqual({ pk: null, indexes: [] });
    expect(db.tables[0]?.indexes.map((i) => i.name)).toEqual(documents.indexes.map((i) => i.name));
    await kit.conn.query("DROP VIEW doc_titles; DROP TABLE measurements");
  });

  it("reports a domain column as the domain, the domain as an object with its rules, and a serial-named sequence the column does not own as the default it is", async () => {
    await kit.conn.query(`CREATE SCHEMA copy;
      CREATE SEQUENCE films_id_seq;
      CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
      CREATE DOMAIN code AS varchar(8) NOT NULL DEFAULT 'none';
      CREATE TABLE films (
        id integer DEFAULT nextval('films_id_seq'::regclass) NOT NULL PRIMARY KEY,
        release_year year,
        "Code" code,
        other_id integer DEFAULT nextval('films_id_seq'::regclass))`);
    const films = await postgresDialect.reflectTable(kit.conn, { name: "films" });
    expect(films?.columns).toEqual([
      col("id", { kind: "integer" }, { nullable: false, default: { kind: "sql", sql: "nextval('films_id_seq'::regclass)" } }),
      col("release_year", { kind: "raw", sql: "year" }),
      col("Code", { kind: "raw", sql: "code" }),
      col("other_id", { kind: "integer" }, { default: { kind: "sql", sql: "nextval('films_id_seq'::regclass)" } }),
    ]);
    expect(films?.checks).toEqual([]);
    const domains = (await postgresDialect.reflect(kit.conn)).objects?.filter((o) => o.kind === "domain");
    expect(domains).toEqual([
      { kind: "domain", schema: null, name: "code", definition: "AS character varying(8) DEFAULT 'none'::character varying NOT NULL" },
      { kind: "domain", schema: null, name: "year", definition: "AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)" },
    ]);
    // A table built from the reflection (the domains, the shared sequence) enforces the same and reflects back equal.
    await kit.apply({ kind: "createTable", table: { ...films!, schema: "copy" } });
    expect(await postgresDialect.reflectTable(kit.conn, { schema: "copy", name: "films" })).toEqual({ ...films!, schema: "copy" });
    await expect(kit.conn.query("INSERT INTO copy.films (release_year) VALUES (1800)")).rejects.toThrow(/year_check/);
    await kit.conn.query("DROP SCHEMA copy CASCADE; DROP TABLE films; DROP SEQUENCE films_id_seq; DROP DOMAIN year; DROP DOMAIN code");
  });

  it("names what it does not manage (a comment on a policy, ordered-set aggregates, a child's own default on an inherited column): pull lists each by kind and name, compare reports each as unmanaged", async () => {
    await kit.conn.query(`CREATE TABLE pay (id int, at date);
      CREATE TABLE pay_2007 (CHECK (at >= '2007-01-01')) INHERITS (pay);
      ALTER TABLE ONLY pay_2007 ALTER COLUMN id SET DEFAULT 2007;
      CREATE RULE pay_insert_2007 AS ON INSERT TO pay WHERE new.at >= '2007-01-01' DO INSTEAD INSERT INTO pay_2007 VALUES (new.*);
      CREATE POLICY own_rows ON pay USING (id > 0);
      COMMENT ON POLICY own_rows ON pay IS 'for now';
      CREATE AGGREGATE my_pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_cont_float8_final)`);
    try {
      const db = await postgresDialect.reflect(kit.conn);
      expect(db.unmanagedObjects).toEqual(
        expect.arrayContaining([
          { kind: "inherited column override", schema: null, name: "id", table: "pay_2007", detail: "DEFAULT 2007" },
          { kind: "policy comment", schema: null, name: "own_rows", table: "pay", detail: "for now" },
          { kind: "aggregate", schema: null, name: "my_pct", table: null },
        ]),
      );
      expect((db.objects ?? []).some((o) => o.name === "my_pct")).toBe(false);
      // Rules, inheritance and policies are modelled, so they are no longer unmanaged.
      expect((db.objects ?? []).find((o) => o.kind === "policy")).toMatchObject({ name: "own_rows", table: "pay", policy: { using: "(id > 0)" } });
      expect((db.unmanagedObjects ?? []).filter((u) => u.name === "pay_insert_2007" || u.name === "pay_2007")).toEqual([]);
      expect(db.tables.find((t) => t.name === "pay_2007")).toMatchObject({ inherits: [{ schema: null, table: "pay" }], columns: [] });
      expect((db.objects ?? []).find((o) => o.kind === "rule")).toMatchObject({ name: "pay_insert_2007", table: "pay", dependsOn: ["table:.pay", "table:.pay_2007"] });
      const header = renderSchemaModule(db, { dialect: "postgres" }).split("\n").filter((l) => l.includes("not in this file"));
      expect(header).toEqual(
        expect.arrayContaining([
          expect.stringContaining("inherited column override id on pay_2007 (DEFAULT 2007) is not in this file"),
          expect.stringContaining("policy comment own_rows on pay (for now) is not in this file"),
          expect.stringContaining("aggregate my_pct is not in this file"),
        ]),
      );
      const unmanaged = compareSchemas({ ...db, unmanagedObjects: undefined }, db, { capabilities: postgresDialect.capabilities, normalize: postgresDialect.normalizeSchema }).unmanaged;
      expect(unmanaged).toEqual(expect.arrayContaining([expect.stringMatching(/^inherited column override id on pay_2007 \(DEFAULT 2007\): the database holds it and athanor does not manage inherited column overrides/)]));
    } finally {
      await kit.conn.query("DROP AGGREGATE my_pct(float8 ORDER BY float8); DROP TABLE pay CASCADE");
    }
  });

  it("reads comments on constraints, indexes and enum types into the model; one on a key's own index stays unmanaged", async () => {
    await kit.conn.query(`CREATE TYPE tone AS ENUM ('calm');
      COMMENT ON TYPE tone IS 'how it sounds';
      CREATE TABLE bill (id int PRIMARY KEY, amount numeric, tone tone, code text CONSTRAINT bill_code_key UNIQUE, during tstzrange,
        CONSTRAINT bill_no_overlap EXCLUDE USING gist (during WITH &&));
      COMMENT ON CONSTRAINT bill_no_overlap ON bill IS 'one at a time';
      ALTER TABLE bill ADD CONSTRAINT bill_amount_small CHECK (amount < 100);
      COMMENT ON CONSTRAINT bill_amount_small ON bill IS 'for now';
      COMMENT ON CONSTRAINT bill_pkey ON bill IS 'one per bill';
      CREATE INDEX bill_amount ON bill (amount);
      COMMENT ON INDEX bill_amount IS 'reports';
      COMMENT ON INDEX bill_code_key IS 'on the index, not the constraint';
      CREATE INDEX bill_plain ON bill (tone)`);
    try {
      const db = await postgresDialect.reflect(kit.conn);
      const bill = db.tables.find((t) => t.name === "bill")!;
      expect(bill.checks.find((c) => c.name === "bill_amount_small")).toMatchObject({ comment: "for now" });
      expect(bill.primaryKey).toMatchObject({ name: "bill_pkey", comment: "one per bill" });
      expect(bill.indexes.find((i) => i.name === "bill_amount")).toMatchObject({ comment: "reports" });
      expect(bill.indexes.find((i) => i.name === "bill_plain")).not.toHaveProperty("comment");
      expect(bill.uniques.find((u) => u.name === "bill_code_key")).not.toHaveProperty("comment");
      // An exclusion constraint's comment is the constraint's, though it is read with its index.
      expect(bill.exclusions?.find((x) => x.name === "bill_no_overlap")).toMatchObject({ comment: "one at a time" });
      expect(db.enums.find((e) => e.name === "tone")).toEqual({ schema: null, name: "tone", values: ["calm"], comment: "how it sounds" });
      const ours = (db.unmanagedObjects ?? []).filter((u) => u.table === "bill" || u.name === "tone");
      expect(ours).toEqual([{ kind: "index comment", schema: null, name: "bill_code_key", table: "bill", detail: "on the index, not the constraint" }]);
      const unmanaged = compareSchemas({ ...db, unmanagedObjects: undefined }, db, dialectCompareOptions(postgresDialect)).unmanaged;
      expect(unmanaged).toEqual(expect.arrayContaining([expect.stringMatching(/^index comment bill_code_key on bill .*athanor does not manage/)]));
    } finally {
      await kit.conn.query("DROP TABLE bill; DROP TYPE tone");
    }
  });

  it("reads a foreign key added NOT VALID as notValid, creates it so again (also on a new table), validates it in place and pulls it", async () => {
    await kit.conn.query(`CREATE TABLE client (id int PRIMARY KEY);
      CREATE TABLE invoice (id int PRIMARY KEY, client_id int, payer_id int);
      INSERT INTO invoice VALUES (1, 7, NULL);
      ALTER TABLE invoice ADD CONSTRAINT invoice_client_fkey FOREIGN KEY (client_id) REFERENCES client (id) NOT VALID;
      ALTER TABLE invoice ADD CONSTRAINT invoice_payer_fkey FOREIGN KEY (payer_id) REFERENCES client (id) NOT VALID`);
    try {
      const invoice = (await kit.table("invoice"))!;
      expect(invoice.foreignKeys.map((fk) => [fk.name, fk.notValid])).toEqual([
        ["invoice_client_fkey", true],
        ["invoice_payer_fkey", true],
      ]);
      expect(((await postgresDialect.reflect(kit.conn)).unmanagedObjects ?? []).filter((u) => u.table === "invoice")).toEqual([]);
      expect(renderSchemaModule({ tables: [invoice], enums: [] }, { dialect: "postgres" })).toContain('foreignKey(["client_id"], "client", ["id"], { name: "invoice_client_fkey", notValid: true })');
      // Created from the model: the table empty, the key still NOT VALID, as the catalog says.
      const copy = { ...invoice, name: "invoice_copy", primaryKey: { ...invoice.primaryKey!, name: "invoice_copy_pkey" }, foreignKeys: invoice.foreignKeys.map((fk) => ({ ...fk, name: `${fk.name}_copy` })) };
      await kit.apply({ kind: "createTable", table: copy });
      expect(await kit.rows("SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'invoice_copy'::regclass AND contype = 'f' ORDER BY conname")).toEqual([
        { conname: "invoice_client_fkey_copy", convalidated: false },
        { conname: "invoice_payer_fkey_copy", convalidated: false },
      ]);
      // Validated in the model: VALIDATE CONSTRAINT, in place. The payer key holds (no row names a payer) and becomes valid;
      // the client key does not, and the row that breaks it stops the change.
      const validated = { ...invoice, foreignKeys: invoice.foreignKeys.map(({ notValid: _notValid, ...fk }) => fk) };
      const ops = compareSchemas({ tables: [validated], enums: [] }, { tables: [invoice], enums: [] }, dialectCompareOptions(postgresDialect)).operations;
      expect(ops.map((o) => o.kind === "validateConstraint" && o.name)).toEqual(["invoice_client_fkey", "invoice_payer_fkey"]);
      await kit.apply(ops[1]!);
      expect((await kit.table("invoice"))!.foreignKeys.map((fk) => [fk.name, fk.notValid])).toEqual([
        ["invoice_client_fkey", true],
        ["invoice_payer_fkey", undefined],
      ]);
      await expect(kit.apply(ops[0]!)).rejects.toThrow(/violates foreign key constraint/);
      // The downgrade of the validation makes the payer key NOT VALID again (drop, add NOT VALID).
      await kit.apply(...reverseOperation(ops[1]!));
      expect((await kit.table("invoice"))!.foreignKeys.map((fk) => [fk.name, fk.notValid])).toEqual([
        ["invoice_client_fkey", true],
        ["invoice_payer_fkey", true],
      ]);
    } finally {
      await kit.conn.query("DROP TABLE invoice; DROP TABLE IF EXISTS invoice_copy; DROP TABLE client");
    }
  });

  it("reads an exclusion constraint from its index and pg_constraint, creates it back the same, and pulls it", async () => {
    await kit.conn.query(`CREATE EXTENSION IF NOT EXISTS btree_gist;
      CREATE TABLE booking (id int PRIMARY KEY, room_id int NOT NULL, starts timestamptz, ends timestamptz, during tstzrange, cancelled boolean NOT NULL DEFAULT false, note text,
        CONSTRAINT booking_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled),
        CONSTRAINT booking_span EXCLUDE USING gist (tstzrange(starts, ends) WITH &&) INCLUDE (note) DEFERRABLE INITIALLY DEFERRED)`);
    try {
      const booking = (await kit.table("booking"))!;
      expect(booking.exclusions).toEqual([
        { name: "booking_no_overlap", using: "gist", elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&" }], where: "NOT cancelled" },
        { name: "booking_span", using: "gist", elements: [{ expression: "tstzrange(starts, ends)", operator: "&&" }], include: ["note"], deferrable: true, initiallyDeferred: true },
      ]);
      // Its index is the constraint's, not an index of the table.
      expect(booking.indexes).toEqual([]);
      expect(((await postgresDialect.reflect(kit.conn)).unmanagedObjects ?? []).filter((u) => u.table === "booking")).toEqual([]);
      const pulled = renderSchemaModule({ tables: [booking], enums: [] }, { dialect: "postgres" });
      // The printer wraps long calls; the words are what count.
      const flat = pulled.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/,? \)/g, ")").replace(/, \}/g, " }");
      expect(flat).toContain('exclude([["room_id", "="], ["during", "&&"]], { name: "booking_no_overlap", using: "gist", where: "NOT cancelled" })');
      expect(flat).toContain('exclude([{ expression: "tstzrange(starts, ends)", operator: "&&" }], { name: "booking_span", using: "gist", include: ["note"], deferrable: true, initiallyDeferred: true })');
      // Created from what reflection read, PostgreSQL prints the same definitions back.
      const defs = async (table: string) => (await kit.rows(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '${table}'::regclass AND contype = 'x' ORDER BY conname`)).map((r) => r.def);
      const copy = { ...booking, name: "booking_copy", primaryKey: { ...booking.primaryKey!, name: "booking_copy_pkey" }, exclusions: booking.exclusions!.map((x) => ({ ...x, name: `${x.name}_copy` })) };
      await kit.apply({ kind: "createTable", table: copy });
      expect(await defs("booking_copy")).toEqual(await defs("booking"));
      // And compare finds nothing to do between the model that says it and the database.
      const again = (await kit.table("booking_copy"))!;
      expect(compareSchemas({ tables: [copy], enums: [] }, { tables: [again], enums: [] }, dialectCompareOptions(postgresDialect)).operations).toEqual([]);
    } finally {
      await kit.conn.query("DROP TABLE booking; DROP TABLE IF EXISTS booking_copy");
    }
  });

  it("reads a CHECK added NOT VALID as notValid, creates it so again (also on a new table) and pulls it", async () => {
    await kit.conn.query(`CREATE TABLE fee (id int PRIMARY KEY, amount numeric);
      INSERT INTO fee VALUES (1, -5);
      ALTER TABLE fee ADD CONSTRAINT fee_positive CHECK (amount > 0) NOT VALID;
      ALTER TABLE fee ADD CONSTRAINT fee_small CHECK (amount < 100)`);
    try {
      const fee = await kit.table("fee");
      expect(fee!.checks).toEqual([
        { name: "fee_positive", expression: "amount > 0::numeric", notValid: true },
        { name: "fee_small", expression: "amount < 100::numeric" },
      ]);
      expect(renderSchemaModule({ tables: [fee!], enums: [] }, { dialect: "postgres" })).toContain('check("amount > 0::numeric", { name: "fee_positive", notValid: true })');
      // Created from the model: the table empty, the check still NOT VALID, as the catalog says.
      await kit.apply({ kind: "createTable", table: { ...fee!, name: "fee_copy", primaryKey: { ...fee!.primaryKey!, name: "fee_copy_pkey" }, checks: fee!.checks.map((c) => ({ ...c, name: `${c.name}_copy` })) } });
      expect(await kit.rows("SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'fee_copy'::regclass AND contype = 'c' ORDER BY conname")).toEqual([
        { conname: "fee_positive_copy", convalidated: false },
        { conname: "fee_small_copy", convalidated: true },
      ]);
      // Validated in the model: VALIDATE CONSTRAINT, and the row that breaks it stops the change.
      const model = { tables: [{ ...fee!, checks: fee!.checks.map((c) => withoutNotValid(c)) }], enums: [] };
      const ops = compareSchemas(model, { tables: [fee!], enums: [] }, dialectCompareOptions(postgresDialect)).operations;
      expect(ops.map((o) => o.kind)).toEqual(["validateConstraint"]);
      await expect(kit.apply(...ops)).rejects.toThrow(/violated by some row/);
    } finally {
      await kit.conn.query("DROP TABLE fee; DROP TABLE IF EXISTS fee_copy");
    }
  });

  it("uses the same number of queries for 10 tables as for 500", async () => {
    const reflectCount = async (): Promise<{ queries: number; tables: number }> => {
      const before = kit.conn.queryCount;
      const db = await postgresDialect.reflect(kit.conn, { schemas: ["bulk"] });
      return { queries: kit.conn.queryCount - before, tables: db.tables.length };
    };
    const create = (from: number, to: number): string =>
      Array.from({ length: to - from }, (_, k) => {
        const i = from + k;
        return `CREATE TABLE bulk.t${i} (id serial PRIMARY KEY, ref int REFERENCES bulk.t0 (id), name text UNIQUE, CHECK (id > 0));
                CREATE INDEX t${i}_name ON bulk.t${i} (lower(name)); COMMENT ON TABLE bulk.t${i} IS 'table ${i}';`;
      }).join("\n");
    await kit.conn.query(`CREATE SCHEMA bulk; CREATE TABLE bulk.t0 (id serial PRIMARY KEY);`);
    await kit.conn.query(create(1, 10));
    const ten = await reflectCount();
    expect(ten.tables).toBe(10);
    await kit.conn.query(create(10, 500));
    const fiveHundred = await reflectCount();
    expect(fiveHundred.tables).toBe(500);
    expect(fiveHundred.queries).toBe(ten.queries);
    // One for the schemas, five for tables and enums, one for views, routines, aggregates, domains, triggers, extensions and sequences,
    // one for view options (pg_class.reloptions), one for what the model cannot hold (reflect-unmanaged.ts).
    expect(ten.queries).toBeLessThanOrEqual(9);
  });
});
