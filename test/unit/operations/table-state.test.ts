/**
 * The one table-state engine: what an operation does to a table's definition, with the
 * dialect's identifier rules, and how a run's known tables move (definition, absent, unknown).
 */
import { describe, expect, it } from "vitest";
import { KnownTables } from "../../../src/operations/known-tables.js";
import { applyToTable, startEdit, applyEdit } from "../../../src/operations/table-state.js";
import type { TableSchema } from "../../../src/catalog/types.js";
import { sqliteIdentifierRules } from "../../../src/dialects/sqlite/table-edits.js";

const items = (): TableSchema => ({
  name: "items",
  columns: [
    { name: "id", type: { kind: "integer" }, nullable: false, default: null },
    { name: "code", type: { kind: "varchar", length: 10 }, nullable: false, default: null },
  ],
  primaryKey: { name: "items_pkey", columns: ["id"] },
  foreignKeys: [],
  uniques: [{ name: "uq_code", columns: ["code"] }],
  checks: [{ name: "ck_code", expression: "length(code) > 0" }],
  indexes: [{ name: "ix_code", elements: [{ column: "code" }], unique: false, where: "code <> 'x'" }],
});

describe("applyToTable", () => {
  it("renames a column in keys, and in expressions with the dialect's rules", () => {
    const after = applyToTable(items(), [{ kind: "alterColumn", table: "items", column: "CODE", newName: "sku" }], sqliteIdentifierRules);
    expect(after.columns.map((c) => c.name)).toEqual(["id", "sku"]);
    expect(after.uniques[0]?.columns).toEqual(["sku"]);
    expect(after.checks[0]?.expression).toBe('length("sku") > 0');
    expect(after.indexes[0]).toMatchObject({ elements: [{ column: "sku" }], where: `"sku" <> 'x'` });
  });

  it("names compare exactly without rules, and the input is left as it was", () => {
    const before = items();
    expect(() => applyToTable(before, [{ kind: "dropColumn", table: "items", column: "CODE" }])).toThrow(/has no column "CODE"/);
    const after = applyToTable(before, [{ kind: "dropColumn", table: "items", column: "code" }]);
    expect(after.uniques).toEqual([]);
    expect(after.indexes).toEqual([]);
    expect(before.columns).toHaveLength(2);
  });

  it("puts an added column where its position says, and refuses a position after a missing column", () => {
    const qty = { name: "qty", type: { kind: "integer" }, nullable: true, default: null } as const;
    const names = (t: TableSchema): string[] => t.columns.map((c) => c.name);
    expect(names(applyToTable(items(), [{ kind: "addColumn", table: "items", column: qty, position: { after: "id" } }]))).toEqual(["id", "qty", "code"]);
    expect(names(applyToTable(items(), [{ kind: "addColumn", table: "items", column: qty, position: { first: true } }]))).toEqual(["qty", "id", "code"]);
    expect(names(applyToTable(items(), [{ kind: "addColumn", table: "items", column: qty }]))).toEqual(["id", "code", "qty"]);
    expect(() => applyToTable(items(), [{ kind: "addColumn", table: "items", column: qty, position: { after: "nope" } }])).toThrow(/has no column "nope"/);
  });

  it("tracks where each column's values come from", () => {
    const edit = startEdit(items());
    applyEdit(edit, { kind: "alterColumn", table: "items", column: "code", newName: "sku", using: "upper(code)" });
    applyEdit(edit, { kind: "addColumn", table: "items", column: { name: "qty", type: { kind: "integer" }, nullable: true, default: null } });
    expect([...edit.origins]).toEqual([["id", { column: "id" }], ["sku", { expression: "upper(code)" }], ["qty", null]]);
  });
});

describe("KnownTables", () => {
  it("moves definitions through create, alter, rename and drop; unknown stays unknown", () => {
    const known = new KnownTables();
    known.apply({ kind: "addColumn", table: "ghost", column: { name: "x", type: { kind: "integer" }, nullable: true, default: null } });
    expect(known.entry({ name: "ghost" })).toBeUndefined();
    known.apply({ kind: "createTable", table: items() });
    known.apply({ kind: "dropIndex", table: "items", name: "ix_code" });
    known.apply({ kind: "renameTable", from: "items", to: "goods" });
    expect(known.entry({ name: "items" })).toBeNull();
    expect(known.get({ name: "goods" })?.indexes).toEqual([]);
    known.apply({ kind: "dropTable", table: "goods" });
    expect(known.entry({ name: "goods" })).toBeNull();
  });

  it("a definition an operation cannot apply to becomes unknown rather than wrong", () => {
    const known = new KnownTables();
    known.apply({ kind: "createTable", table: items() });
    known.apply({ kind: "dropColumn", table: "items", column: "nope" });
    expect(known.has({ name: "items" })).toBe(false);
  });
});
