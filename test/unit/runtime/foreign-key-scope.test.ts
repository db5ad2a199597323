import { describe, expect, it } from "vitest";
import { ForeignKeyScopeCollector, foreignKeyScope } from "../../../src/runtime/foreign-key-scope.js";
import type { Operation } from "../../../src/operations/types.js";
import type { TableSchema } from "../../../src/catalog/types.js";

const table = (name: string): TableSchema => ({ schema: null, name, columns: [{ name: "id", type: { kind: "integer" }, nullable: false }], primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [] });

describe("foreignKeyScope", () => {
  it("is empty for what changes no rows: a new table, a view", () => {
    expect(foreignKeyScope({ kind: "createTable", table: table("t") })).toEqual([]);
    expect(foreignKeyScope({ kind: "createObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 1" } } as Operation)).toEqual([]);
  });

  it("names the table an operation changes, both names of a rename, and the whole database for raw SQL", () => {
    expect(foreignKeyScope({ kind: "dropTable", table: "p" })).toEqual([{ schema: null, name: "p" }]);
    expect(foreignKeyScope({ kind: "addColumn", table: "t", column: { name: "x", type: { kind: "integer" }, nullable: true } })).toEqual([{ schema: null, name: "t" }]);
    expect(foreignKeyScope({ kind: "bulkInsert", table: "t", rows: [{ id: 1 }] })).toEqual([{ schema: null, name: "t" }]);
    expect(foreignKeyScope({ kind: "batchAlterTable", table: "t", operations: [] })).toEqual([{ schema: null, name: "t" }]);
    expect(foreignKeyScope({ kind: "renameTable", from: "a", to: "b" })).toEqual([
      { schema: null, name: "a" },
      { schema: null, name: "b" },
    ]);
    expect(foreignKeyScope({ kind: "execute", sql: "DELETE FROM p" })).toBe("any");
  });
});

describe("ForeignKeyScopeCollector", () => {
  it("collects each table once (names without case, as SQLite compares them), and widens to any", () => {
    const c = new ForeignKeyScopeCollector();
    expect(c.scope).toEqual([]);
    c.add(foreignKeyScope({ kind: "createTable", table: table("new") }));
    c.add(foreignKeyScope({ kind: "dropColumn", table: "T", column: "x" }));
    c.add(foreignKeyScope({ kind: "createIndex", table: "t", index: { name: "i", elements: [{ column: "id" }], unique: false } }));
    expect(c.scope).toEqual([{ schema: null, name: "t" }]);
    c.add("any");
    expect(c.scope).toBe("any");
  });
});
