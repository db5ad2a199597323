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
  ["b BETWEEN 1 AND 5", "b >= 1 AND b <= 5"],
  ["b NOT BETWEEN 1 AND 5", "b < 1 OR b > 5"],
  ["qty + 1", "(qty + 1)"],
  ["f = 1 - 2", "f = (1 - 2)"],
  // A WHERE condition is whole: PostgreSQL wraps it, as in a policy's EXISTS (SELECT … WHERE (…)).
  ["exists (select 1 from teams t where t.id = team)", "(EXISTS ( SELECT 1\n   FROM teams t\n  WHERE (t.id = team)))"],
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
  // A PostgreSQL cast is only PostgreSQL's to undo: the neutral key keeps it.
  ["price >= 0", "price >= 0::numeric"],
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
