/** Quoting, placeholders and offline inlining on PostgreSQL. */
import { describe, expect, it } from "vitest";
import { postgresDialect as d } from "../../../../src/dialects/postgres/index.js";

describe("postgres quoting", () => {
  it("quotes identifiers, doubling embedded quotes", () => {
    expect(d.quoteIdentifier("user")).toBe('"user"');
    expect(d.quoteIdentifier('we"ird name')).toBe('"we""ird name"');
    expect(d.quoteIdentifier("Ünïcödé")).toBe('"Ünïcödé"');
  });

  it("quotes tables with and without a schema", () => {
    expect(d.quoteTable({ name: "order" })).toBe('"order"');
    expect(d.quoteTable({ schema: null, name: "t" })).toBe('"t"');
    expect(d.quoteTable({ schema: 'My "S"', name: "group" })).toBe('"My ""S"""."group"');
  });

  it("quotes literals", () => {
    expect(d.quoteLiteral(null)).toBe("NULL");
    expect(d.quoteLiteral(true)).toBe("true");
    expect(d.quoteLiteral(false)).toBe("false");
    expect(d.quoteLiteral(42)).toBe("42");
    expect(d.quoteLiteral(-1.5)).toBe("-1.5");
    expect(d.quoteLiteral(Number.NaN)).toBe("'NaN'");
    expect(d.quoteLiteral(Number.NEGATIVE_INFINITY)).toBe("'-Infinity'");
    expect(d.quoteLiteral("it's")).toBe("'it''s'");
    expect(d.quoteLiteral("a\\b'c")).toBe("E'a\\\\b''c'");
  });

  it("numbers placeholders from 1", () => {
    expect(d.placeholder(1)).toBe("$1");
    expect(d.placeholder(12)).toBe("$12");
  });
});

describe("postgres inlineParams", () => {
  it("inlines values of every common type", () => {
    const out = d.inlineParams({
      sql: "INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      params: ["o'k", 3, true, null, undefined, 10n, new Date("2024-01-02T03:04:05.000Z"), Buffer.from([1, 255]), ["a", 'b"c', null], { k: [1] }],
    });
    expect(out).toBe(
      "INSERT INTO t VALUES ('o''k', 3, true, NULL, NULL, 10, '2024-01-02T03:04:05.000Z', E'\\\\x01ff'::bytea, E'{\"a\",\"b\\\\\"c\",NULL}', '{\"k\":[1]}')",
    );
  });

  it("replaces $10 as one placeholder, not $1 followed by 0", () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(d.inlineParams({ sql: "SELECT $1, $10", params })).toBe("SELECT 1, 10");
  });

  it("leaves $n inside literals, identifiers, comments and dollar quotes alone", () => {
    const sql = `SELECT '$1', E'\\'$1', "$1", $1 -- $1\n/* $1 /* $1 */ */ , $$ $1 $$, $tag$ $1 $tag$, a$1, $2`;
    expect(d.inlineParams({ sql, params: ["x", 7] })).toBe(`SELECT '$1', E'\\'$1', "$1", 'x' -- $1\n/* $1 /* $1 */ */ , $$ $1 $$, $tag$ $1 $tag$, a$1, 7`);
  });

  it("returns the SQL unchanged without params, and leaves unknown placeholders", () => {
    expect(d.inlineParams({ sql: "SELECT $1" })).toBe("SELECT $1");
    expect(d.inlineParams({ sql: "SELECT $1, $3", params: [1] })).toBe("SELECT 1, $3");
  });
});
