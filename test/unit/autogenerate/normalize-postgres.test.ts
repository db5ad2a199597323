import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { normalizePostgresSchema } from "../../../src/dialects/postgres/compare.js";
import { foldPostgresSpellings } from "../../../src/dialects/postgres/expression-spellings.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, PG_CAPS, tbl } from "./fixtures.js";

const options = { capabilities: PG_CAPS, normalize: normalizePostgresSchema, foldExpression: foldPostgresSpellings };

/** The model side: written the way schema.ts produces it. */
const model: DatabaseSchema = db(
  [
    tbl(
      "users",
      [
        col("id", "integer", { nullable: false, generated: { kind: "identity", always: false } }),
        col("email", { kind: "varchar", length: 255 }, { nullable: false }),
        col("nick", "varchar"),
        col("mood", { kind: "enum", name: "mood", values: ["sad", "ok"] }, { default: { kind: "literal", value: "ok" } }),
        col("created_at", { kind: "timestamp", withTimezone: true }, { nullable: false, default: { kind: "sql", sql: "now()" } }),
        col("updated_at", { kind: "timestamp", withTimezone: false }, { onUpdate: "CURRENT_TIMESTAMP" }),
        col("active", "boolean", { nullable: false, default: { kind: "literal", value: true } }),
        col("score", { kind: "integer", unsigned: true }, { default: { kind: "literal", value: "0" } }),
        col("delta", "integer", { default: { kind: "literal", value: -1 } }),
        col("price", { kind: "numeric", precision: 10, scale: 2, unsigned: true }, { default: { kind: "literal", value: 1.5 } }),
        col("qty", { kind: "numeric", precision: 8 }),
        col("bio", { kind: "text", size: "medium" }, { comment: "about", collation: "default" }),
        col("code", "char"),
        col("label", { kind: "varchar", length: 5 }, { default: { kind: "literal", value: "x" } }),
        col("data", "jsonb", { default: { kind: "sql", sql: "'{}'" } }),
        col("avatar", { kind: "binary", length: 16, fixed: true }),
        col("tags", { kind: "array", of: { kind: "text" }, dimensions: 1 }),
        col("team_id", "integer"),
      ],
      {
        primaryKey: { name: null, columns: ["id"] },
        uniques: [{ name: "users_email_key", columns: ["email"] }],
        foreignKeys: [{ name: "users_team_id_fkey", columns: ["team_id"], referencedTable: "teams", referencedColumns: ["id"], onDelete: "NO ACTION", onUpdate: "CASCADE" }],
        checks: [
          { name: "users_price_check", expression: "price >= 0" },
          { name: "ck_label", expression: "label IN ('x', 'y')" },
          { name: "ck_between", expression: "delta BETWEEN -5 AND 5" },
          { name: "ck_mixed", expression: "price * qty > 0 OR score IS NULL" },
          { name: "ck_email", expression: "email LIKE '%@%'" },
        ],
        indexes: [
          { name: "ix_users_lower_email", elements: [{ expression: "lower(email)" }], unique: false, using: "btree" },
          { name: "ix_users_active_score", elements: [{ column: "score", descending: true }], unique: false, where: "active AND score > 0" },
        ],
        comment: "people",
      },
    ),
    tbl("teams", [col("id", "integer", { nullable: false, generated: { kind: "autoincrement" } })], { primaryKey: { name: null, columns: ["id"] } }),
  ],
  [{ name: "mood", values: ["sad", "ok"] }],
);

/** The database side: what PostgreSQL reflection reports for the same tables. */
const reflected: DatabaseSchema = db(
  [
    tbl(
      "users",
      [
        col("id", "integer", { nullable: false, generated: { kind: "identity", always: false }, default: null }),
        col("email", { kind: "varchar", length: 255 }, { nullable: false }),
        col("nick", "varchar"),
        col("mood", { kind: "enum", name: "mood", values: ["sad", "ok"], schema: null }, { default: { kind: "sql", sql: "'ok'::mood" } }),
        col("created_at", { kind: "timestamp", withTimezone: true }, { nullable: false, default: { kind: "sql", sql: "now()" } }),
        col("updated_at", "timestamp"),
        col("active", "boolean", { nullable: false, default: { kind: "sql", sql: "true" } }),
        col("score", "integer", { default: { kind: "literal", value: 0 } }),
        col("delta", "integer", { default: { kind: "sql", sql: "'-1'::integer" } }),
        col("price", { kind: "numeric", precision: 10, scale: 2 }, { default: { kind: "sql", sql: "1.5" } }),
        col("qty", { kind: "numeric", precision: 8, scale: 0 }),
        col("bio", "text", { comment: "about", collation: null }),
        col("code", { kind: "char", length: 1 }),
        col("label", { kind: "varchar", length: 5 }, { default: { kind: "sql", sql: "'x'::character varying" } }),
        col("data", "jsonb", { default: { kind: "sql", sql: "'{}'::jsonb" } }),
        col("avatar", "binary"),
        col("tags", { kind: "array", of: { kind: "text" } }),
        col("team_id", "integer"),
      ],
      {
        primaryKey: { name: "users_pkey", columns: ["id"] },
        uniques: [{ name: "users_email_key", columns: ["email"] }],
        foreignKeys: [
          { name: "users_team_id_fkey", columns: ["team_id"], referencedSchema: null, referencedTable: "teams", referencedColumns: ["id"], onDelete: null, onUpdate: "CASCADE", deferrable: false, initiallyDeferred: false },
        ],
        checks: [
          { name: "ck_between", expression: "delta >= '-5'::integer AND delta <= 5" },
          { name: "ck_email", expression: "email::text ~~ '%@%'::text" },
          { name: "ck_label", expression: "label::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::text[])" },
          { name: "ck_mixed", expression: "(price * qty) > 0::numeric OR score IS NULL" },
          { name: "users_price_check", expression: "price >= 0::numeric" },
        ],
        indexes: [
          { name: "ix_users_active_score", elements: [{ column: "score", descending: true }], unique: false, where: "active AND score > 0", using: null },
          { name: "ix_users_lower_email", elements: [{ expression: "lower(email::text)" }], unique: false, where: null, using: null },
        ],
        comment: "people",
      },
    ),
    tbl("teams", [col("id", "integer", { nullable: false, generated: { kind: "autoincrement" } })], { primaryKey: { name: "teams_pkey", columns: ["id"] } }),
  ],
  [{ schema: null, name: "mood", values: ["sad", "ok"] }],
);

describe("normalizePostgresSchema", () => {
  it("makes a model and its reflection compare equal (no phantom changes)", () => {
    const result = compareSchemas(model, reflected, options);
    expect(result.operations).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("does not change the schema it is given", () => {
    const copy = structuredClone(model);
    normalizePostgresSchema(model);
    expect(model).toEqual(copy);
  });

  it("canonicalises defaults: casts stripped, numbers and booleans as values, now() kept as written", () => {
    const [users] = normalizePostgresSchema(reflected).tables;
    const byName = new Map(users!.columns.map((c) => [c.name, c.default]));
    expect(byName.get("label")).toEqual({ kind: "literal", value: "x" });
    expect(byName.get("delta")).toEqual({ kind: "literal", value: -1 });
    expect(byName.get("active")).toEqual({ kind: "literal", value: true });
    const [modelUsers] = normalizePostgresSchema(model).tables;
    expect(modelUsers!.columns.find((c) => c.name === "created_at")!.default).toEqual({ kind: "sql", sql: "now()" });
    expect(modelUsers!.columns.find((c) => c.name === "score")!.default).toEqual({ kind: "literal", value: 0 });
  });

  it("makes primary-key columns NOT NULL, as PostgreSQL does even when they are declared nullable", () => {
    const t = db([tbl("t", [col("a", "text"), col("b", "integer"), col("c", "text")], { primaryKey: { name: null, columns: ["a", "b"] } })]);
    expect(normalizePostgresSchema(t).tables[0]!.columns.map((c) => c.nullable)).toEqual([false, false, true]);
  });

  it("reads NULLS LAST ascending and NULLS FIRST descending as the order's own, and a pg_catalog schema as none", () => {
    const elements = [
      { column: "a", nulls: "last" as const },
      { column: "a", descending: true, nulls: "first" as const },
      { column: "a", nulls: "first" as const },
      { column: "a", descending: true, nulls: "last" as const },
      { column: "a", collation: "C", collationSchema: "pg_catalog", opclass: "text_ops", opclassSchema: "pg_catalog" },
      { column: "a", collation: "c", collationSchema: "s", opclass: "ops", opclassSchema: "s" },
      { column: "a", collation: "default" },
    ];
    const t = db([tbl("t", [col("a", "text")], { indexes: [{ name: "ix", elements, unique: false, where: null, using: null }] })]);
    expect(normalizePostgresSchema(t).tables[0]!.indexes[0]!.elements).toEqual([
      { column: "a" },
      { column: "a", descending: true },
      { column: "a", nulls: "first" },
      { column: "a", descending: true, nulls: "last" },
      { column: "a", collation: "C", opclass: "text_ops" },
      { column: "a", collation: "c", collationSchema: "s", opclass: "ops", opclassSchema: "s" },
      { column: "a" },
    ]);
  });

  it("drops an element's COLLATE that is its column's own (pg_get_indexdef prints none)", () => {
    const indexes = [{ name: "ix", elements: [{ column: "a", collation: "c", collationSchema: "s" }, { column: "b", collation: "c", collationSchema: "s" }], unique: false, where: null, using: null }];
    const t = db([tbl("t", [col("a", "text", { collation: "c", collationSchema: "s" }), col("b", "text", { collation: "c" })], { indexes })]);
    expect(normalizePostgresSchema(t).tables[0]!.indexes[0]!.elements).toEqual([{ column: "a" }, { column: "b", collation: "c", collationSchema: "s" }]);
  });

  it("names an unnamed primary key <table>_pkey", () => {
    expect(normalizePostgresSchema(model).tables[0]!.primaryKey).toEqual({ name: "users_pkey", columns: ["id"], include: [] });
  });

  it("keeps json and jsonb, serial and identity, varchar and varchar(n) apart", () => {
    const t = (column: ReturnType<typeof col>) => db([tbl("t", [column])]);
    expect(describeOps(compareSchemas(t(col("a", "json")), t(col("a", "jsonb")), options).operations)).toEqual(["alterColumn t.a"]);
    const serial = col("a", "integer", { nullable: false, generated: { kind: "autoincrement" } });
    const identity = col("a", "integer", { nullable: false, generated: { kind: "identity", always: true } });
    expect(describeOps(compareSchemas(t(serial), t(identity), options).operations)).toEqual(["alterColumn t.a"]);
    expect(describeOps(compareSchemas(t(col("a", "varchar")), t(col("a", { kind: "varchar", length: 10 })), options).operations)).toEqual(["alterColumn t.a"]);
  });

  it("changes a default between now() and CURRENT_TIMESTAMP, which pg_get_expr prints apart, and not between two cases of one", () => {
    const t = (sql: string) => db([tbl("t", [col("at", { kind: "timestamp", withTimezone: true }, { default: { kind: "sql", sql } })])]);
    const ops = compareSchemas(t("CURRENT_TIMESTAMP"), t("now()"), options).operations;
    expect(ops).toMatchObject([{ kind: "alterColumn", column: "at", default: { kind: "sql", sql: "CURRENT_TIMESTAMP" }, existingDefault: { kind: "sql", sql: "now()" } }]);
    expect(compareSchemas(t("current_timestamp"), t("CURRENT_TIMESTAMP"), options).operations).toEqual([]);
    expect(compareSchemas(t("NOW()"), t("now()"), options).operations).toEqual([]);
  });

  it("drops the index PostgreSQL keeps behind a unique constraint from the model side", () => {
    const withBackingIndex = db([
      tbl("t", [col("a")], { uniques: [{ name: "t_a_key", columns: ["a"] }], indexes: [{ name: "t_a_key", elements: [{ column: "a" }], unique: true }] }),
    ]);
    expect(normalizePostgresSchema(withBackingIndex).tables[0]!.indexes).toEqual([]);
  });

  it("reads a model default nextval('<table>_<column>_seq') as autoincrement, as reflection does", () => {
    const spelled = db([tbl("actor", [col("actor_id", "integer", { nullable: false, default: { kind: "sql", sql: "nextval('actor_actor_id_seq'::regclass)" } })])]);
    const serial = db([tbl("actor", [col("actor_id", "integer", { nullable: false, generated: { kind: "autoincrement" } })])]);
    expect(normalizePostgresSchema(spelled).tables[0]!.columns[0]).toMatchObject({ default: null, generated: { kind: "autoincrement" } });
    expect(compareSchemas(spelled, serial, options).operations).toEqual([]);
    // Another table's sequence (an INHERITS child drawing from its parent's) stays a plain default.
    const borrowed = db([tbl("payment_p1", [col("payment_id", "integer", { nullable: false, default: { kind: "sql", sql: "nextval('payment_payment_id_seq'::regclass)" } })])]);
    expect(normalizePostgresSchema(borrowed).tables[0]!.columns[0]).toMatchObject({ generated: null, default: { kind: "sql", sql: "nextval('payment_payment_id_seq'::regclass)" } });
  });
});
