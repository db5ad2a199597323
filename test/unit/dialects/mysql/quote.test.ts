/** Quoting and offline inlining for MySQL. */
import { describe, expect, it } from "vitest";
import { inlineParams, placeholderOffsets, quoteIdentifier, quoteLiteral, quoteTable, valueLiteral } from "../../../../src/dialects/mysql/quote.js";
import { MigrateError } from "../../../../src/errors.js";

describe("mysql quoting", () => {
  it("doubles backticks in identifiers and qualifies by database", () => {
    expect(quoteIdentifier("we`ird")).toBe("`we``ird`");
    expect(quoteIdentifier("order")).toBe("`order`");
    expect(quoteTable({ name: "t" })).toBe("`t`");
    expect(quoteTable({ schema: "d`b", name: "t" })).toBe("`d``b`.`t`");
  });

  it("doubles quotes and escapes backslashes in literals", () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral("a\\b")).toBe("'a\\\\b'");
    expect(quoteLiteral("\\'")).toBe("'\\\\'''");
    expect(quoteLiteral(null)).toBe("NULL");
    expect(quoteLiteral(true)).toBe("TRUE");
    expect(quoteLiteral(-1.5)).toBe("-1.5");
    expect(() => quoteLiteral(Number.NaN)).toThrow(MigrateError);
  });

  it("renders bound values as literals", () => {
    expect(valueLiteral(undefined)).toBe("NULL");
    expect(valueLiteral(12n)).toBe("12");
    expect(valueLiteral(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe("'2024-01-02 03:04:05.006'");
    expect(valueLiteral(Buffer.from([0, 255]))).toBe("X'00ff'");
    expect(valueLiteral({ a: "it's" })).toBe(`'{"a":"it''s"}'`);
  });

  it("finds placeholders outside strings, identifiers and comments", () => {
    const text = "SELECT '?', \"?\", `?`, ? -- ?\n, ? /* ? */ # ?\n, 'a\\'?', ?";
    const offsets = placeholderOffsets(text);
    expect(offsets.map((o) => text[o])).toEqual(["?", "?", "?"]);
    expect(offsets.length).toBe(3);
  });

  it("inlines parameters in order and rejects a count mismatch", () => {
    expect(inlineParams({ sql: "INSERT INTO `t?` VALUES (?, ?)", params: ["it's ?", null] })).toBe("INSERT INTO `t?` VALUES ('it''s ?', NULL)");
    expect(inlineParams({ sql: "SELECT 1" })).toBe("SELECT 1");
    expect(() => inlineParams({ sql: "SELECT ?", params: [1, 2] })).toThrow(MigrateError);
  });
});
