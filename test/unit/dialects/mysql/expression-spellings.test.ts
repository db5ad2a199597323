import { describe, expect, it } from "vitest";
import { expressionKey } from "../../../../src/autogenerate/compare-expressions.js";
import { foldMysqlSpellings } from "../../../../src/dialects/mysql/expression-spellings.js";

const key = (sql: string): string => expressionKey(sql, foldMysqlSpellings);

describe("MySQL expression spellings", () => {
  it.each([
    ["status IN ('a','b')", "(`status` in (_utf8mb4'a',_utf8mb4'b'))"],
    ["kind = 'x'", "`kind` = _latin1'x'"],
  ])("treats %s and %s as the same expression", (model, stored) => {
    expect(key(model)).toBe(key(stored));
  });

  it("keeps a word before a string that is not an introducer, and strings with backslashes whole", () => {
    expect(key("a = _utf8mb4'x'")).not.toBe(key("a = 'y'"));
    expect(foldMysqlSpellings("a = 'it\\'s _utf8mb4'")).toBe("a = 'it\\'s _utf8mb4'");
  });
});
