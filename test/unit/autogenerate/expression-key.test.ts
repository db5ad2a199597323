import { describe, expect, it } from "vitest";
import { expressionKey } from "../../../src/autogenerate/compare-expressions.js";

/** [as a model writes it, as a database hands it back] */
const equivalent: Array<[string, string]> = [
  ["price >= 0", "(price >= 0)"],
  ["a > 0 AND b > 0", "((a > 0) AND (b > 0))"],
  ["a + b * c > 0", "((a + (b * c)) > 0)"],
  ["NOT (z = 1)", "NOT z = 1"],
  ["z != 2", "z <> 2"],
  ['"Price" >= 0', "price >= 0"],
  ["`price` >= 0", "price >= 0"],
  ["(q > 0 AND q < 100) OR q IS NULL", "`q` > 0 and `q` < 100 or `q` is null"],
  ["CASE WHEN cs > 1 THEN true ELSE false END", "\nCASE\n    WHEN cs > 1 THEN true\n    ELSE false\nEND"],
  // PostgreSQL (pg_get_expr) spellings
  ["price >= 0", "price >= 0::numeric"],
  ["price * qty > 0 OR m IS NULL", "(price * qty::numeric) > 0::numeric OR m IS NULL"],
  ["s IN ('x', 'y')", "s::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::text[])"],
  ["s IN ('x', 'y')", "((s)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[]))"],
  ["n IN (1, 2, 3)", "n = ANY (ARRAY[1, 2, 3])"],
  ["n NOT IN (1, 2)", "n <> ALL (ARRAY[1, 2])"],
  ["stn IN ('a')", "stn = 'a'::st"],
  ["b BETWEEN 1 AND 5", "b >= 1 AND b <= 5"],
  ["b NOT BETWEEN 1 AND 5", "b < 1 OR b > 5"],
  ["e LIKE '%@%'", "e::text ~~ '%@%'::text"],
  ["lower(lw)", "lower(lw::text)"],
  ["qty + 1", "(qty + 1)"],
  ["d BETWEEN -5 AND 5", "d >= '-5'::integer AND d <= 5"],
  ["n > -1.5", "n > '-1.5'::numeric"],
  ["f = 1 - 2", "f = (1 - 2)"],
  // MySQL 8 spellings
  ["status IN ('a','b')", "(`status` in (_utf8mb4'a',_utf8mb4'b'))"],
];

const different: Array<[string, string]> = [
  ["(a + b) * c", "a + b * c"],
  ["a - (b - c)", "a - b - c"],
  ["(a OR b) AND c", "a OR b AND c"],
  ["NOT (a AND b)", "NOT a AND b"],
  ["x > 0", "x > 1"],
  ["'A'", "'a'"],
  ["(a || b) = c", "a || (b = c)"],
  ["f(a, b)", "f(a), b"],
  ["a - 1", "a -1 + 0"],
  ["s = '-5'", "s = -5"],
];

describe("expressionKey", () => {
  it.each(equivalent)("treats %s and %s as the same expression", (model, stored) => {
    expect(expressionKey(model)).toBe(expressionKey(stored));
  });

  it.each(different)("tells %s and %s apart", (a, b) => {
    expect(expressionKey(a)).not.toBe(expressionKey(b));
  });

  it("does not fold inside string literals or comments", () => {
    expect(expressionKey("a = 'X  Y'")).toBe("a = 'X  Y'");
    expect(expressionKey("a = 1 -- note")).toBe(expressionKey("a = 1"));
  });

  it("falls back to the tokens when parentheses do not balance", () => {
    expect(expressionKey("(a > 0")).toBe("( a > 0");
  });
});
