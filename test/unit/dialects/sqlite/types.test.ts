/** ColumnType <-> declared type, and defaults: what compile writes must read back identically. */
import { describe, expect, it } from "vitest";
import { defaultSql, reflectDefault } from "../../../../src/dialects/sqlite/defaults.js";
import { columnTypeSql, portableColumnType, reflectColumnType } from "../../../../src/dialects/sqlite/types.js";
import type { ColumnType, DefaultValue } from "../../../../src/catalog/types.js";

const roundTrips: ColumnType[] = [
  { kind: "smallint" },
  { kind: "smallint", unsigned: true },
  { kind: "integer" },
  { kind: "integer", unsigned: true },
  { kind: "bigint" },
  { kind: "bigint", unsigned: true },
  { kind: "numeric" },
  { kind: "numeric", precision: 10 },
  { kind: "numeric", precision: 12, scale: 4 },
  { kind: "numeric", precision: 12, scale: 4, unsigned: true },
  { kind: "real" },
  { kind: "double" },
  { kind: "boolean" },
  { kind: "char" },
  { kind: "char", length: 3 },
  { kind: "varchar" },
  { kind: "varchar", length: 255 },
  { kind: "text" },
  { kind: "text", size: "tiny" },
  { kind: "text", size: "medium" },
  { kind: "text", size: "long" },
  { kind: "date" },
  { kind: "time" },
  { kind: "time", precision: 3 },
  { kind: "time", withTimezone: true },
  { kind: "timestamp" },
  { kind: "timestamp", precision: 6 },
  { kind: "timestamp", withTimezone: true, precision: 3 },
  { kind: "interval" },
  { kind: "json" },
  { kind: "jsonb" },
  { kind: "uuid" },
  { kind: "binary" },
  { kind: "binary", fixed: true },
  { kind: "binary", length: 16, fixed: true },
  { kind: "binary", length: 64 },
  { kind: "binary", size: "long" },
  { kind: "raw", sql: "GEOMETRY" },
];

describe("SQLite column types", () => {
  it.each(roundTrips.map((t) => [JSON.stringify(t), t] as const))("%s round-trips", (_label, type) => {
    const declared = columnTypeSql(type, '"t"."c"');
    expect(reflectColumnType(declared)).toEqual(type);
  });

  it("reads common aliases written by other tools as the portable type they mean", () => {
    expect(portableColumnType("INT")).toEqual({ kind: "integer" });
    expect(portableColumnType("int(11)")).toEqual({ kind: "integer" });
    expect(portableColumnType("INT UNSIGNED")).toEqual({ kind: "integer", unsigned: true });
    expect(portableColumnType("UNSIGNED BIG INT")).toEqual({ kind: "bigint", unsigned: true });
    expect(portableColumnType("decimal( 10 , 2 )")).toEqual({ kind: "numeric", precision: 10, scale: 2 });
    expect(portableColumnType("DATETIME")).toEqual({ kind: "timestamp" });
    expect(portableColumnType("timestamp with time zone")).toEqual({ kind: "timestamp", withTimezone: true });
    expect(portableColumnType("CHARACTER VARYING(20)")).toEqual({ kind: "varchar", length: 20 });
    expect(portableColumnType("CLOB")).toEqual({ kind: "text" });
    expect(portableColumnType("FLOAT")).toEqual({ kind: "double" });
    expect(portableColumnType("BOOL")).toEqual({ kind: "boolean" });
  });

  it("reflects an alias as the declared text, so pull keeps the type name the database holds", () => {
    expect(reflectColumnType("NVARCHAR(160)")).toEqual({ kind: "raw", sql: "NVARCHAR(160)" });
    expect(reflectColumnType("DATETIME")).toEqual({ kind: "raw", sql: "DATETIME" });
    expect(reflectColumnType("integer")).toEqual({ kind: "raw", sql: "integer" });
    expect(reflectColumnType("INTEGER")).toEqual({ kind: "integer" });
    expect(reflectColumnType("VARCHAR(20)")).toEqual({ kind: "varchar", length: 20 });
  });

  it("keeps unknown or odd declarations as raw text", () => {
    expect(reflectColumnType("")).toEqual({ kind: "raw", sql: "" });
    expect(reflectColumnType("TINYINT")).toEqual({ kind: "raw", sql: "TINYINT" });
    expect(reflectColumnType("TEXT(10)")).toEqual({ kind: "raw", sql: "TEXT(10)" });
    expect(reflectColumnType("VARCHAR(1,2)")).toEqual({ kind: "raw", sql: "VARCHAR(1,2)" });
  });

  it("writes enums as TEXT and refuses arrays", () => {
    expect(columnTypeSql({ kind: "enum", name: "e", values: ["a"] }, "c")).toBe("TEXT");
    expect(() => columnTypeSql({ kind: "array", of: { kind: "integer" } }, '"t"."c"')).toThrow(/no array types/);
    expect(() => columnTypeSql({ kind: "numeric", scale: 2 }, '"t"."c"')).toThrow(/needs a precision/);
  });
});

describe("SQLite defaults", () => {
  const cases: Array<[DefaultValue, ColumnType, string]> = [
    [{ kind: "literal", value: "it's" }, { kind: "text" }, "'it''s'"],
    [{ kind: "literal", value: "" }, { kind: "text" }, "''"],
    [{ kind: "literal", value: "42" }, { kind: "text" }, "'42'"],
    [{ kind: "literal", value: 42 }, { kind: "integer" }, "42"],
    [{ kind: "literal", value: -1.5 }, { kind: "real" }, "-1.5"],
    [{ kind: "literal", value: null }, { kind: "integer" }, "NULL"],
    [{ kind: "literal", value: true }, { kind: "boolean" }, "1"],
    [{ kind: "literal", value: false }, { kind: "boolean" }, "0"],
    [{ kind: "sql", sql: "CURRENT_TIMESTAMP" }, { kind: "timestamp" }, "CURRENT_TIMESTAMP"],
    [{ kind: "sql", sql: "datetime('now')" }, { kind: "timestamp" }, "(datetime('now'))"],
    [{ kind: "sql", sql: "1" }, { kind: "integer" }, "(1)"],
    // A number spelt otherwise than its value prints keeps its spelling, bare (Rails' 0.0).
    [{ kind: "sql", sql: "0.0" }, { kind: "real" }, "0.0"],
    [{ kind: "sql", sql: "-1.50" }, { kind: "numeric", precision: 10, scale: 2 }, "-1.50"],
    [{ kind: "sql", sql: "1e3" }, { kind: "real" }, "1e3"],
    [{ kind: "sql", sql: "(1 + 2)" }, { kind: "integer" }, "((1 + 2))"],
  ];

  it.each(cases.map(([value, type, text]) => [text, value, type] as const))("%s round-trips", (text, value, type) => {
    expect(defaultSql(value)).toBe(text);
    expect(reflectDefault(text, type)).toEqual(value);
  });

  it("reads defaults written by other tools", () => {
    // The keyword as written (pull keeps it); compare reads it as the boolean.
    expect(reflectDefault("TRUE", { kind: "boolean" })).toEqual({ kind: "sql", sql: "TRUE" });
    expect(defaultSql({ kind: "sql", sql: "FALSE" })).toBe("FALSE");
    expect(reflectDefault("X'00ff'", { kind: "binary" })).toEqual({ kind: "sql", sql: "X'00ff'" });
    expect(reflectDefault("123456789012345678901", { kind: "bigint" })).toEqual({ kind: "sql", sql: "123456789012345678901" });
    expect(reflectDefault("(a) + (b)", { kind: "integer" })).toEqual({ kind: "sql", sql: "(a) + (b)" });
  });
});
