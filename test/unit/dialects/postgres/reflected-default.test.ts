/** A reflected PostgreSQL default keeps the spelling the database holds, and compares folded. */
import { describe, expect, it } from "vitest";
import { parseReflectedDefault, reflectedDefault } from "../../../../src/dialects/postgres/defaults.js";

describe("reflectedDefault", () => {
  it("keeps an expression as PostgreSQL prints it", () => {
    expect(reflectedDefault("now()", { kind: "timestamp" })).toEqual({ kind: "sql", sql: "now()" });
    expect(reflectedDefault("CURRENT_TIMESTAMP", { kind: "timestamp" })).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP" });
  });

  it("keeps a quoted number, which a bare literal would not store again", () => {
    expect(reflectedDefault("'0'::bigint", { kind: "bigint" })).toEqual({ kind: "sql", sql: "'0'::bigint" });
    expect(reflectedDefault("'99.9'::double precision", { kind: "double" })).toEqual({ kind: "sql", sql: "'99.9'::double precision" });
  });

  it("reads a literal that writing it back stores identically", () => {
    expect(reflectedDefault("0", { kind: "integer" })).toEqual({ kind: "literal", value: 0 });
    expect(reflectedDefault("'-1'::integer", { kind: "integer" })).toEqual({ kind: "literal", value: -1 });
    expect(reflectedDefault("'-1.25'::numeric", { kind: "numeric" })).toEqual({ kind: "literal", value: -1.25 });
    expect(reflectedDefault("'abc'::text", { kind: "text" })).toEqual({ kind: "literal", value: "abc" });
    expect(reflectedDefault("true", { kind: "boolean" })).toEqual({ kind: "literal", value: true });
  });

  it("reads DEFAULT NULL as no default", () => {
    expect(reflectedDefault("NULL::character varying", { kind: "varchar" })).toBeNull();
  });

  it("compares folded: the kept spelling of a literal means the literal", () => {
    expect(parseReflectedDefault("'0'::bigint", { kind: "bigint" })).toEqual({ kind: "literal", value: 0 });
  });

  it("keeps now() and CURRENT_TIMESTAMP apart, as the catalog prints them apart", () => {
    expect(parseReflectedDefault("now()", { kind: "timestamp" })).toEqual({ kind: "sql", sql: "now()" });
    expect(parseReflectedDefault("CURRENT_TIMESTAMP", { kind: "timestamp" })).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP" });
  });
});
