import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { DatabaseSchema, ExistingSchema } from "../../../src/catalog/types.js";
import { namedSchemas } from "../../../src/catalog/named-schemas.js";
import { col, db, PG_CAPS, SQLITE_CAPS, withId } from "./fixtures.js";

const pg = { capabilities: PG_CAPS };
const publicSchema: ExistingSchema = { name: "public", current: true, tables: 0, read: true };

/** A reflected database: its tables and the schemas it holds. */
function reflected(tables: DatabaseSchema["tables"], schemas: ExistingSchema[]): DatabaseSchema {
  return { ...db(tables), schemas: [publicSchema, ...schemas] };
}

const invoices = withId("invoices", [], { schema: "billing" });
const orders = withId("orders", [col("invoice_id", "integer")], {
  foreignKeys: [{ name: "orders_invoice_id_fkey", columns: ["invoice_id"], referencedSchema: "billing", referencedTable: "invoices", referencedColumns: ["id"], onDelete: null, onUpdate: null }],
});

describe("compare: PostgreSQL schemas", () => {
  it("names the schemas of tables, enums and objects, the current one (null) left out", () => {
    const model: DatabaseSchema = {
      tables: [invoices, orders],
      enums: [{ schema: "shop", name: "state", values: ["a"] }],
      objects: [{ kind: "view", schema: "reports", name: "v", definition: "SELECT 1" }],
    };
    expect(namedSchemas(model)).toEqual(["billing", "reports", "shop"]);
  });

  it("creates a schema the model names and the database lacks, before its tables, and drops it last in the downgrade", () => {
    const result = compareSchemas(db([invoices, orders]), reflected([], []), pg);
    expect(result.operations.map((op) => op.kind)).toEqual(["createSchema", "createTable", "createTable"]);
    expect(result.operations[0]).toEqual({ kind: "createSchema", name: "billing" });
    expect(result.operations.slice(1).map((op) => op.kind === "createTable" && op.table.name)).toEqual(["invoices", "orders"]);
    const downgrade = reverseAll(result.operations);
    expect(downgrade.map((op) => op.kind)).toEqual(["dropTable", "dropTable", "dropSchema"]);
    expect(downgrade.at(-1)).toEqual({ kind: "dropSchema", name: "billing" });
  });

  it("creates nothing for a schema that exists, read or not", () => {
    const unread = compareSchemas(db([invoices]), reflected([], [{ name: "billing", current: false, tables: 3, read: false }]), pg);
    expect(unread.operations.map((op) => op.kind)).toEqual(["createTable"]);
    const matching = compareSchemas(db([invoices]), reflected([invoices], [{ name: "billing", current: false, tables: 1, read: true }]), pg);
    expect(matching.operations).toEqual([]);
    expect(matching.warnings).toEqual([]);
  });

  it("never drops a schema; warns when a read schema the model no longer names is left without tables", () => {
    const plainOrders = { ...orders, foreignKeys: [] };
    const result = compareSchemas(db([plainOrders]), reflected([invoices, plainOrders], [{ name: "billing", current: false, tables: 1, read: true }]), pg);
    expect(result.operations.map((op) => op.kind)).toEqual(["dropTable"]);
    expect(result.warnings).toEqual([expect.stringContaining('schema billing: the model names nothing in it and it holds no other table; autogenerate does not drop schemas, so write await op.dropSchema("billing")')]);
    // A table the filter left out is still there: no warning.
    const other = compareSchemas(db([]), reflected([invoices], [{ name: "billing", current: false, tables: 2, read: true }]), pg);
    expect(other.warnings).toEqual([]);
  });

  it("reads the current schema named in the model (public) as reflection reports it, null", () => {
    const inPublic = withId("customers", [col("mood", { kind: "enum", schema: "public", name: "mood", values: ["ok"] })], { schema: "public" });
    const refs = withId("payments", [col("customer_id", "integer")], {
      schema: "billing",
      foreignKeys: [{ name: "payments_customer_id_fkey", columns: ["customer_id"], referencedSchema: "public", referencedTable: "customers", referencedColumns: ["id"], onDelete: null, onUpdate: null }],
    });
    const model: DatabaseSchema = { tables: [inPublic, refs], enums: [{ schema: "public", name: "mood", values: ["ok"] }] };
    const stored = (t: DatabaseSchema["tables"][number]) => ({ ...t, schema: t.schema === "public" ? null : t.schema, columns: t.columns.map((c) => (c.type.kind === "enum" ? { ...c, type: { ...c.type, schema: null } } : c)), foreignKeys: t.foreignKeys.map((fk) => ({ ...fk, referencedSchema: null })) });
    const database = { ...reflected([stored(inPublic), stored(refs)], [{ name: "billing", current: false, tables: 1, read: true }]), enums: [{ schema: null, name: "mood", values: ["ok"] }] };
    const result = compareSchemas(model, database, pg);
    expect(result.operations).toEqual([]);
    // Without the database's word on which schema is current, "public" is just a name.
    expect(compareSchemas(model, { ...database, schemas: undefined }, pg).operations.length).toBeGreaterThan(0);
  });

  it("knows nothing about schemas without the database's list or on a dialect without schemas", () => {
    expect(compareSchemas(db([invoices]), db([]), pg).operations.map((op) => op.kind)).toEqual(["createTable"]);
    expect(compareSchemas(db([invoices]), reflected([], []), { capabilities: SQLITE_CAPS }).operations.map((op) => op.kind)).toEqual(["createTable"]);
  });
});
