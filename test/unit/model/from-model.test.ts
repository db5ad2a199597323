import { describe, expect, it } from "vitest";
import * as shop from "./fixture-shop-schema.js";
import {
  check, defineSchema, enumType, foreignKey, index, integer, namingFromModel, primaryKey, schemaFromModel, serial, table, text, unique,
} from "../../../src/model/index.js";
import { validateSchema } from "../../../src/catalog/validate-schema.js";
import { emptyTable } from "../../../src/catalog/types.js";
import { MigrateError } from "../../../src/errors.js";

describe("schemaFromModel on a schema module", () => {
  const schema = schemaFromModel(shop);
  const byName = (name: string) => schema.tables.find((t) => t.name === name)!;

  it("collects every exported table, sorted by schema and name", () => {
    expect(schema.tables.map((t) => t.name)).toEqual(["order_items", "orders", "users"]);
  });

  it("describes columns exactly as written", () => {
    const users = byName("users");
    expect(users.columns.map((c) => c.name)).toEqual(["id", "email", "name", "active", "createdAt", "balance", "favouriteOrderId", "invitedBy"]);
    expect(users.columns.find((c) => c.name === "createdAt")).toEqual({
      name: "createdAt",
      type: { kind: "timestamp", withTimezone: true },
      nullable: false,
      default: { kind: "sql", sql: "CURRENT_TIMESTAMP" },
      generated: null,
      comment: null,
      onUpdate: null,
      collation: null,
    });
    expect(users.columns.find((c) => c.name === "balance")!.type).toEqual({ kind: "numeric", precision: 12, scale: 2, unsigned: true });
    expect(users.columns.find((c) => c.name === "name")!.comment).toBe("display name");
    expect(users.primaryKey).toEqual({ name: "users_pkey", columns: ["id"], inline: true });
    expect(users.uniques).toEqual([{ name: "users_email_key", columns: ["email"], inline: true }]);
  });

  it("resolves foreign keys given as lazy tables and as names (including self-references)", () => {
    expect(byName("users").foreignKeys).toEqual([
      { name: "users_favouriteOrderId_fkey", columns: ["favouriteOrderId"], referencedSchema: null, referencedTable: "orders", referencedColumns: ["id"], onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false, inline: true },
      { name: "users_invitedBy_fkey", columns: ["invitedBy"], referencedSchema: null, referencedTable: "users", referencedColumns: ["id"], onDelete: "SET NULL", onUpdate: null, deferrable: false, initiallyDeferred: false, inline: true },
    ]);
    expect(byName("order_items").foreignKeys[0]).toMatchObject({ referencedTable: "orders", onDelete: "CASCADE", deferrable: true });
  });

  it("takes table extras from the callback", () => {
    const orders = byName("orders");
    expect(orders.comment).toBe("customer orders");
    expect(orders.indexes).toEqual([
      { name: "ix_orders_userId", elements: [{ column: "userId" }], unique: false, where: null, using: null },
      { name: "ix_lower_status", elements: [{ expression: "lower(status)" }], unique: false, where: "status <> 'new'", using: "btree" },
    ]);
    expect(orders.uniques).toEqual([{ name: "orders_userId_status_key", columns: ["userId", "status"] }]);
    expect(orders.checks).toEqual([{ name: "ck_orders_positive", expression: "id > 0" }]);
  });

  it("makes composite primary-key columns NOT NULL", () => {
    const items = byName("order_items");
    expect(items.primaryKey).toEqual({ name: "order_items_pkey", columns: ["orderId", "line"] });
    expect(items.columns.map((c) => c.nullable)).toEqual([false, false, false]);
  });

  it("includes the enums", () => {
    expect(schema.enums).toEqual([{ schema: null, name: "order_status", values: ["new", "paid", "shipped"] }]);
  });

  it("gives the same result for the default export alone", () => {
    expect(schemaFromModel(shop.default)).toEqual(schema);
  });

  it("is plain JSON data", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe("schemaFromModel details", () => {
  it("includes enums used by columns even when not listed", () => {
    const mood = enumType("mood", ["sad", "happy"], { schema: "app" });
    const s = schemaFromModel(defineSchema({ tables: [table("people", { mood: mood.column() }, { schema: "app" })] }));
    expect(s.enums).toEqual([{ schema: "app", name: "mood", values: ["sad", "happy"] }]);
  });

  it("sorts tables by schema, then name, with the default schema first", () => {
    const s = schemaFromModel(
      defineSchema({ tables: [table("b", { id: integer() }, { schema: "z" }), table("a", { id: integer() }, { schema: "z" }), table("c", { id: integer() })] }),
    );
    expect(s.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["null.c", "z.a", "z.b"]);
  });

  it("resolves a table named as a string in the referencing table's schema, unless told otherwise", () => {
    const s = schemaFromModel(
      defineSchema({
        tables: [
          table("users", { id: integer().primaryKey() }, { schema: "shop" }),
          table("users", { id: integer().primaryKey() }),
          table("orders", { a: integer().references("users", "id"), b: integer().references("users", "id", { referencedSchema: null }) }, { schema: "shop" }),
        ],
      }),
    );
    const orders = s.tables.find((t) => t.name === "orders")!;
    expect(orders.foreignKeys.map((f) => f.referencedSchema)).toEqual(["shop", null]);
  });

  it("accepts an explicitly empty model", () => {
    expect(schemaFromModel(defineSchema({ tables: [] }))).toEqual({ tables: [], enums: [] });
  });

  it("takes the naming convention from the default export", () => {
    const mod = { default: defineSchema({ tables: [], naming: { primaryKey: "pk_{table}" } }) };
    expect(namingFromModel(mod).primaryKey).toBe("pk_{table}");
  });

  it("keeps a primary-key column marked .nullable() nullable (SQLite honours it); the others are NOT NULL", () => {
    const [t] = schemaFromModel(defineSchema({ tables: [table("t", { a: text().nullable(), b: integer() }, { primaryKey: primaryKey(["a", "b"]) })] })).tables;
    expect(t!.columns.map((c) => [c.name, c.nullable])).toEqual([["a", true], ["b", false]]);
    const [u] = schemaFromModel(defineSchema({ tables: [table("u", { id: text().primaryKey().nullable() })] })).tables;
    expect(u!.columns[0]!.nullable).toBe(true);
  });

  it("leaves constraints declared with { name: null } unnamed and names the rest by the convention", () => {
    const parent = table("parent", { id: integer().primaryKey() });
    const child = table(
      "child",
      {
        id: integer(),
        a: integer().unique({ name: null }),
        b: integer().unique(),
        p1: integer().references(parent, "id", { name: null }),
        p2: integer().references(parent, "id"),
      },
      {
        primaryKey: primaryKey(["id"], { name: null }),
        uniques: [unique(["a", "b"], { name: null })],
        checks: [check("a > 0", { name: null }), check("b > 0")],
        foreignKeys: [foreignKey(["p1", "p2"], parent, ["id", "id"], { name: null })],
      },
    );
    const [c, p] = schemaFromModel(defineSchema({ tables: [parent, child] })).tables;
    expect(c!.primaryKey).toEqual({ name: null, columns: ["id"] });
    expect(c!.uniques.map((u) => u.name)).toEqual([null, "child_b_key", null]);
    expect(c!.checks.map((k) => k.name)).toEqual([null, "child_b_check"]);
    expect(c!.foreignKeys.map((f) => f.name)).toEqual([null, "child_p2_fkey", null]);
    expect(p!.primaryKey).toEqual({ name: "parent_pkey", columns: ["id"], inline: true });
  });

  it("counts the same table exported twice once", () => {
    const t = table("t", { id: integer() });
    expect(schemaFromModel({ t, alias: t, default: defineSchema({ tables: [t] }) }).tables).toHaveLength(1);
  });

  it("evaluates the extras callback once", () => {
    let calls = 0;
    const t = table("t", { id: integer() }, () => {
      calls++;
      return { schema: "s" };
    });
    expect(t.schema).toBe("s");
    schemaFromModel(defineSchema({ tables: [t] }));
    expect(calls).toBe(1);
  });
});

describe("model validation", () => {
  const fails = (input: unknown, message: string | RegExp): void => {
    let caught: unknown;
    try {
      schemaFromModel(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MigrateError);
    expect((caught as MigrateError).code).toBe("model");
    expect((caught as MigrateError).hint).toBeTruthy();
    if (typeof message === "string") expect((caught as MigrateError).message).toBe(message);
    else expect((caught as MigrateError).message).toMatch(message);
  };
  const users = table("users", { id: serial().primaryKey(), email: text() });

  it("a module without tables, enums or schema", () => {
    fails({ something: 1 }, "The schema module exports no tables, no enums and no defineSchema(...) default export.");
  });

  it("a foreign key to a table that is not in the model", () => {
    const orders = table("orders", { userId: integer().references(() => users, "id") });
    fails(defineSchema({ tables: [orders] }), "Foreign key on orders(userId) references table users, which is not in the model.");
  });

  it("a foreign key to a missing column", () => {
    const orders = table("orders", { userId: integer().references(() => users, "uid") });
    fails(defineSchema({ tables: [users, orders] }), "Foreign key on orders(userId) references column users.uid, which does not exist.");
  });

  it("a foreign key on a missing local column", () => {
    const orders = table("orders", { userId: integer() }, { foreignKeys: [foreignKey(["user" as "userId"], () => users, ["id"])] });
    fails(defineSchema({ tables: [users, orders] }), "Foreign key (user) of table orders names column user, which table orders does not have.");
  });

  it("a composite foreign key with mismatched column counts", () => {
    const orders = table("orders", { a: integer(), b: integer() }, { foreignKeys: [foreignKey(["a", "b"], () => users, ["id"])] });
    fails(defineSchema({ tables: [users, orders] }), "the foreign key of table orders on (a, b) has 2 column(s) but references 1 column(s) of users.");
  });

  it("a foreign key target function that returns no table", () => {
    const orders = table("orders", { a: integer().references(() => undefined as never, "id") });
    fails(defineSchema({ tables: [users, orders] }), "The foreign key of orders.a does not point at a table.");
  });

  it("duplicate tables", () => {
    fails(defineSchema({ tables: [users, table("users", { id: integer() })] }), "Table users is declared twice.");
  });

  it("duplicate columns (in a neutral schema)", () => {
    const t = emptyTable("t");
    t.columns.push({ name: "a", type: { kind: "integer" }, nullable: true }, { name: "a", type: { kind: "text" }, nullable: true });
    expect(() => validateSchema({ tables: [t], enums: [] })).toThrow("Table t has two columns named a.");
  });

  it("duplicate constraint or index names within a table", () => {
    fails(
      defineSchema({ tables: [table("a", { x: integer().unique({ name: "same" }) }, { indexes: [index(["x"], { name: "same" })] })] }),
      'The constraint or index name "same" is used twice in table a: by a unique constraint and by an index.',
    );
    fails(defineSchema({ tables: [table("a", { x: integer() }, { checks: [check("x > 0", { name: "c" }), check("x < 9", { name: "c" })] })] }), 'The constraint or index name "c" is used twice in table a: by a check constraint and by a check constraint.');
  });

  it("one name on two tables is the dialect's business, not the model's", () => {
    const s = schemaFromModel(
      defineSchema({ tables: [table("a", { x: integer() }, { indexes: [index(["x"], { name: "same" })] }), table("b", { x: integer() }, { indexes: [index(["x"], { name: "same" })] })] }),
    );
    expect(s.tables.map((t) => t.indexes.map((i) => i.name))).toEqual([["same"], ["same"]]);
  });

  it("an index may share its name with a foreign key of its table (MySQL's own naming)", () => {
    const b = table("b", { id: integer().primaryKey() });
    const a = table("a", { x: integer() }, { indexes: [index(["x"], { name: "fk_x" })], foreignKeys: [foreignKey(["x"], () => b, ["id"], { name: "fk_x" })] });
    const s = schemaFromModel(defineSchema({ tables: [a, b] }));
    expect(s.tables[0]!.foreignKeys[0]!.name).toBe("fk_x");
  });

  it("generated names avoid explicit names used by other tables", () => {
    const s = schemaFromModel(defineSchema({ tables: [table("a", { x: integer() }, { indexes: [index(["x"], { name: "ix_b_x" })] }), table("b", { x: integer() }, { indexes: [index(["x"])] })] }));
    expect(s.tables[1]!.indexes[0]!.name).not.toBe("ix_b_x");
  });

  it("the same constraint name in different schemas is allowed", () => {
    const s = schemaFromModel(defineSchema({ tables: [table("a", { x: integer().unique({ name: "u" }) }, { schema: "s1" }), table("a", { x: integer().unique({ name: "u" }) }, { schema: "s2" })] }));
    expect(s.tables).toHaveLength(2);
  });

  it("two primary keys", () => {
    fails(defineSchema({ tables: [table("t", { a: integer().primaryKey(), b: integer() }, { primaryKey: primaryKey(["a", "b"]) })] }), /declares its primary key twice/);
  });

  it("a primary key on a missing column", () => {
    fails(defineSchema({ tables: [table("t", { a: integer() }, { primaryKey: primaryKey(["b" as "a"]) })] }), "The primary key of table t names column b, which table t does not have.");
  });

  it("an index on a missing column", () => {
    fails(defineSchema({ tables: [table("t", { a: integer() }, { indexes: [index(["a", "z" as "a"])] })] }), "Index (unnamed) of table t names column z, which table t does not have.");
  });

  it("a unique constraint on a missing column", () => {
    fails(defineSchema({ tables: [table("t", { a: integer() }, { uniques: [unique(["q" as "a"], { name: "uq" })] })] }), "Unique constraint uq of table t names column q, which table t does not have.");
  });

  it("empty lists and names", () => {
    fails(defineSchema({ tables: [table("t", { a: integer() }, { indexes: [index([])] })] }), "An index on table t has no columns.");
    fails(defineSchema({ tables: [table("t", { a: integer() }, { uniques: [unique([])] })] }), "A unique constraint of table t has no columns.");
    fails(defineSchema({ tables: [table("t", { a: integer() }, { checks: [check(" ")] })] }), "A check constraint of table t has an empty condition.");
    fails(defineSchema({ tables: [table("t", {})] }), "Table t has no columns.");
    fails(defineSchema({ tables: [table("", { a: integer() })] }), "A table has an empty name.");
    fails(defineSchema({ tables: [table("t", { a: integer() }, { indexes: [index(["a"], { name: "" })] })] }), "The name given to an index on table t is empty.");
  });

  it("an empty enum, and an enum with a repeated value", () => {
    fails({ e: enumType("empty", []) }, "Enum empty has no values.");
    fails({ e: enumType("twice", ["a", "a"]) }, 'Enum twice lists the value "a" twice.');
  });

  it("one enum declared twice with different values", () => {
    const a = enumType("status", ["a", "b"]);
    const b = enumType("status", ["a", "c"]);
    fails({ a, t: table("t", { s: b.column() }) }, "Enum status is declared twice with different values: [a, b] (declared) and [a, c] (column t.s).");
  });

  it("something in defineSchema({ tables }) that is not a table", () => {
    fails(defineSchema({ tables: [{ name: "x" } as never] }), "defineSchema({ tables }) contains something that is not a table.");
  });
});
