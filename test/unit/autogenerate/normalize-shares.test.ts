/**
 * Normalisation and compare never change the schemas they are given — they share unchanged
 * parts instead of copying whole schemas — so both inputs are deep-frozen here: any write to
 * them throws (ES modules are strict).
 */
import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { normalizeMysqlSchema } from "../../../src/dialects/mysql/compare.js";
import { normalizePostgresSchema } from "../../../src/dialects/postgres/compare.js";
import { normalizeSqliteSchema } from "../../../src/dialects/sqlite/compare.js";
import { col, db, MYSQL_CAPS, PG_CAPS, SQLITE_CAPS, tbl } from "./fixtures.js";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function schema(variant: 0 | 1): DatabaseSchema {
  return db(
    [
      tbl(
        "orders",
        [
          col("id", "integer", { nullable: variant === 0, default: { kind: "sql", sql: "nextval('orders_id_seq'::regclass)" } }),
          col("status", { kind: "enum", name: "order_status", values: variant ? ["new", "paid", "sent"] : ["new", "paid"], schema: null }, { nullable: false, default: { kind: "literal", value: "new" } }),
          col("paid", "boolean", { default: { kind: "literal", value: variant ? 1 : "true" } }),
          col("total", { kind: "numeric", precision: 12 }, { comment: variant ? "sum" : "" }),
          col("user_id", "integer"),
          ...(variant ? [col("extra", "text")] : []),
        ],
        {
          primaryKey: { name: null, columns: ["id"] },
          foreignKeys: [{ name: "orders_user_id_fkey", columns: ["user_id"], referencedSchema: null, referencedTable: "users", referencedColumns: ["id"], onDelete: variant ? "CASCADE" : "NO ACTION" }],
          uniques: [{ name: "orders_total_key", columns: ["total"] }],
          checks: [{ name: "ck_total", expression: "total >= 0" }],
          indexes: [
            { name: "ix_orders_status", elements: [{ column: "status" }], unique: false, using: "BTREE", where: variant ? " status <> 'paid' " : null },
            { name: "orders_total_key", elements: [{ column: "total" }], unique: true },
          ],
          comment: variant ? "orders" : null,
        },
      ),
      tbl("users", [col("id", "integer", { nullable: false })], { primaryKey: { name: "users_pkey", columns: ["id"] } }),
    ],
    [{ schema: null, name: "order_status", values: variant ? ["new", "paid", "sent"] : ["new", "paid"] }],
  );
}

describe.each([
  ["postgres", normalizePostgresSchema, PG_CAPS],
  ["mysql", normalizeMysqlSchema, MYSQL_CAPS],
  ["sqlite", normalizeSqliteSchema, SQLITE_CAPS],
] as const)("%s normalisation", (_name, normalize, capabilities) => {
  it("leaves its input unchanged and compare finds the differences", () => {
    const target = deepFreeze(schema(1));
    const actual = deepFreeze(schema(0));
    const snapshot = JSON.stringify([target, actual]);
    expect(() => normalize(target)).not.toThrow();
    const result = compareSchemas(target, actual, { capabilities, normalize });
    expect(result.operations.length).toBeGreaterThan(0);
    expect(JSON.stringify([target, actual])).toBe(snapshot);
  });

  it("a schema compared with itself gives nothing to do", () => {
    const target = deepFreeze(schema(1));
    expect(compareSchemas(target, target, { capabilities, normalize }).operations).toEqual([]);
  });
});
