/** Quoting, literals, placeholders and the offline renderer. */
import { describe, expect, it } from "vitest";
import { sqliteDialect } from "../../../../src/dialects/sqlite/index.js";
import { versionTable } from "../../../../src/dialects/sqlite/version-table.js";

const d = sqliteDialect;

describe("SQLite quoting", () => {
  it("quotes identifiers, doubling embedded quotes", () => {
    expect(d.quoteIdentifier("user")).toBe('"user"');
    expect(d.quoteIdentifier('we"ird name')).toBe('"we""ird name"');
    expect(d.quoteTable({ schema: "public", name: "Order" })).toBe('"Order"');
  });

  it("writes literals", () => {
    expect(d.quoteLiteral("it's")).toBe("'it''s'");
    expect(d.quoteLiteral(12.5)).toBe("12.5");
    expect(d.quoteLiteral(true)).toBe("1");
    expect(d.quoteLiteral(false)).toBe("0");
    expect(d.quoteLiteral(null)).toBe("NULL");
    expect(() => d.quoteLiteral(Number.NaN)).toThrow(/no literal/);
  });

  it("uses ? placeholders", () => {
    expect([1, 2, 10].map((i) => d.placeholder(i))).toEqual(["?", "?", "?"]);
  });

  it("inlines bound values outside strings and comments", () => {
    const text = d.inlineParams({
      sql: "INSERT INTO \"t?\" (a, b, c, d, e, f) VALUES (?, ?, ?, ?, ?, ?) -- ?\n/* ? */ ; SELECT '?'",
      params: ["o'k", 3, true, null, Buffer.from([0, 255]), { a: 1 }],
    });
    expect(text).toBe("INSERT INTO \"t?\" (a, b, c, d, e, f) VALUES ('o''k', 3, 1, NULL, X'00FF', '{\"a\":1}') -- ?\n/* ? */ ; SELECT '?'");
  });

  it("leaves statements without params untouched", () => {
    expect(d.inlineParams({ sql: "SELECT '?'" })).toBe("SELECT '?'");
  });
});

describe("SQLite version table SQL", () => {
  it("creates the table with a named primary key and checks existence with a bound name", () => {
    expect(versionTable.create({ name: "athanor_version", schema: "ignored" })).toEqual([
      { sql: 'CREATE TABLE IF NOT EXISTS "athanor_version" (version_num VARCHAR(32) NOT NULL, CONSTRAINT "athanor_version_pkc" PRIMARY KEY (version_num))' },
    ]);
    const exists = versionTable.exists({ name: 'my "versions"' });
    expect(exists.params).toEqual(['my "versions"']);
    expect(exists.sql).not.toContain("versions");
  });
});
