/**
 * The DSL's typing: `@ts-expect-error` lines make the typecheck fail if a mistake that should be
 * a compile error stops being one; the runtime assertions check the same mistakes at load time.
 */
import { describe, expect, it } from "vitest";
import { defineSchema, index, integer, primaryKey, schemaFromModel, sql, table, text, unique } from "../../../src/model/index.js";

describe("DSL typing", () => {
  it("column names in a table's extras are checked against its columns", () => {
    const good = table("t", { a: integer(), b: text() }, (t) => ({
      indexes: [index([t.a, sql`lower(b)`]), index([{ column: "b", descending: true }])],
      uniques: [unique(["a", "b"])],
      primaryKey: primaryKey([t.a]),
    }));
    expect(good.c).toEqual({ a: "a", b: "b" });
    // @ts-expect-error -- "c" is not a column of t
    const bad = table("t", { a: integer() }, () => ({ indexes: [index(["c"])] }));
    expect(() => schemaFromModel(defineSchema({ tables: [bad] }))).toThrow(/names column c/);
  });

  it("unsigned() is only offered on integer and numeric types", () => {
    expect(integer().unsigned().definition.type).toEqual({ kind: "integer", unsigned: true });
    // @ts-expect-error -- text has no UNSIGNED
    expect(() => text().unsigned()).toThrow(/not text/);
  });

  it("finds a CommonJS-style namespace under default", () => {
    const t = table("t", { a: integer() });
    expect(schemaFromModel({ default: { t } }).tables.map((x) => x.name)).toEqual(["t"]);
  });
});
