import { describe, expect, it } from "vitest";
import { destructiveWarnings, renderOperations } from "../../../src/autogenerate/render-revision.js";
import type { AlterColumnOp, Operation } from "../../../src/operations/types.js";
import type { ColumnType } from "../../../src/catalog/types.js";
import { col } from "./render-fixtures.js";

const alter = (from: ColumnType | undefined, to: ColumnType): AlterColumnOp => ({ kind: "alterColumn", table: "t", column: "c", type: to, ...(from ? { existingType: from } : {}) });
const warns = (from: ColumnType, to: ColumnType): boolean => destructiveWarnings([alter(from, to)]).length > 0;

describe("destructiveWarnings", () => {
  it("warns about dropped tables and columns, naming the schema", () => {
    const ops: Operation[] = [
      { kind: "dropTable", table: "orders" },
      { kind: "dropTable", schema: "shop", table: "carts" },
      { kind: "dropColumn", table: "users", column: "email" },
    ];
    expect(destructiveWarnings(ops)).toEqual([
      'drops table "orders" and all its rows',
      'drops table "shop.carts" and all its rows',
      'drops column "users.email" and all its values',
    ]);
  });

  it("is silent for operations that keep data", () => {
    const ops: Operation[] = [
      { kind: "addColumn", table: "t", column: col("c", { kind: "text" }) },
      { kind: "renameTable", from: "a", to: "b" },
      { kind: "dropIndex", table: "t", name: "ix" },
      { kind: "dropConstraint", table: "t", name: "ck", type: "check" },
      { kind: "alterColumn", table: "t", column: "c", nullable: false, existingNullable: true },
      { kind: "execute", sql: "DELETE FROM t" },
    ];
    expect(destructiveWarnings(ops)).toEqual([]);
  });

  it.each<[string, ColumnType, ColumnType]>([
    ["varchar shrinks", { kind: "varchar", length: 255 }, { kind: "varchar", length: 100 }],
    ["varchar gets a limit", { kind: "varchar" }, { kind: "varchar", length: 100 }],
    ["char shrinks", { kind: "char", length: 10 }, { kind: "char", length: 2 }],
    ["numeric loses precision", { kind: "numeric", precision: 12, scale: 2 }, { kind: "numeric", precision: 10, scale: 2 }],
    ["numeric loses scale", { kind: "numeric", precision: 12, scale: 4 }, { kind: "numeric", precision: 12, scale: 2 }],
    ["numeric gets bounded", { kind: "numeric" }, { kind: "numeric", precision: 30, scale: 2 }],
    ["bigint to integer", { kind: "bigint" }, { kind: "integer" }],
    ["integer to smallint", { kind: "integer" }, { kind: "smallint" }],
    ["signed to unsigned", { kind: "integer" }, { kind: "integer", unsigned: true }],
    ["text to varchar", { kind: "text" }, { kind: "varchar", length: 50 }],
    ["longtext to text", { kind: "text", size: "long" }, { kind: "text" }],
    ["text to integer", { kind: "text" }, { kind: "integer" }],
    ["json to jsonb", { kind: "json" }, { kind: "jsonb" }],
    ["enum to a varchar too short for a value", { kind: "enum", name: "e", values: ["abcd"] }, { kind: "varchar", length: 3 }],
    ["integer to tinytext", { kind: "integer" }, { kind: "text", size: "tiny" }],
    ["timestamptz to timestamp", { kind: "timestamp", withTimezone: true }, { kind: "timestamp" }],
    ["timestamp precision drops", { kind: "timestamp", precision: 6 }, { kind: "timestamp", precision: 0 }],
    ["enum loses a value", { kind: "enum", name: "e", values: ["a", "b"] }, { kind: "enum", name: "e", values: ["a"] }],
    ["array element narrows", { kind: "array", of: { kind: "varchar", length: 9 } }, { kind: "array", of: { kind: "varchar", length: 3 } }],
    ["binary shrinks", { kind: "binary", length: 32 }, { kind: "binary", length: 16 }],
    ["raw type changes", { kind: "raw", sql: "tsvector" }, { kind: "raw", sql: "box" }],
    ["integer to narrow numeric", { kind: "integer" }, { kind: "numeric", precision: 5 }],
  ])("warns when the type narrows: %s", (_label, from, to) => {
    expect(warns(from, to)).toBe(true);
  });

  it.each<[string, ColumnType, ColumnType]>([
    ["varchar grows", { kind: "varchar", length: 100 }, { kind: "varchar", length: 255 }],
    ["varchar loses its limit", { kind: "varchar", length: 100 }, { kind: "varchar" }],
    ["smallint to bigint", { kind: "smallint" }, { kind: "bigint" }],
    ["integer to bigint", { kind: "integer" }, { kind: "bigint" }],
    ["unsigned integer to bigint", { kind: "integer", unsigned: true }, { kind: "bigint" }],
    ["numeric grows", { kind: "numeric", precision: 10, scale: 2 }, { kind: "numeric", precision: 12, scale: 2 }],
    ["numeric unbounded", { kind: "numeric", precision: 10, scale: 2 }, { kind: "numeric" }],
    ["real to double", { kind: "real" }, { kind: "double" }],
    ["varchar to text", { kind: "varchar", length: 10 }, { kind: "text" }],
    ["char to longer varchar", { kind: "char", length: 3 }, { kind: "varchar", length: 3 }],
    ["integer to wide numeric", { kind: "integer" }, { kind: "numeric", precision: 12 }],
    ["enum gains a value", { kind: "enum", name: "e", values: ["a"] }, { kind: "enum", name: "e", values: ["a", "b"] }],
    ["text to longtext", { kind: "text" }, { kind: "text", size: "long" }],
    ["integer to text (its text form)", { kind: "integer" }, { kind: "text" }],
    ["timestamp to unbounded varchar", { kind: "timestamp" }, { kind: "varchar" }],
    ["enum to text", { kind: "enum", name: "e", values: ["a"] }, { kind: "text" }],
    ["enum to a varchar its values fit", { kind: "enum", name: "e", values: ["abc"] }, { kind: "varchar", length: 3 }],
    ["date to timestamp", { kind: "date" }, { kind: "timestamp" }],
    ["jsonb to json", { kind: "jsonb" }, { kind: "json" }],
  ])("stays silent when the type widens: %s", (_label, from, to) => {
    expect(warns(from, to)).toBe(false);
  });

  it("says what changes and why", () => {
    expect(destructiveWarnings([alter({ kind: "varchar", length: 255 }, { kind: "varchar", length: 100 })])).toEqual([
      'changes column "t.c" from varchar(255) to varchar(100) (shorter length); values that do not fit are rejected or lost',
    ]);
    expect(destructiveWarnings([alter(undefined, { kind: "integer" })])).toEqual([
      'changes the type of column "t.c" to integer without knowing the previous type; check that no values are lost',
    ]);
  });

  it("looks inside batches", () => {
    const op: Operation = { kind: "batchAlterTable", table: "t", recreate: "auto", operations: [{ kind: "dropColumn", table: "t", column: "x" }, alter({ kind: "bigint" }, { kind: "integer" })] };
    expect(destructiveWarnings([op])).toHaveLength(2);
  });
});

describe("warning comments in rendered bodies", () => {
  it("puts each warning on the line above its operation", () => {
    const { body } = renderOperations([
      { kind: "renameTable", from: "a", to: "b" },
      { kind: "dropTable", table: "orders" },
      { kind: "dropColumn", table: "users", column: "email" },
    ]);
    expect(body.split("\n")).toEqual([
      '  await op.renameTable("a", "b");',
      '  // WARNING: drops table "orders" and all its rows',
      '  await op.dropTable("orders");',
      '  // WARNING: drops column "users.email" and all its values',
      '  await op.dropColumn("users", "email");',
    ]);
  });

  it("puts warnings for batch operations inside the batch callback", () => {
    const { body } = renderOperations([{ kind: "batchAlterTable", table: "t", recreate: "auto", operations: [{ kind: "dropColumn", table: "t", column: "x" }] }]);
    expect(body.split("\n")).toEqual(['  await op.batchAlterTable("t", (batch) => {', '    // WARNING: drops column "t.x" and all its values', '    batch.dropColumn("x");', "  });"]);
  });

  it("keeps a name with a line break inside one comment line", () => {
    const { body } = renderOperations([{ kind: "dropTable", table: "evil\nname" }]);
    expect(body.split("\n")[0]).toBe('  // WARNING: drops table "evil\\nname" and all its rows');
  });
});
