import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { normalizeSqliteSchema } from "../../../src/dialects/sqlite/compare.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, SQLITE_CAPS, tbl } from "./fixtures.js";

const options = { capabilities: SQLITE_CAPS, normalize: normalizeSqliteSchema };

/** The model side. */
const model: DatabaseSchema = db(
  [
    tbl(
      "orders",
      [
        col("id", "bigint", { nullable: false, generated: { kind: "identity", always: true } }),
        col("status", { kind: "enum", name: "order_status", values: ["new", "paid"], schema: "public" }, { nullable: false, default: { kind: "literal", value: "new" } }),
        col("paid", "boolean", { nullable: false, default: { kind: "literal", value: 0 } }),
        col("note", "text", { comment: "free text", default: { kind: "sql", sql: "'none'" } }),
        col("qty", { kind: "integer", unsigned: true }, { default: { kind: "literal", value: "1" } }),
        col("created_at", "timestamp", { default: { kind: "sql", sql: "CURRENT_TIMESTAMP" }, onUpdate: "CURRENT_TIMESTAMP" }),
        col("user_id", "integer"),
      ],
      {
        schema: "main",
        primaryKey: { name: "orders_pkey", columns: ["id"] },
        foreignKeys: [
          { name: "orders_user_id_fkey", columns: ["user_id"], referencedSchema: "main", referencedTable: "users", referencedColumns: ["id"], initiallyDeferred: true },
        ],
        checks: [{ name: "ck_qty", expression: "qty > 0" }],
        indexes: [{ name: "ix_orders_status", elements: [{ column: "status" }], unique: false, using: "btree", where: "status <> 'paid'" }],
        comment: "orders",
      },
    ),
    tbl("users", [col("id", "integer", { nullable: false })], { schema: "main", primaryKey: { name: "users_pkey", columns: ["id"] } }),
  ],
  [{ schema: "public", name: "order_status", values: ["new", "paid"] }],
);

/** The database side, as SQLite reflection reports it (enums read back from their CHECK). */
const reflected: DatabaseSchema = db([
  tbl(
    "orders",
    [
      col("id", "integer", { nullable: false, generated: { kind: "autoincrement" } }),
      col("status", { kind: "enum", name: "order_status", values: ["new", "paid"] }, { nullable: false, default: { kind: "literal", value: "new" } }),
      col("paid", "boolean", { nullable: false, default: { kind: "literal", value: false } }),
      col("note", "text", { default: { kind: "literal", value: "none" } }),
      col("qty", { kind: "integer", unsigned: true }, { default: { kind: "literal", value: 1 } }),
      col("created_at", "timestamp", { default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } }),
      col("user_id", "integer"),
    ],
    {
      primaryKey: { name: "orders_pkey", columns: ["id"] },
      foreignKeys: [
        { name: "orders_user_id_fkey", columns: ["user_id"], referencedSchema: null, referencedTable: "users", referencedColumns: [], onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false },
      ],
      checks: [{ name: "ck_qty", expression: "qty > 0" }],
      indexes: [
        { name: "ix_orders_status", elements: [{ column: "status" }], unique: false, where: "status <> 'paid'", using: null },
        { name: "sqlite_autoindex_orders_1", elements: [{ column: "id" }], unique: true },
      ],
    },
  ),
  tbl("users", [col("id", "integer", { nullable: false })], { primaryKey: { name: null, columns: ["id"] } }),
]);

describe("normalizeSqliteSchema", () => {
  it("makes a model and its reflection compare equal (no phantom changes)", () => {
    const result = compareSchemas(model, reflected, options);
    expect(result.operations).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("keeps an explicit NO ACTION apart from no clause: SQLite keeps the clause as written", () => {
    const withAction = (onDelete: "NO ACTION" | null) =>
      db([tbl("users", [col("id", "integer", { nullable: false })], { primaryKey: { name: null, columns: ["id"] } }), tbl("t", [col("u")], { foreignKeys: [{ name: null, columns: ["u"], referencedSchema: null, referencedTable: "users", referencedColumns: ["id"], onDelete }] })]);
    expect(compareSchemas(withAction("NO ACTION"), withAction("NO ACTION"), options).operations).toEqual([]);
    expect(describeOps(compareSchemas(withAction("NO ACTION"), withAction(null), options).operations)).toHaveLength(1);
    const [, t] = normalizeSqliteSchema(withAction("NO ACTION")).tables;
    expect(t!.foreignKeys[0]!.onDelete).toBe("NO ACTION");
  });

  it("keeps a number default spelt otherwise than it prints (0.0) as written, and reads other literal SQL as its value", () => {
    const column = (sqlText: string) => normalizeSqliteSchema(db([tbl("t", [col("r", "real", { default: { kind: "sql", sql: sqlText } })])])).tables[0]!.columns[0]!.default;
    expect(column("0.0")).toEqual({ kind: "sql", sql: "0.0" });
    expect(column("5")).toEqual({ kind: "literal", value: 5 });
  });

  it("does not change the schema it is given", () => {
    const copy = structuredClone(model);
    normalizeSqliteSchema(model);
    expect(model).toEqual(copy);
  });

  it("has no enum types, schemas or comments", () => {
    const normalized = normalizeSqliteSchema(model);
    expect(normalized.enums).toEqual([]);
    expect(normalized.tables.map((t) => t.schema)).toEqual([null, null]);
    expect(normalized.tables[0]!.comment).toBeNull();
    expect(normalized.tables[0]!.columns.find((c) => c.name === "note")!.comment).toBeNull();
  });

  it("matches an enum column whatever name its CHECK carries, by its values", () => {
    const t = (name: string, values: string[]) => db([tbl("t", [col("s", { kind: "enum", name, values })])]);
    expect(compareSchemas(t("order_status", ["a", "b"]), t("", ["a", "b"]), options).operations).toEqual([]);
    const changed = compareSchemas(t("order_status", ["a", "b", "c"]), t("order_status", ["a", "b"]), options).operations;
    expect(describeOps(changed)).toEqual(["batchAlterTable t [alterColumn t.s]"]);
  });

  it("declares an autoincrement column INTEGER and treats identity as autoincrement", () => {
    const [orders] = normalizeSqliteSchema(model).tables;
    expect(orders!.columns[0]).toMatchObject({ type: { kind: "integer" }, generated: { kind: "autoincrement" } });
  });

  it("lists foreign keys, uniques and checks in one order, whatever order the DDL declared them in", () => {
    const fkTo = (name: string | null, column: string, table: string) => ({ name, columns: [column], referencedSchema: null, referencedTable: table, referencedColumns: ["id"] });
    const t = (flip: boolean) => {
      const fks = [fkTo("fk_b", "b_id", "b"), fkTo("fk_a", "a_id", "a"), fkTo(null, "c_id", "c"), fkTo(null, "d_id", "d")];
      const uniques = [{ name: null, columns: ["d_id"] }, { name: null, columns: ["c_id"] }];
      const checks = [{ name: "ck", expression: "a_id > 0" }, { name: null, expression: "b_id > 0" }];
      const order = <T,>(items: T[]): T[] => (flip ? [...items].reverse() : items);
      return db([tbl("t", ["a_id", "b_id", "c_id", "d_id"].map((n) => col(n)), { foreignKeys: order(fks), uniques: order(uniques), checks: order(checks) })]);
    };
    const [one] = normalizeSqliteSchema(t(false)).tables;
    const [other] = normalizeSqliteSchema(t(true)).tables;
    expect(other).toEqual(one);
    expect(one!.foreignKeys.map((f) => f.name ?? f.columns[0])).toEqual(["fk_a", "fk_b", "c_id", "d_id"]);
    expect(one!.uniques.map((u) => u.columns[0])).toEqual(["c_id", "d_id"]);
    expect(one!.checks.map((c) => c.name)).toEqual(["ck", null]);
  });

  it("makes a single-column integer primary key NOT NULL: declared INTEGER, it is the rowid", () => {
    const t = (type: "integer" | "bigint" | "text", columns = ["k"]) =>
      normalizeSqliteSchema(db([tbl("t", [col("k", type), col("j", type)], { primaryKey: { name: null, columns } })])).tables[0]!.columns.map((c) => c.nullable);
    expect(t("integer")).toEqual([false, true]);
    // Not a rowid alias: SQLite lets these key columns hold NULL when declared nullable.
    expect(t("bigint")).toEqual([true, true]);
    expect(t("text")).toEqual([true, true]);
    expect(t("integer", ["k", "j"])).toEqual([true, true]);
    const unsigned = db([tbl("t", [col("k", { kind: "integer", unsigned: true })], { primaryKey: { name: null, columns: ["k"] } })]);
    expect(normalizeSqliteSchema(unsigned).tables[0]!.columns[0]!.nullable).toBe(true);
  });

  it("still reports a difference in unsigned, which the declared type keeps", () => {
    const t = (unsigned: boolean) => db([tbl("t", [col("n", { kind: "integer", unsigned })])]);
    expect(compareSchemas(t(true), t(false), options).operations).toHaveLength(1);
  });
});
