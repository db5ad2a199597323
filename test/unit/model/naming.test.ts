import { describe, expect, it } from "vitest";
import {
  applyNamingRule, check, columnsInExpression, defineSchema, foreignKey, index, integer, primaryKey, resolveNaming, schemaFromModel,
  serial, sql, table, text, truncateName, unique, varchar, DEFAULT_NAMING, type AnyTable,
} from "../../../src/model/index.js";
import type { TableSchema } from "../../../src/catalog/types.js";

const only = (tables: AnyTable[], naming = {}): TableSchema[] => schemaFromModel(defineSchema({ tables, naming })).tables;

describe("default naming convention", () => {
  const [accounts, orders] = only([
    table("accounts", { id: serial().primaryKey(), email: varchar(200).unique() }),
    table(
      "orders",
      {
        tenant: integer(),
        number: integer(),
        accountId: integer().references("accounts", "id"),
        price: integer(),
        cost: integer(),
        note: text(),
      },
      {
        primaryKey: primaryKey(["tenant", "number"]),
        uniques: [unique(["tenant", "note"])],
        checks: [check("price >= 0"), check("price > cost"), check("note <> ''")],
        indexes: [index(["accountId"]), index(["tenant", "number"], { unique: true }), index([sql`lower(note)`])],
        foreignKeys: [foreignKey(["tenant", "accountId"], "accounts", ["id", "id"])],
      },
    ),
  ]) as [TableSchema, TableSchema];

  it("matches PostgreSQL's names for keys and constraints", () => {
    expect(accounts.primaryKey?.name).toBe("accounts_pkey");
    expect(accounts.uniques.map((u) => u.name)).toEqual(["accounts_email_key"]);
    expect(orders.primaryKey?.name).toBe("orders_pkey");
    expect(orders.uniques.map((u) => u.name)).toEqual(["orders_tenant_note_key"]);
    expect(orders.foreignKeys.map((f) => f.name)).toEqual(["orders_accountId_fkey", "orders_tenant_accountId_fkey"]);
  });

  it("names a check after its one column, else after the table, numbering repeats", () => {
    expect(orders.checks.map((c) => c.name)).toEqual(["orders_price_check", "orders_check", "orders_note_check"]);
  });

  it("names indexes ix_/ux_ with their columns, expr for expressions", () => {
    expect(orders.indexes.map((i) => i.name)).toEqual(["ix_orders_accountId", "ux_orders_tenant_number", "ix_orders_expr"]);
  });

  it("numbers a generated name that is already taken", () => {
    const [t] = only([table("t", { a: integer() }, { checks: [check("a > 0"), check("a < 10"), check("b", { name: "t_a_check2" }), check("a <> 5")] })]);
    expect(t!.checks.map((c) => c.name)).toEqual(["t_a_check", "t_a_check1", "t_a_check2", "t_a_check3"]);
  });

  it("never takes a name given explicitly elsewhere in the schema", () => {
    const [a, b] = only([
      table("a", { x: integer() }, { indexes: [index(["x"])] }),
      table("b", { y: integer() }, { indexes: [index(["y"], { name: "ix_a_x" })] }),
    ]);
    expect(b!.indexes[0]!.name).toBe("ix_a_x");
    expect(a!.indexes[0]!.name).toBe("ix_a_x1");
  });
});

describe("long names", () => {
  it("truncates to 63 bytes with a stable hash suffix", () => {
    const long = "x".repeat(80);
    const short = truncateName(long, 63);
    expect(Buffer.byteLength(short)).toBe(63);
    expect(short).toMatch(/^x{54}_[0-9a-f]{8}$/);
    expect(truncateName(long, 63)).toBe(short);
    expect(truncateName("x".repeat(79) + "y", 63)).not.toBe(short);
    expect(truncateName("short", 63)).toBe("short");
  });

  it("counts bytes, not characters", () => {
    const name = truncateName("é".repeat(40), 63);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(name.endsWith("_" + name.slice(-8))).toBe(true);
  });

  it("applies to generated constraint names", () => {
    const tableName = "a_really_long_table_name_for_testing_truncation";
    const [t] = only([table(tableName, { some_long_column_name: integer().references(tableName, "some_long_column_name").unique() })]);
    expect(t!.foreignKeys[0]!.name).toHaveLength(63);
    expect(t!.foreignKeys[0]!.name).toMatch(/^a_really_long_table_name_for_testing_truncation_some_l_[0-9a-f]{8}$/);
  });

  it("refuses explicit names that are too long", () => {
    expect(() => only([table("t", { a: integer() }, { indexes: [index(["a"], { name: "i".repeat(64) })] })])).toThrow(/is longer than 63 bytes/);
  });
});

describe("naming overrides", () => {
  it("accepts templates and functions", () => {
    const [t] = only(
      [table("t", { id: integer().primaryKey(), a: integer().unique(), b: integer().references("t", "id") }, { checks: [check("a > 0")], indexes: [index(["a", "b"])] })],
      {
        primaryKey: "pk_{table}",
        unique: "uq_{table}_{column0}",
        foreignKey: (ctx: { table: string; columns: string[]; referencedTable?: string }) => `fk_${ctx.table}_${ctx.columns.join("_")}_${ctx.referencedTable}`,
        check: "ck_{table}_{columns}",
        index: "idx_{table}_{columns}",
      },
    );
    expect(t!.primaryKey?.name).toBe("pk_t");
    expect(t!.uniques[0]!.name).toBe("uq_t_a");
    expect(t!.foreignKeys[0]!.name).toBe("fk_t_b_t");
    expect(t!.checks[0]!.name).toBe("ck_t_a");
    expect(t!.indexes[0]!.name).toBe("idx_t_a_b");
  });

  it("collapses the underscores an empty token leaves", () => {
    expect(applyNamingRule("{table}_{column0}_check", { table: "t", schema: null, columns: [] }, 63)).toBe("t_check");
  });

  it("validates overrides", () => {
    expect(() => resolveNaming({ maxLength: 3 })).toThrow(/at least 16/);
    expect(() => resolveNaming({ bogus: "x" } as never)).toThrow(/naming.bogus is not a naming rule/);
    expect(resolveNaming({ maxLength: 64 }).maxLength).toBe(64);
    expect(resolveNaming()).toEqual(DEFAULT_NAMING);
  });

  it("refuses a rule that produces an empty name", () => {
    expect(() => only([table("t", { id: integer().primaryKey() })], { primaryKey: () => "" })).toThrow(/empty name/);
  });
});

describe("columnsInExpression", () => {
  it("finds bare and quoted columns, skipping string literals", () => {
    expect(columnsInExpression(`"Price" > 0 AND status <> 'price'`, ["Price", "status", "price"])).toEqual(["Price", "status"]);
    expect(columnsInExpression("a + `b` > [c]", ["a", "b", "c"])).toEqual(["a", "b", "c"]);
    expect(columnsInExpression("length(name) > 0", ["name"])).toEqual(["name"]);
  });
});
