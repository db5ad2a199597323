import { describe, expect, it } from "vitest";
import { expressionKey } from "../../../../src/autogenerate/compare-expressions.js";
import { foldMysqlSpellings } from "../../../../src/dialects/mysql/expression-spellings.js";

const key = (sql: string): string => expressionKey(sql, foldMysqlSpellings);

describe("MySQL expression spellings", () => {
  it.each([
    ["status IN ('a','b')", "(`status` in (_utf8mb4'a',_utf8mb4'b'))"],
    ["kind = 'x'", "`kind` = _latin1'x'"],
    // MariaDB's names for these functions (information_schema.COLUMNS.GENERATION_EXPRESSION, CHECK_CLAUSE).
    ["lower(first)", "lcase(`first`)"],
    ["UPPER(a) <> 'X'", "ucase(`a`) <> 'X'"],
    ["substring(a, 1, 3)", "substr(`a`,1,3)"],
    ["mid(a, 2, 2)", "substr(`a`,2,2)"],
    ["power(b, 2) < 100", "pow(`b`,2) < 100"],
    ["character_length(a)", "char_length(`a`)"],
  ])("treats %s and %s as the same expression", (model, stored) => {
    expect(key(model)).toBe(key(stored));
  });

  it("keeps a word before a string that is not an introducer, and strings with backslashes whole", () => {
    expect(key("a = _utf8mb4'x'")).not.toBe(key("a = 'y'"));
    expect(foldMysqlSpellings("a = 'it\\'s _utf8mb4'")).toBe("a = 'it\\'s _utf8mb4'");
  });

  it("folds a function's other name only where it is called: a column named lcase stays", () => {
    expect(key("lcase + 1")).not.toBe(key("lower + 1"));
    expect(key("lower(a)")).not.toBe(key("upper(a)"));
  });
});
