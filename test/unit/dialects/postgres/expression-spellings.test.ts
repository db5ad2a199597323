import { describe, expect, it } from "vitest";
import { expressionKey } from "../../../../src/autogenerate/compare-expressions.js";
import { foldPostgresSpellings } from "../../../../src/dialects/postgres/expression-spellings.js";

const key = (sql: string): string => expressionKey(sql, foldPostgresSpellings);

/** [as a model writes it, as pg_get_expr hands it back] */
const equivalent: Array<[string, string]> = [
  ["price >= 0", "price >= 0::numeric"],
  ["price * qty > 0 OR m IS NULL", "(price * qty::numeric) > 0::numeric OR m IS NULL"],
  ["s IN ('x', 'y')", "s::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::text[])"],
  ["s IN ('x', 'y')", "((s)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[]))"],
  ["n IN (1, 2, 3)", "n = ANY (ARRAY[1, 2, 3])"],
  ["n NOT IN (1, 2)", "n <> ALL (ARRAY[1, 2])"],
  ["stn IN ('a')", "stn = 'a'::st"],
  ["e LIKE '%@%'", "e::text ~~ '%@%'::text"],
  ["lower(lw)", "lower(lw::text)"],
  ["d BETWEEN -5 AND 5", "d >= '-5'::integer AND d <= 5"],
  ["n > -1.5", "n > '-1.5'::numeric"],
  ["note = E'it''s'", "note = E'it\\'s'::text"],
];

/** Different expressions the folds must not merge. */
const different: Array<[string, string]> = [
  ["n IN (1, 2)", "n = ANY (ARRAY[1, 3])"],
  ["e LIKE 'a%'", "e ILIKE 'a%'"],
  ["s = '$1'", "s = 'x'"],
  ["d > -5", "d > '-6'::integer"],
  ["a::text = 'x'", "a = 'y'"],
];

describe("PostgreSQL expression spellings", () => {
  it.each(equivalent)("treats %s and %s as the same expression", (model, stored) => {
    expect(key(model)).toBe(key(stored));
  });

  it.each(different)("tells %s and %s apart", (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it("leaves an expression with nothing to fold as it was written", () => {
    expect(foldPostgresSpellings("lower(name)  =  'x'")).toBe("lower(name)  =  'x'");
  });

  it("does not touch casts inside strings or dollar-quoted text", () => {
    expect(foldPostgresSpellings("a = 'b::int'")).toBe("a = 'b::int'");
    expect(foldPostgresSpellings("a = $$b::int$$::text")).toBe("a = $$b::int$$");
  });
});
