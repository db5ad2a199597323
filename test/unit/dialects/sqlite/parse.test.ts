/** The tokenizer and the CREATE TABLE / CREATE INDEX readers on hand-written, awkward SQL. */
import { describe, expect, it } from "vitest";
import { parseCreateIndex, splitIndexExpression } from "../../../../src/dialects/sqlite/parse-create-index.js";
import { parseCreateTable } from "../../../../src/dialects/sqlite/parse-create-table.js";
import { tokenize } from "../../../../src/dialects/sqlite/sql-tokens.js";
import { renameIdentifier } from "../../../../src/dialects/sqlite/table-edits.js";

describe("tokenize", () => {
  it("keeps strings, quoted identifiers, blobs and parameters whole and drops comments", () => {
    const tokens = tokenize(`SELECT 'a''b', "x""y", [w z], \`q\`, X'0aFF', ?, ?3, :name -- c ?\n /* ? */ 1.5e3`);
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ["word", "SELECT"],
      ["string", "a'b"],
      ["punct", ","],
      ["ident", 'x"y'],
      ["punct", ","],
      ["ident", "w z"],
      ["punct", ","],
      ["ident", "q"],
      ["punct", ","],
      ["blob", "X'0aFF'"],
      ["punct", ","],
      ["param", "?"],
      ["punct", ","],
      ["param", "?3"],
      ["punct", ","],
      ["param", ":name"],
      ["number", "1.5e3"],
    ]);
  });

  it("treats non-ASCII letters as identifier characters", () => {
    expect(tokenize("größe + ç").map((t) => t.text)).toEqual(["größe", "+", "ç"]);
  });
});

describe("parseCreateTable", () => {
  const sql = `CREATE TABLE IF NOT EXISTS "Order Items" ( -- a comment, with a comma
    [id] integer CONSTRAINT pk_oi PRIMARY KEY ASC AUTOINCREMENT,
    "qty" INT NOT NULL DEFAULT -1 CHECK (qty <> 0),
    kind TEXT DEFAULT 'a,b' CONSTRAINT kind_enum CHECK ("kind" IN ('a,b', 'c''d')),
    name text COLLATE NOCASE UNIQUE,
    total REAL GENERATED ALWAYS AS (qty * 2.5) STORED,
    half AS (qty / 2),
    parent INTEGER REFERENCES "Order Items" (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT "uq two" UNIQUE (qty COLLATE BINARY DESC, kind),
    CONSTRAINT fk_x FOREIGN KEY (qty, kind) REFERENCES other ON UPDATE SET NULL,
    CHECK (length(name) > 0)
  ) WITHOUT ROWID, STRICT`;
  const parsed = parseCreateTable(sql);

  it("reads columns with their defaults, collations, generation and enum checks", () => {
    expect(parsed.columns.map((c) => c.name)).toEqual(["id", "qty", "kind", "name", "total", "half", "parent"]);
    expect(parsed.columns[0].autoincrement).toBe(true);
    expect(parsed.columns[1].defaultText).toBe("-1");
    expect(parsed.columns[2]).toMatchObject({ defaultText: "'a,b'", enumCheck: { name: "kind_enum", values: ["a,b", "c'd"] } });
    expect(parsed.columns[1].enumCheck).toBeNull();
    expect(parsed.columns[3].collation).toBe("NOCASE");
    expect(parsed.columns[4].generated).toEqual({ expression: "qty * 2.5", stored: true });
    expect(parsed.columns[5].generated).toEqual({ expression: "qty / 2", stored: false });
  });

  it("reads keys, constraints with their names, and options", () => {
    expect(parsed.primaryKey).toEqual({ name: "pk_oi", columns: ["id"], inline: true });
    expect(parsed.uniques).toEqual([
      { name: null, columns: ["name"], inline: true },
      { name: "uq two", columns: ["qty", "kind"], inline: false },
    ]);
    expect(parsed.checks).toEqual([
      { name: null, expression: "qty <> 0", column: "qty" },
      { name: "kind_enum", expression: `"kind" IN ('a,b', 'c''d')`, values: ["a,b", "c'd"], column: "kind" },
      { name: null, expression: "length(name) > 0" },
    ]);
    expect(parsed.columns[2].enumCheck).toBe(parsed.checks[1]);
    expect(parsed.foreignKeys).toEqual([
      { name: null, columns: ["parent"], referencedTable: "Order Items", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: null, deferrable: true, initiallyDeferred: true, updateFirst: false, inline: true },
      { name: "fk_x", columns: ["qty", "kind"], referencedTable: "other", referencedColumns: [], onDelete: null, onUpdate: "SET NULL", deferrable: false, initiallyDeferred: false, updateFirst: true, inline: false },
    ]);
    expect(parsed.options).toBe("WITHOUT ROWID, STRICT");
    expect(parsed.conflictClauses).toEqual([]);
  });

  it("lists ON CONFLICT clauses, keeps the order of ON UPDATE and ON DELETE, and reads an unnamed IN check as a check", () => {
    const t = parseCreateTable(`CREATE TABLE t (
      a INTEGER PRIMARY KEY ON CONFLICT FAIL,
      b TEXT NOT NULL ON CONFLICT IGNORE UNIQUE ON CONFLICT REPLACE,
      c TEXT CHECK (c IN ('x', 'y')) REFERENCES p (id) ON UPDATE NO ACTION ON DELETE CASCADE,
      d INTEGER REFERENCES p (id) ON DELETE CASCADE ON UPDATE SET NULL,
      UNIQUE (c, d) ON CONFLICT ABORT
    )`);
    expect(t.conflictClauses).toEqual([
      '"a" PRIMARY KEY ON CONFLICT FAIL',
      '"b" NOT NULL ON CONFLICT IGNORE',
      '"b" UNIQUE ON CONFLICT REPLACE',
      'UNIQUE ("c", "d") ON CONFLICT ABORT',
    ]);
    expect(t.foreignKeys.map((fk) => fk.updateFirst)).toEqual([true, false]);
    expect(t.columns[2].enumCheck).toBeNull();
    expect(t.checks).toEqual([{ name: null, expression: "c IN ('x', 'y')", column: "c" }]);
  });

  it("keeps a column's PRIMARY KEY DESC (no rowid alias), and not an ASC or a table-level key's order", () => {
    expect(parseCreateTable(`CREATE TABLE t ("id" INTEGER CONSTRAINT k PRIMARY KEY DESC ON CONFLICT ABORT, x TEXT)`).primaryKey).toEqual({ name: "k", columns: ["id"], inline: true, descending: true });
    expect(parseCreateTable(`CREATE TABLE t (id integer primary key desc)`).primaryKey).toEqual({ name: null, columns: ["id"], inline: true, descending: true });
    expect(parseCreateTable(`CREATE TABLE t (id INTEGER PRIMARY KEY ASC)`).primaryKey).toEqual({ name: null, columns: ["id"], inline: true });
    expect(parseCreateTable(`CREATE TABLE t (id INTEGER, PRIMARY KEY (id DESC))`).primaryKey).toEqual({ name: null, columns: ["id"], inline: false });
  });
});

describe("parseCreateIndex", () => {
  it("reads a trailing COLLATE as the element's collation, on columns and expressions, before the order", () => {
    expect(parseCreateIndex(`CREATE INDEX i ON t ("a" COLLATE "nocase" DESC, (lower(b)) COLLATE RTRIM, c || d COLLATE x ASC)`).elements).toEqual([
      { column: "a", collation: "nocase", descending: true },
      { expression: "(lower(b))", collation: "RTRIM" },
      { expression: "c || d", collation: "x" },
    ]);
  });

  it("splitIndexExpression reads a model's `col COLLATE x` expression as SQLite stores it", () => {
    expect(splitIndexExpression({ expression: "title COLLATE NOCASE DESC" })).toEqual({ column: "title", collation: "NOCASE", descending: true });
    expect(splitIndexExpression({ expression: "lower(a)", collation: "NOCASE" })).toEqual({ expression: "lower(a)", collation: "NOCASE" });
    expect(splitIndexExpression({ column: "a", collation: "x" })).toEqual({ column: "a", collation: "x" });
  });

  it("tells columns from expressions and keeps the WHERE text", () => {
    expect(parseCreateIndex(`CREATE UNIQUE INDEX "ix (1)" ON "t" ("a b" DESC, lower("c"), d COLLATE NOCASE, e ASC) WHERE "a b" > 0 AND e = 'x'`)).toEqual({
      elements: [{ column: "a b", descending: true }, { expression: 'lower("c")' }, { column: "d", collation: "NOCASE" }, { column: "e" }],
      where: `"a b" > 0 AND e = 'x'`,
    });
  });
});

describe("renameIdentifier", () => {
  it("renames column references only", () => {
    expect(renameIdentifier(`price > 0 AND "Price" < t.price AND price('price') AND x = 'price'`, "price", "cost")).toBe(
      `"cost" > 0 AND "cost" < t.price AND price('price') AND x = 'price'`,
    );
  });
});
