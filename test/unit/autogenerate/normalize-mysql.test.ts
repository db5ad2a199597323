import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { normalizeMysqlSchema } from "../../../src/dialects/mysql/compare.js";
import { foldMysqlSpellings } from "../../../src/dialects/mysql/expression-spellings.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, MYSQL_CAPS, tbl } from "./fixtures.js";

const options = { capabilities: MYSQL_CAPS, normalize: normalizeMysqlSchema, foldExpression: foldMysqlSpellings };

/** The model side. */
const model: DatabaseSchema = db(
  [
    tbl(
      "users",
      [
        col("id", "bigint", { nullable: false, generated: { kind: "identity", always: true } }),
        col("email", "varchar", { nullable: false }),
        col("token", "uuid"),
        col("data", "jsonb"),
        col("active", "boolean", { nullable: false, default: { kind: "literal", value: true } }),
        col("legacy_flag", { kind: "raw", sql: "TINYINT(1)" }, { default: { kind: "literal", value: "0" } }),
        col("level", { kind: "raw", sql: "MEDIUMINT(8) UNSIGNED" }),
        col("mood", { kind: "enum", name: "mood", values: ["sad", "ok"] }, { default: { kind: "literal", value: "ok" } }),
        col("created_at", "timestamp", { nullable: false, default: { kind: "sql", sql: "now()" }, onUpdate: "current_timestamp()" }),
        col("seen_at", { kind: "timestamp", withTimezone: true, precision: 0 }),
        col("amount", "numeric", { default: { kind: "sql", sql: "1.50" } }),
        col("code", "char"),
        col("digest", { kind: "binary", fixed: true }),
        col("bio", { kind: "text", size: "medium" }, { comment: "", collation: "utf8_general_ci" }),
        col("org_id", "integer"),
      ],
      {
        primaryKey: { name: "users_pkey", columns: ["id"] },
        foreignKeys: [{ name: "users_org_id_fkey", columns: ["org_id"], referencedTable: "orgs", referencedColumns: ["id"], onDelete: "RESTRICT", onUpdate: null }],
        checks: [
          { name: "ck_mood", expression: "mood IN ('sad', 'ok')" },
          { name: "ck_active", expression: "(active = 1 AND email <> '') OR NOT active" },
        ],
        indexes: [
          { name: "ux_users_email", elements: [{ column: "email" }], unique: true, using: "BTREE" },
          { name: "ix_users_active", elements: [{ column: "active" }], unique: false, where: "active" },
        ],
        comment: "",
      },
    ),
    tbl("orgs", [col("id", "integer", { nullable: false })], { primaryKey: { name: "orgs_pkey", columns: ["id"] } }),
  ],
  [{ name: "mood", values: ["sad", "ok"] }],
);

/** The database side, as MySQL/MariaDB reflection reports it. */
const reflected: DatabaseSchema = db([
  tbl(
    "users",
    [
      col("id", "bigint", { nullable: false, generated: { kind: "autoincrement" } }),
      col("email", { kind: "varchar", length: 255 }, { nullable: false }),
      col("token", { kind: "char", length: 36 }),
      col("data", "json"),
      col("active", "boolean", { nullable: false, default: { kind: "literal", value: true } }),
      col("legacy_flag", "boolean", { default: { kind: "literal", value: false } }),
      col("level", { kind: "raw", sql: "mediumint unsigned" }),
      col("mood", { kind: "enum", name: "mood_column", values: ["sad", "ok"] }, { default: { kind: "sql", sql: "'ok'" } }),
      col("created_at", "timestamp", { nullable: false, default: { kind: "sql", sql: "current_timestamp()" }, onUpdate: "CURRENT_TIMESTAMP" }),
      col("seen_at", { kind: "timestamp", withTimezone: true }),
      col("amount", { kind: "numeric", precision: 10, scale: 0 }, { default: { kind: "literal", value: 1.5 } }),
      col("code", { kind: "char", length: 1 }),
      col("digest", { kind: "binary", length: 1, fixed: true }),
      col("bio", { kind: "text", size: "medium" }, { comment: null, collation: "utf8mb3_general_ci" }),
      col("org_id", "integer"),
    ],
    {
      primaryKey: { name: null, columns: ["id"] },
      foreignKeys: [{ name: "users_org_id_fkey", columns: ["org_id"], referencedSchema: null, referencedTable: "orgs", referencedColumns: ["id"], onDelete: null, onUpdate: null }],
      uniques: [{ name: "ux_users_email", columns: ["email"] }],
      checks: [
        { name: "ck_active", expression: "`active` = 1 and `email` <> '' or  not `active`" },
        { name: "ck_mood", expression: "(`mood` in (_utf8mb4'sad',_utf8mb4'ok'))" },
      ],
      indexes: [
        { name: "PRIMARY", elements: [{ column: "id" }], unique: true },
        { name: "ix_users_active", elements: [{ column: "active" }], unique: false, where: null, using: null },
        { name: "users_org_id_fkey", elements: [{ column: "org_id" }], unique: false, using: "BTREE" },
      ],
      comment: null,
    },
  ),
  tbl("orgs", [col("id", "integer", { nullable: false })], { primaryKey: { name: null, columns: ["id"] } }),
]);

describe("normalizeMysqlSchema", () => {
  it("makes a model and its reflection compare equal (no phantom changes)", () => {
    const result = compareSchemas(model, reflected, options);
    expect(result.operations).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("does not change the schema it is given", () => {
    const copy = structuredClone(model);
    normalizeMysqlSchema(model);
    expect(model).toEqual(copy);
  });

  it("makes primary-key columns NOT NULL, as MariaDB does even when they are declared nullable", () => {
    const t = db([tbl("t", [col("a", "text"), col("b", "integer"), col("c", "text")], { primaryKey: { name: null, columns: ["a", "b"] } })]);
    expect(normalizeMysqlSchema(t).tables[0]!.columns.map((c) => c.nullable)).toEqual([false, false, true]);
  });

  it("has no enum types, and keeps enum columns inline", () => {
    const normalized = normalizeMysqlSchema(model);
    expect(normalized.enums).toEqual([]);
    expect(normalized.tables[0]!.columns.find((c) => c.name === "mood")!.type).toEqual({ kind: "enum", name: "mood", values: ["sad", "ok"] });
  });

  it("turns a plain unique index into a unique constraint and drops the foreign key's own index", () => {
    const users = normalizeMysqlSchema(reflected).tables[0]!;
    expect(users.uniques).toEqual([{ name: "ux_users_email", columns: ["email"] }]);
    expect(users.indexes.map((i) => i.name)).toEqual(["ix_users_active"]);
    expect(normalizeMysqlSchema(model).tables[0]!.uniques).toEqual([{ name: "ux_users_email", columns: ["email"] }]);
  });

  it("reads a unique HASH index on plain columns (MariaDB's long unique key) as a unique constraint", () => {
    const hashed = db([tbl("t", [col("a", "text")], { indexes: [{ name: "ux_a", elements: [{ column: "a" }], unique: true, where: null, using: "HASH" }] })]);
    const model = db([tbl("t", [col("a", "text")], { uniques: [{ name: "ux_a", columns: ["a"] }] })]);
    expect(normalizeMysqlSchema(hashed).tables[0]!.uniques).toEqual([{ name: "ux_a", columns: ["a"] }]);
    expect(compareSchemas(model, hashed, options).operations).toEqual([]);
  });

  it("matches an index on a whole TEXT column with the prefix MariaDB cut it to, and no other", () => {
    const ix = (element: object) => db([tbl("t", [col("a", "text")], { indexes: [{ name: "ix_a", elements: [{ column: "a", ...element }], unique: false, where: null, using: null }] })]);
    expect(compareSchemas(ix({}), ix({ length: 768, lengthImplied: true }), options).operations).toEqual([]);
    expect(describeOps(compareSchemas(ix({}), ix({ length: 768 }), options).operations)).toEqual(["dropIndex t.ix_a", "createIndex t.ix_a"]);
  });

  it("keeps the WHERE of a unique partial index so that compile can refuse it", () => {
    const partial = db([tbl("t", [col("a")], { indexes: [{ name: "ux", elements: [{ column: "a" }], unique: true, where: "a > 0" }] })]);
    expect(normalizeMysqlSchema(partial).tables[0]!.indexes).toMatchObject([{ name: "ux", where: "a > 0" }]);
  });

  it("still reports real differences: enum values, text sizes, lengths", () => {
    const t = (column: ReturnType<typeof col>) => db([tbl("t", [column])]);
    expect(describeOps(compareSchemas(t(col("a", { kind: "enum", name: "e", values: ["x", "y"] })), t(col("a", { kind: "enum", name: "a", values: ["x"] })), options).operations)).toEqual(["alterColumn t.a"]);
    expect(describeOps(compareSchemas(t(col("a", { kind: "text", size: "long" })), t(col("a", "text")), options).operations)).toEqual(["alterColumn t.a"]);
    expect(describeOps(compareSchemas(t(col("a", "varchar")), t(col("a", { kind: "varchar", length: 100 })), options).operations)).toEqual(["alterColumn t.a"]);
  });
});
