/**
 * A CHECK added NOT VALID (CheckSchema.notValid): PostgreSQL adds it with ALTER TABLE … ADD …
 * NOT VALID, also for a new table (inside CREATE TABLE it would be validated); MySQL and SQLite,
 * which have no such state, refuse it by name instead of adding a validated check.
 */
import { describe, expect, it } from "vitest";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { CheckSchema, TableSchema } from "../../../src/catalog/types.js";
import { emptyTable } from "../../../src/catalog/types.js";
import { UnsupportedOperationError } from "../../../src/errors.js";
import { check } from "../../../src/model/index.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };
const positive: CheckSchema = { name: "fee_positive", expression: "amount > 0", notValid: true };
const fee: TableSchema = {
  ...emptyTable("fee"),
  columns: [{ name: "amount", type: { kind: "numeric" }, nullable: true, default: null, generated: null, comment: null, collation: null }],
  checks: [positive, { name: "fee_small", expression: "amount < 100" }],
};

describe("PostgreSQL: a NOT VALID check", () => {
  it("is added NOT VALID", async () => {
    expect(await postgresDialect.compile({ kind: "createCheckConstraint", table: "fee", constraint: positive }, offline)).toEqual([
      { sql: 'ALTER TABLE "fee" ADD CONSTRAINT "fee_positive" CHECK (amount > 0) NOT VALID' },
    ]);
  });

  it("is added after CREATE TABLE, where the validated checks stay inline", async () => {
    const statements = (await postgresDialect.compile({ kind: "createTable", table: fee }, offline)).map((s) => s.sql);
    expect(statements[0]).toContain('CONSTRAINT "fee_small" CHECK (amount < 100)');
    expect(statements[0]).not.toContain("fee_positive");
    expect(statements[1]).toBe('ALTER TABLE "fee" ADD CONSTRAINT "fee_positive" CHECK (amount > 0) NOT VALID');
  });

  it("is what check(…, { notValid: true }) declares", () => {
    expect(check("amount > 0", { name: "fee_positive", notValid: true })).toMatchObject({ name: "fee_positive", notValid: true });
    expect(check("amount > 0")).not.toHaveProperty("notValid");
  });
});

describe.each([
  { dialect: "MySQL", compile: mysqlDialect.compile.bind(mysqlDialect) },
  { dialect: "SQLite", compile: sqliteDialect.compile.bind(sqliteDialect) },
])("$dialect refuses a NOT VALID check", ({ dialect, compile }) => {
  it("in a new table and added to one", async () => {
    // SQLite adds a check by rebuilding the table, so it is given the table as it stands.
    const known: CompileContext = { offline: true, tableState: () => ({ ...fee, checks: [] }) };
    for (const op of [{ kind: "createTable" as const, table: fee }, { kind: "createCheckConstraint" as const, table: "fee", constraint: positive }]) {
      const error = await compile(op, known).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as Error).message).toContain(`${dialect} has no NOT VALID check (fee_positive)`);
    }
  });
});
