import { describe, expect, it } from "vitest";
import { lexSql, STANDARD_SQL_SYNTAX, type SqlToken } from "../../../src/core/sql-lexer.js";
import { MYSQL_SYNTAX } from "../../../src/dialects/mysql/sql-syntax.js";
import { POSTGRES_SYNTAX } from "../../../src/dialects/postgres/sql-syntax.js";
import { SQLITE_SYNTAX } from "../../../src/dialects/sqlite/sql-syntax.js";

const kinds = (tokens: SqlToken[]): Array<[string, string]> => tokens.map((t) => [t.kind, t.value]);

describe("the SQL lexer under each dialect's rules", () => {
  it("PostgreSQL: dollar quotes, nesting comments, E-strings and $n placeholders", () => {
    const sql = "SELECT $body$ it's $1 $body$, E'a\\'b', 'c\\d' /* x /* y */ z */ FROM t WHERE a = $2 AND b::int > 0";
    expect(kinds(lexSql(sql, POSTGRES_SYNTAX))).toEqual([
      ["word", "SELECT"], ["string", " it's $1 "], ["punct", ","], ["string", "a'b"], ["punct", ","], ["string", "c\\d"],
      ["word", "FROM"], ["word", "t"], ["word", "WHERE"], ["word", "a"], ["op", "="], ["param", "$2"],
      ["word", "AND"], ["word", "b"], ["op", "::"], ["word", "int"], ["op", ">"], ["number", "0"],
    ]);
  });

  it("MySQL: backslashes in every string, double quotes as strings, # and '-- ' comments, ? placeholders", () => {
    const sql = "SELECT 'a\\'b', \"c\\nd\", `e``f`, 1--2\n# note\n, ? -- end";
    expect(kinds(lexSql(sql, MYSQL_SYNTAX))).toEqual([
      ["word", "SELECT"], ["string", "a'b"], ["punct", ","], ["string", "c\nd"], ["punct", ","], ["ident", "e`f"], ["punct", ","],
      ["number", "1"], ["op", "-"], ["op", "-"], ["number", "2"], ["punct", ","], ["param", "?"],
    ]);
    expect(lexSql("'a\\%b'", MYSQL_SYNTAX)[0]!.value).toBe("a\\%b");
  });

  it("SQLite: bracket and backtick identifiers, blobs, named placeholders, no backslash escapes", () => {
    const sql = "INSERT INTO [my table] (`c`) VALUES (X'0A', 'a\\', :name, @x, $y, ?3)";
    expect(kinds(lexSql(sql, SQLITE_SYNTAX))).toEqual([
      ["word", "INSERT"], ["word", "INTO"], ["ident", "my table"], ["punct", "("], ["ident", "c"], ["punct", ")"], ["word", "VALUES"], ["punct", "("],
      ["blob", "X'0A'"], ["punct", ","], ["string", "a\\"], ["punct", ","], ["param", ":name"], ["punct", ","], ["param", "@x"], ["punct", ","],
      ["param", "$y"], ["punct", ","], ["param", "?3"], ["punct", ")"],
    ]);
  });

  it("keeps positions, so callers can slice or replace the original text", () => {
    const sql = "a = 'x'  AND b";
    for (const t of lexSql(sql, STANDARD_SQL_SYNTAX)) expect(sql.slice(t.start, t.end)).toBe(t.text);
  });

  it("marks an unclosed string instead of throwing", () => {
    const [t] = lexSql("'never closed", STANDARD_SQL_SYNTAX);
    expect(t).toMatchObject({ kind: "string", value: "never closed", unterminated: true });
  });

  it("does not let an operator swallow the sign of the number after it", () => {
    expect(kinds(lexSql("a>=-1", STANDARD_SQL_SYNTAX))).toEqual([["word", "a"], ["op", ">="], ["op", "-"], ["number", "1"]]);
  });
});
