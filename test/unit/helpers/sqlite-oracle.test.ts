/**
 * The SQLite oracle folds only what SQLite treats alike: constraint order within a column and
 * between kinds of table constraint, and the bare NULL constraint. What SQLite tells apart stays
 * apart, or the oracle would hide real differences.
 */
import { describe, expect, it } from "vitest";
import { canonicalCreateTable } from "../../helpers/catalog-oracle/sqlite-create-table.js";
import { sqliteTokens } from "../../helpers/catalog-oracle/sqlite-sql-text.js";

const read = (sql: string): string => canonicalCreateTable(sqliteTokens(sql)).join(" ");

describe("the SQLite oracle's CREATE TABLE reading", () => {
  it("orders the constraints of a column and drops the bare NULL constraint", () => {
    expect(read(`CREATE TABLE t (a INT DEFAULT 0 NOT NULL, b TEXT NULL REFERENCES p (id) ON DELETE SET NULL)`)).toBe(
      read(`create table "t" ("a" int not null default 0, [b] text references p(id) on delete set null)`),
    );
    expect(read(`CREATE TABLE t (a TEXT NOT NULL DEFAULT 'X' UNIQUE, CHECK (a = 'X'))`)).toBe(read(`CREATE TABLE t (a TEXT UNIQUE NOT NULL DEFAULT 'X', CHECK (a = 'X'))`));
  });

  it("orders table constraints by kind, keeping primary keys and uniques in their written order", () => {
    expect(read(`CREATE TABLE t (a INT, b INT, CHECK (a > 0), FOREIGN KEY (a) REFERENCES p (id), UNIQUE (b))`)).toBe(
      read(`CREATE TABLE t (a INT, b INT, UNIQUE (b), FOREIGN KEY (a) REFERENCES p (id), CHECK (a > 0))`),
    );
    expect(read(`CREATE TABLE t (a INT, b INT, UNIQUE (b), PRIMARY KEY (a))`)).not.toBe(read(`CREATE TABLE t (a INT, b INT, PRIMARY KEY (a), UNIQUE (b))`));
  });

  it("keeps apart what SQLite tells apart", () => {
    const differ = (a: string, b: string) => expect(read(a)).not.toBe(read(b));
    differ(`CREATE TABLE t (id INTEGER PRIMARY KEY DESC, x)`, `CREATE TABLE t (id INTEGER, x, PRIMARY KEY (id DESC))`);
    differ(`CREATE TABLE t (id INTEGER PRIMARY KEY, x)`, `CREATE TABLE t (id INTEGER, x, PRIMARY KEY (id))`);
    differ(`CREATE TABLE t (a INT REFERENCES p (id))`, `CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES p (id))`);
    differ(`CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES p (id) ON DELETE NO ACTION)`, `CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES p (id))`);
    differ(`CREATE TABLE t (a INT DEFAULT NULL)`, `CREATE TABLE t (a INT)`);
    differ(`CREATE TABLE t (a INT NOT NULL)`, `CREATE TABLE t (a INT)`);
    differ(`CREATE TABLE t (a INT CHECK (a > 0), b INT CHECK (b > 0))`, `CREATE TABLE t (a INT CHECK (b > 0), b INT CHECK (a > 0))`);
  });

  it("leaves a statement it does not understand exactly as written", () => {
    const odd = `CREATE TABLE t (a INT NOT NULL ON CONFLICT, b INT)`;
    expect(read(odd)).toBe(sqliteTokens(odd).join(" "));
  });
});
