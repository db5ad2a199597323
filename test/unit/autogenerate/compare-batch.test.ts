import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import type { ForeignKeySchema, TableSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, SQLITE_CAPS, withId } from "./fixtures.js";

const sqlite = { capabilities: SQLITE_CAPS };
const fk = (table: string, column: string, referencedTable: string): ForeignKeySchema => ({
  name: `${table}_${column}_fkey`,
  columns: [column],
  referencedTable,
  referencedColumns: ["id"],
});

describe("compareSchemas without in-place ALTER (SQLite): one rebuild per table", () => {
  it("groups every change of a table that needs a rebuild into one batchAlterTable", () => {
    const actual = withId("t", [col("a", "text"), col("gone", "text")], { checks: [{ name: "ck_a", expression: "a <> ''" }] });
    const target = withId("t", [col("a", "text", { nullable: false }), col("b", "text")], {
      checks: [{ name: "ck_a", expression: "length(a) > 1" }],
      indexes: [{ name: "ix_b", elements: [{ column: "b" }], unique: false }],
    });
    const { operations } = compareSchemas(db([target]), db([actual]), sqlite);
    expect(describeOps(operations)).toEqual([
      "batchAlterTable t [dropConstraint t.ck_a; dropColumn t.gone; addColumn t.b; alterColumn t.a; createCheckConstraint t.ck_a; createIndex t.ix_b]",
    ]);
    expect(operations[0]).toMatchObject({ kind: "batchAlterTable", table: "t", recreate: "auto" });
  });

  it("keeps plain operations for tables that need no rebuild", () => {
    const target = withId("t", [col("b", "text")], { indexes: [{ name: "ix_b", elements: [{ column: "b" }], unique: false }] });
    expect(describeOps(compareSchemas(db([target]), db([withId("t")]), sqlite).operations)).toEqual(["addColumn t.b", "createIndex t.ix_b"]);
  });

  it("rebuilds a table gaining a key to a new table after that table is created", () => {
    const actual = db([withId("orders", [col("user_id")])]);
    const target = db([withId("orders", [col("user_id")], { foreignKeys: [fk("orders", "user_id", "users")] }), withId("users")]);
    expect(describeOps(compareSchemas(target, actual, sqlite).operations)).toEqual(["createTable users", "batchAlterTable orders [createForeignKey orders.orders_user_id_fkey]"]);
  });

  it("rebuilds a table losing a key to a dropped table before that table is dropped", () => {
    const actual = db([withId("orders", [col("user_id")], { foreignKeys: [fk("orders", "user_id", "users")] }), withId("users")]);
    const target = db([withId("orders", [col("user_id")])]);
    expect(describeOps(compareSchemas(target, actual, sqlite).operations)).toEqual(["batchAlterTable orders [dropConstraint orders.orders_user_id_fkey]", "dropTable users"]);
  });

  it("splits the rebuild when it must both drop a key to a dropped table and add one to a new table", () => {
    const before: TableSchema = withId("orders", [col("old_id"), col("new_id")], { foreignKeys: [fk("orders", "old_id", "old_users")] });
    const after: TableSchema = withId("orders", [col("old_id"), col("new_id")], { foreignKeys: [fk("orders", "new_id", "new_users")] });
    const { operations } = compareSchemas(db([after, withId("new_users")]), db([before, withId("old_users")]), sqlite);
    expect(describeOps(operations)).toEqual([
      "batchAlterTable orders [dropConstraint orders.orders_old_id_fkey]",
      "dropTable old_users",
      "createTable new_users",
      "batchAlterTable orders [createForeignKey orders.orders_new_id_fkey]",
    ]);
  });
});
