import { describe, expect, it } from "vitest";
import {
  array, bigint, bigserial, binary, blob, boolean, buildColumn, char, column, date, double, enumType, identity, integer, interval, json, jsonb,
  numeric, rawType, real, serial, smallint, sql, text, time, timestamp, uuid, varchar, type ColumnBuilder,
  check, exclude, foreignKey, index, primaryKey, unique,
} from "../../../src/model/index.js";
import type { ColumnType } from "../../../src/catalog/types.js";
import { MigrateError } from "../../../src/errors.js";

const typeOf = (builder: ColumnBuilder): ColumnType => buildColumn("c", builder).type;

describe("column type factories", () => {
  it.each<[string, ColumnBuilder, ColumnType]>([
    ["smallint", smallint(), { kind: "smallint" }],
    ["integer", integer(), { kind: "integer" }],
    ["bigint", bigint(), { kind: "bigint" }],
    ["numeric()", numeric(), { kind: "numeric" }],
    ["numeric(12, 2)", numeric(12, 2), { kind: "numeric", precision: 12, scale: 2 }],
    ["numeric(10)", numeric(10), { kind: "numeric", precision: 10 }],
    ["real", real(), { kind: "real" }],
    ["double", double(), { kind: "double" }],
    ["boolean", boolean(), { kind: "boolean" }],
    ["char()", char(), { kind: "char" }],
    ["char(2)", char(2), { kind: "char", length: 2 }],
    ["varchar()", varchar(), { kind: "varchar" }],
    ["varchar(255)", varchar(255), { kind: "varchar", length: 255 }],
    ["text()", text(), { kind: "text" }],
    ["text medium", text({ size: "medium" }), { kind: "text", size: "medium" }],
    ["date", date(), { kind: "date" }],
    ["time()", time(), { kind: "time" }],
    ["time tz p3", time({ withTimezone: true, precision: 3 }), { kind: "time", withTimezone: true, precision: 3 }],
    ["timestamp()", timestamp(), { kind: "timestamp" }],
    ["timestamptz", timestamp({ withTimezone: true }), { kind: "timestamp", withTimezone: true }],
    ["timestamp(6)", timestamp({ precision: 6 }), { kind: "timestamp", precision: 6 }],
    ["interval", interval(), { kind: "interval" }],
    ["json", json(), { kind: "json" }],
    ["jsonb", jsonb(), { kind: "jsonb" }],
    ["uuid", uuid(), { kind: "uuid" }],
    ["binary()", binary(), { kind: "binary" }],
    ["binary(16) fixed", binary({ length: 16, fixed: true }), { kind: "binary", length: 16, fixed: true }],
    ["varbinary(255)", binary({ length: 255 }), { kind: "binary", length: 255 }],
    ["blob()", blob(), { kind: "binary" }],
    ["blob long", blob({ size: "long" }), { kind: "binary", size: "long" }],
    ["array(text())", array(text()), { kind: "array", of: { kind: "text" } }],
    ["array 2-dim", array(integer(), { dimensions: 2 }), { kind: "array", of: { kind: "integer" }, dimensions: 2 }],
    ["array of ColumnType", array({ kind: "uuid" }), { kind: "array", of: { kind: "uuid" } }],
    ["rawType", rawType("tsvector"), { kind: "raw", sql: "tsvector" }],
    ["column(type)", column({ kind: "varchar", length: 3 }), { kind: "varchar", length: 3 }],
    ["enum column", enumType("mood", ["sad", "ok"]).column(), { kind: "enum", name: "mood", values: ["sad", "ok"], schema: null }],
    ["enum in schema", enumType("mood", ["a"], { schema: "app" }).column(), { kind: "enum", name: "mood", values: ["a"], schema: "app" }],
    ["unsigned integer", integer().unsigned(), { kind: "integer", unsigned: true }],
    ["unsigned numeric", numeric(12, 2).unsigned(), { kind: "numeric", precision: 12, scale: 2, unsigned: true }],
  ])("%s", (_label, builder, expected) => {
    expect(typeOf(builder)).toEqual(expected);
  });

  it("serial, bigserial and identity are integers that generate their values and are NOT NULL", () => {
    expect(buildColumn("id", serial())).toMatchObject({ type: { kind: "integer" }, generated: { kind: "autoincrement" }, nullable: false });
    expect(buildColumn("id", bigserial())).toMatchObject({ type: { kind: "bigint" }, generated: { kind: "autoincrement" }, nullable: false });
    expect(buildColumn("id", identity())).toMatchObject({ type: { kind: "integer" }, generated: { kind: "identity", always: false }, nullable: false });
    expect(buildColumn("id", identity({ always: true })).generated).toEqual({ kind: "identity", always: true });
    expect(buildColumn("id", bigint().identity({ always: true })).type).toEqual({ kind: "bigint" });
  });

  it("rejects invalid type arguments", () => {
    expect(() => numeric(undefined, 2)).toThrow(/scale without a precision/);
    expect(() => varchar(-1)).toThrow(/non-negative integer/);
    expect(() => char(2.5)).toThrow(/non-negative integer/);
    expect(() => binary({ fixed: true })).toThrow(/needs a length/);
    expect(() => rawType(" ")).toThrow(MigrateError);
  });
});

describe("column builder", () => {
  it("produces a complete ColumnSchema with nullable defaults", () => {
    expect(buildColumn("name", text())).toEqual({
      name: "name",
      type: { kind: "text" },
      nullable: true,
      default: null,
      generated: null,
      comment: null,
      onUpdate: null,
      collation: null,
    });
  });

  it("records every modifier", () => {
    const col = buildColumn(
      "updated_at",
      timestamp().notNull().default(sql`CURRENT_TIMESTAMP`).onUpdate(sql`CURRENT_TIMESTAMP`).comment("last change").collate("C"),
    );
    expect(col).toEqual({
      name: "updated_at",
      type: { kind: "timestamp" },
      nullable: false,
      default: { kind: "sql", sql: "CURRENT_TIMESTAMP" },
      generated: null,
      comment: "last change",
      onUpdate: "CURRENT_TIMESTAMP",
      collation: "C",
    });
  });

  it("keeps literal defaults of every kind", () => {
    expect(buildColumn("a", boolean().default(true)).default).toEqual({ kind: "literal", value: true });
    expect(buildColumn("a", integer().default(0)).default).toEqual({ kind: "literal", value: 0 });
    expect(buildColumn("a", text().default("x'y")).default).toEqual({ kind: "literal", value: "x'y" });
    expect(buildColumn("a", text().default(null)).default).toEqual({ kind: "literal", value: null });
  });

  it("computed columns are stored unless asked otherwise", () => {
    expect(buildColumn("total", integer().generated("a + b")).generated).toEqual({ kind: "computed", sql: "a + b", stored: true });
    expect(buildColumn("total", integer().generated(sql`a * 2`, { stored: false })).generated).toEqual({ kind: "computed", sql: "a * 2", stored: false });
  });

  it("nullable() and notNull() are explicit; the last call wins", () => {
    expect(buildColumn("a", integer().notNull().nullable()).nullable).toBe(true);
    expect(buildColumn("a", integer().nullable().notNull()).nullable).toBe(false);
    expect(buildColumn("a", integer().primaryKey()).nullable).toBe(false);
  });

  it("is immutable, so a builder can be shared", () => {
    const base = varchar(20);
    const required = base.notNull();
    expect(buildColumn("a", base).nullable).toBe(true);
    expect(buildColumn("a", required).nullable).toBe(false);
    expect(base.definition.unique).toBeNull();
    expect(base.unique().definition.unique).toEqual({ name: null });
  });

  it("refuses SQL defaults that interpolate values", () => {
    const value = 5;
    expect(() => integer().default(sql`${value} + 1`)).toThrow(/cannot bind values/);
  });

  it("refuses non-finite numeric defaults", () => {
    expect(() => double().default(Number.NaN)).toThrow(/not a finite number/);
  });

  it("refuses unsigned() on a non-numeric type at run time", () => {
    const builder = text() as unknown as ReturnType<typeof integer>;
    expect(() => builder.unsigned()).toThrow(/unsigned\(\) applies to integer and numeric columns, not text/);
  });

  it("refuses an enum default that is not one of the values", () => {
    const status = enumType("status", ["new", "done"]);
    expect(() => buildColumn("s", status.column().default("old"), "jobs")).toThrow('The default "old" of column jobs.s is not a value of enum status.');
  });

  it("refuses a generated column with a default", () => {
    expect(() => buildColumn("t", integer().generated("a + 1").default(1), "x")).toThrow(/x.t is a generated column and also has a default/);
  });

  it("refuses an empty column name and a value that is not a builder", () => {
    expect(() => buildColumn("", integer(), "t")).toThrow(/empty name/);
    expect(() => buildColumn("c", "int" as unknown as ColumnBuilder, "t")).toThrow("Column t.c is not a column builder.");
  });

  it("errors are MigrateError with code model and a hint", () => {
    try {
      buildColumn("c", "x" as unknown as ColumnBuilder);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MigrateError);
      expect((error as MigrateError).code).toBe("model");
      expect((error as MigrateError).hint).toMatch(/type factories/);
    }
  });

  it("a references() written drizzle's way (no column name) says how athanor's form goes", () => {
    const users = { athanorKind: "table" } as never;
    try {
      const column = integer();
      (column.references as (target: unknown) => unknown).call(column, () => users);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MigrateError);
      expect((error as MigrateError).message).toBe("references() names the target table and then its column; no column was given.");
      expect((error as MigrateError).hint).toContain('.references(() => users, "id")');
    }
  });
});

describe("definitions written in another tool's argument order", () => {
  const refusal = (f: () => unknown): MigrateError => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(MigrateError);
      return error as MigrateError;
    }
    throw new Error("expected a MigrateError");
  };
  const loose = <T>(fn: T) => fn as unknown as (...args: unknown[]) => unknown;

  it("a name where the list goes is refused with the form athanor takes, not spread into one column per letter", () => {
    const e = refusal(() => loose(index)("items_name", ["name"]));
    expect(e.message).toBe('index() takes the list of its elements first, not a name ("items_name").');
    expect(e.hint).toContain('index(["name"], { name: "items_name" })');
    expect(refusal(() => loose(unique)("users_email_key")).message).toBe('unique() takes the list of its columns first, not a name ("users_email_key").');
    expect(refusal(() => loose(primaryKey)("pk")).hint).toContain("primaryKey([");
    expect(refusal(() => loose(foreignKey)("fk", () => null, ["id"])).hint).toContain('foreignKey(["customer_id"]');
    expect(refusal(() => loose(exclude)("no_overlap")).message).toMatch(/^exclude\(\) takes the list of its elements first/);
  });

  it("check(name, expression) is refused with check(expression, { name })", () => {
    const e = refusal(() => loose(check)("price_positive", sql`price > 0`));
    expect(e.message).toBe("check() takes the expression first, then its options; it was given a name and then an expression.");
    expect(e.hint).toBe('Write check(sql`price > 0`, { name: "price_positive" }).');
    expect(check(sql`price > 0`, { name: "price_positive" }).name).toBe("price_positive");
  });
});

describe("defaults that are documents", () => {
  it("a json or jsonb column takes an object or array as its document; keys compare in any order", () => {
    expect(buildColumn("prefs", jsonb().default({ theme: "dark", size: 2 })).default).toEqual({ kind: "literal", value: '{"theme":"dark","size":2}' });
    expect(buildColumn("tags", json().default([])).default).toEqual({ kind: "literal", value: "[]" });
  });

  it("another column given an object says what it takes, as a model error rather than a crash at upgrade", () => {
    try {
      (integer().default as (v: unknown) => unknown).call(integer(), { n: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MigrateError);
      expect((error as MigrateError).message).toMatch(/is an object or array, which only a json or jsonb column takes as a default/);
    }
  });
});
