import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { orderOperations } from "../../../src/autogenerate/order.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import type { ForeignKeySchema, TableSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, PG_CAPS, SQLITE_CAPS, withId } from "./fixtures.js";

const pg = { capabilities: PG_CAPS };

function fk(table: string, column: string, referencedTable: string): ForeignKeySchema {
  return { name: `${table}_${column}_fkey`, columns: [column], referencedSchema: null, referencedTable, referencedColumns: ["id"], onDelete: null, onUpdate: null };
}

/** A table with an id and one reference column per referenced table. */
function refs(name: string, ...referenced: string[]): TableSchema {
  return withId(name, referenced.map((r) => col(`${r}_id`)), { foreignKeys: referenced.map((r) => fk(name, `${r}_id`, r)) });
}

describe("orderOperations: schemas", () => {
  it("creates a schema before everything that lives in it and drops one after everything", () => {
    const ops: Operation[] = [
      { kind: "dropSchema", name: "old" },
      { kind: "createTable", table: withId("invoices", [], { schema: "billing" }) },
      { kind: "dropTable", schema: "old", table: "reports" },
      { kind: "createEnum", enum: { schema: "billing", name: "state", values: ["open"] } },
      { kind: "createSchema", name: "billing" },
    ];
    expect(orderOperations(ops).map((op) => op.kind)).toEqual(["createSchema", "dropTable", "createEnum", "createTable", "dropSchema"]);
  });
});

describe("orderOperations: creating tables", () => {
  it("creates referenced tables first, whatever their names", () => {
    const { operations } = compareSchemas(db([refs("a_orders", "b_users"), refs("b_users", "c_orgs"), refs("c_orgs")]), db([]), pg);
    expect(describeOps(operations)).toEqual(["createTable c_orgs", "createTable b_users", "createTable a_orders"]);
  });

  it("breaks a cycle by creating one table without the cyclic key and adding it afterwards", () => {
    const { operations } = compareSchemas(db([refs("a", "b"), refs("b", "a")]), db([]), pg);
    expect(describeOps(operations)).toEqual(["createTable a", "createTable b", "createForeignKey a.a_b_id_fkey"]);
    expect(operations[0]).toMatchObject({ kind: "createTable", table: { name: "a", foreignKeys: [] } });
    expect(operations[1]).toMatchObject({ kind: "createTable", table: { name: "b", foreignKeys: [{ referencedTable: "a" }] } });
  });

  it("keeps a cycle's keys inline, named or not, when the dialect accepts forward references (SQLite)", () => {
    const unnamed = (t: TableSchema): TableSchema => ({ ...t, foreignKeys: t.foreignKeys.map((k) => ({ ...k, name: null })) });
    const { operations } = compareSchemas(db([unnamed(refs("a", "b")), refs("b", "a")]), db([]), { capabilities: SQLITE_CAPS });
    expect(describeOps(operations)).toEqual(["createTable a", "createTable b"]);
    expect(operations).toMatchObject([{ table: { foreignKeys: [{ name: null, referencedTable: "b" }] } }, { table: { foreignKeys: [{ referencedTable: "a" }] } }]);
    expect(orderOperations(operations, { forwardReferences: false }).map((op) => op.kind)).toEqual(["createTable", "createTable", "createForeignKey"]);
  });

  it("breaks only the cycle: tables hanging off it keep their keys inline", () => {
    const { operations } = compareSchemas(db([refs("a", "b"), refs("b", "a"), refs("c", "a")]), db([]), pg);
    expect(describeOps(operations)).toEqual(["createTable a", "createTable b", "createTable c", "createForeignKey a.a_b_id_fkey"]);
    expect(operations[2]).toMatchObject({ table: { foreignKeys: [{ referencedTable: "a" }] } });
  });

  it("leaves a self-reference inline", () => {
    const { operations } = compareSchemas(db([refs("node", "node")]), db([]), pg);
    expect(operations).toMatchObject([{ kind: "createTable", table: { foreignKeys: [{ referencedTable: "node" }] } }]);
  });

  it("adds a new table's key to an existing table after that table gains the referenced columns", () => {
    const target = db([withId("users", [col("code", "text", { nullable: false })], { uniques: [{ name: "users_code_key", columns: ["code"] }] }), withId("t", [col("code", "text")], {
      foreignKeys: [{ name: "t_code_fkey", columns: ["code"], referencedTable: "users", referencedColumns: ["code"] }],
    })]);
    const { operations } = compareSchemas(target, db([withId("users")]), pg);
    expect(describeOps(operations)).toEqual(["createTable t", "addColumn users.code", "alterColumn users.code", "createUniqueConstraint users.users_code_key", "createForeignKey t.t_code_fkey"]);
  });
});

describe("orderOperations: dropping tables", () => {
  it("drops referencing tables first", () => {
    const { operations } = compareSchemas(db([]), db([refs("a_orgs"), refs("b_users", "a_orgs"), refs("c_orders", "b_users")]), pg);
    expect(describeOps(operations)).toEqual(["dropTable c_orders", "dropTable b_users", "dropTable a_orgs"]);
  });

  it("breaks a cycle by dropping one key first, and leaves it out of the dropped table", () => {
    const { operations } = compareSchemas(db([]), db([refs("a", "b"), refs("b", "a")]), pg);
    expect(describeOps(operations)).toEqual(["dropConstraint b.b_a_id_fkey", "dropTable a", "dropTable b"]);
    expect(operations[2]).toMatchObject({ kind: "dropTable", existing: { name: "b", foreignKeys: [] } });
  });

  it("drops the key of a remaining table before the table it references", () => {
    const { operations } = compareSchemas(db([withId("orders", [col("users_id")])]), db([withId("users"), refs("orders", "users")]), pg);
    expect(describeOps(operations)).toEqual(["dropConstraint orders.orders_users_id_fkey", "dropTable users"]);
  });
});

describe("orderOperations: phases", () => {
  it("runs drops before creates and columns before the indexes and keys on them", () => {
    const actual = db([withId("t", [col("old", "text")], { indexes: [{ name: "ix_old", elements: [{ column: "old" }], unique: false }], checks: [{ name: "ck_old", expression: "old <> ''" }] })]);
    const target = db([withId("t", [col("fresh", "text")], { indexes: [{ name: "ix_fresh", elements: [{ column: "fresh" }], unique: false }], checks: [{ name: "ck_fresh", expression: "fresh <> ''" }] })]);
    expect(describeOps(compareSchemas(target, actual, pg).operations)).toEqual([
      "dropIndex t.ix_old",
      "dropConstraint t.ck_old",
      "dropColumn t.old",
      "addColumn t.fresh",
      "createCheckConstraint t.ck_fresh",
      "createIndex t.ix_fresh",
    ]);
  });

  it("adds a computed column after the columns it reads change type, so its downgrade drops it before they change back", () => {
    const actual = db([withId("t", [col("title", "text")])]);
    const computed = col("a_key", "text", { generated: { kind: "computed", sql: "lower(title)", stored: true } });
    const target = db([withId("t", [col("title", { kind: "varchar", length: 200 }), col("z_plain", "integer"), computed])]);
    const result = compareSchemas(target, actual, pg);
    expect(describeOps(result.operations)).toEqual(["addColumn t.z_plain", "alterColumn t.title", "addColumn t.a_key"]);
    expect(describeOps(reverseAll(result.operations, result.reversals))).toEqual(["dropColumn t.a_key", "alterColumn t.title", "dropColumn t.z_plain"]);
  });

  it("drops an enum only after the column that used it changed type", () => {
    const actual = db([withId("t", [col("s", { kind: "enum", name: "old_enum", values: ["a"] })])], [{ name: "old_enum", values: ["a"] }]);
    const target = db([withId("t", [col("s", "text")])]);
    expect(describeOps(compareSchemas(target, actual, pg).operations)).toEqual(["alterColumn t.s", "dropEnum old_enum"]);
  });

  it("sorts within a phase by schema, table and name, whatever the input order", () => {
    const ops: Operation[] = [
      { kind: "alterColumn", table: "b", column: "z", nullable: false },
      { kind: "alterColumn", table: "a", column: "y", nullable: false },
      { kind: "alterColumn", schema: "s", table: "a", column: "x", nullable: false },
      { kind: "alterColumn", table: "a", column: "x", nullable: false },
    ];
    const expected = ["alterColumn a.x", "alterColumn a.y", "alterColumn b.z", "alterColumn a.x"];
    expect(describeOps(orderOperations(ops))).toEqual(expected);
    expect(describeOps(orderOperations([...ops].reverse()))).toEqual(expected);
    expect(orderOperations(ops)[3]).toMatchObject({ schema: "s" });
  });

  it("keeps a table's added and dropped columns in the order compare gives them", () => {
    const ops: Operation[] = [
      { kind: "addColumn", table: "b", column: col("z") },
      { kind: "addColumn", table: "a", column: col("y") },
      { kind: "addColumn", table: "a", column: col("x"), position: { after: "y" } },
      { kind: "dropColumn", table: "a", column: "q" },
      { kind: "dropColumn", table: "a", column: "p" },
    ];
    expect(describeOps(orderOperations(ops))).toEqual(["dropColumn a.q", "dropColumn a.p", "addColumn a.y", "addColumn a.x", "addColumn b.z"]);
  });

  it("keeps data operations in the order they were given", () => {
    const ops: Operation[] = [
      { kind: "execute", sql: "SELECT 2" },
      { kind: "execute", sql: "SELECT 1" },
    ];
    expect(orderOperations(ops)).toEqual(ops);
  });
});

describe("orderOperations: a new table referencing a table that also changes", () => {
  it("keeps the key inline when the referenced columns already exist (SQLite cannot add it later)", () => {
    const users = withId("users");
    const grown = withId("users", [col("nickname", { kind: "varchar", length: 40 })]);
    const { operations } = compareSchemas(db([grown, refs("orders", "users")]), db([users]), { capabilities: SQLITE_CAPS });
    expect(describeOps(operations)).toEqual(["createTable orders", "addColumn users.nickname"]);
    expect(operations[0]).toMatchObject({ kind: "createTable", table: { foreignKeys: [{ referencedTable: "users" }] } });
  });

  it("adds the key after the table when it needs a column added in the same run", () => {
    const users = withId("users");
    const grown = withId("users", [col("code", "integer")], { uniques: [{ name: "users_code_key", columns: ["code"] }] });
    const orders = withId("orders", [col("user_code")], {
      foreignKeys: [{ name: "orders_user_code_fkey", columns: ["user_code"], referencedSchema: null, referencedTable: "users", referencedColumns: ["code"], onDelete: null, onUpdate: null }],
    });
    const { operations } = compareSchemas(db([grown, orders]), db([users]), pg);
    const kinds = describeOps(operations);
    expect(kinds.indexOf("createForeignKey orders.orders_user_code_fkey")).toBeGreaterThan(kinds.indexOf("addColumn users.code"));
    expect(operations.find((o) => o.kind === "createTable")).toMatchObject({ table: { foreignKeys: [] } });
  });
});
