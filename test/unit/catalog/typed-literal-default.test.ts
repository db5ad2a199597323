/**
 * Literal defaults as their column's type reads them: the same value compares equal however it
 * is spelt, a different value does not.
 */
import { describe, expect, it } from "vitest";
import { typedLiteralDefault } from "../../../src/catalog/normalize-helpers.js";

const lit = (value: string | number | boolean | null) => ({ kind: "literal" as const, value });

describe("typedLiteralDefault", () => {
  it("a json or jsonb document compares by its value: key order and spacing aside", () => {
    for (const kind of ["json", "jsonb"] as const) {
      expect(typedLiteralDefault(lit('{"theme":"dark","size":2}'), { kind })).toEqual(typedLiteralDefault(lit('{"size": 2, "theme": "dark"}'), { kind }));
      expect(typedLiteralDefault(lit('{"a":[1,{"c":1,"b":2}]}'), { kind })).toEqual(lit('{"a":[1,{"b":2,"c":1}]}'));
    }
    expect(typedLiteralDefault(lit('{"size":2}'), { kind: "jsonb" })).not.toEqual(typedLiteralDefault(lit('{"size":3}'), { kind: "jsonb" }));
  });

  it("text that is not JSON, and JSON in a text column, stay as written", () => {
    expect(typedLiteralDefault(lit("{not json"), { kind: "jsonb" })).toEqual(lit("{not json"));
    expect(typedLiteralDefault(lit('{"b": 1, "a": 2}'), { kind: "text" })).toEqual(lit('{"b": 1, "a": 2}'));
  });
});
