/** What PostgreSQL cannot express raises UnsupportedOperationError before any SQL runs. */
import { describe, expect, it } from "vitest";
import type { CompileContext } from "../../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../../src/dialects/postgres/index.js";
import { MAX_BIND_PARAMETERS } from "../../../../src/dialects/postgres/data-sql.js";
import { advisoryLockId } from "../../../../src/dialects/postgres/lock.js";
import { UnsupportedOperationError } from "../../../../src/errors.js";
import type { Operation } from "../../../../src/operations/types.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };

const unsupported: [string, Operation, RegExp][] = [
  ["ON UPDATE", { kind: "addColumn", table: "t", column: { name: "u", type: { kind: "timestamp" }, nullable: true, onUpdate: "CURRENT_TIMESTAMP" } }, /ON UPDATE/],
  ["a placed column", { kind: "addColumn", table: "t", column: { name: "c", type: { kind: "integer" }, nullable: true }, position: { after: "a" } }, /cannot place column "c" after "a"/],
  ["a column placed first", { kind: "addColumn", table: "t", column: { name: "c", type: { kind: "integer" }, nullable: true }, position: { first: true } }, /cannot place column "c" first/],
  ["prefix index", { kind: "createIndex", table: "t", index: { name: "i", unique: false, elements: [{ column: "c", length: 10 }] } }, /prefix/],
  ["serial text", { kind: "addColumn", table: "t", column: { name: "c", type: { kind: "text" }, nullable: false, generated: { kind: "autoincrement" } } }, /serial/],
  ["default and generation", { kind: "addColumn", table: "t", column: { name: "c", type: { kind: "integer" }, nullable: false, default: { kind: "literal", value: 1 }, generated: { kind: "identity", always: true } } }, /both a default/],
  ["computed added later", { kind: "alterColumn", table: "t", column: "c", generated: { kind: "computed", sql: "a + 1", stored: true }, existingGenerated: null }, /computed/],
  ["computed changed", { kind: "alterColumn", table: "t", column: "c", generated: { kind: "computed", sql: "a + 2", stored: true }, existingGenerated: { kind: "computed", sql: "a + 1", stored: true } }, /computed/],
  ["before and after", { kind: "addEnumValue", name: "e", value: "v", before: "a", after: "b" }, /both before and after/],
  ["table without columns", { kind: "createTable", table: { name: "t", columns: [], foreignKeys: [], uniques: [], checks: [], indexes: [] } }, /no columns/],
];

describe("postgres unsupported operations", () => {
  for (const [name, op, message] of unsupported) {
    it(name, async () => {
      const error = await postgresDialect.compile(op, offline).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as UnsupportedOperationError).message).toMatch(message);
      expect((error as UnsupportedOperationError).hint).toBeTruthy();
    });
  }
});

describe("postgres bulkInsert chunking", () => {
  it("keeps every statement under the bind-parameter limit and every row", async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ a: i, b: `r${i}`, c: i % 2 === 0 }));
    const statements = await postgresDialect.compile({ kind: "bulkInsert", table: "t", rows }, offline);
    expect(statements.length).toBe(Math.ceil((rows.length * 3) / (Math.floor(MAX_BIND_PARAMETERS / 3) * 3)));
    for (const s of statements) expect(s.params!.length).toBeLessThanOrEqual(MAX_BIND_PARAMETERS);
    const all = statements.flatMap((s) => s.params!);
    expect(all.length).toBe(rows.length * 3);
    expect(all.slice(-3)).toEqual([49_999, "r49999", false]);
  });
});

describe("postgres advisory lock id", () => {
  it("is a stable signed 64-bit integer per key", () => {
    const id = advisoryLockId("athanor");
    expect(advisoryLockId("athanor")).toBe(id);
    expect(advisoryLockId("other")).not.toBe(id);
    const n = BigInt(id);
    expect(n >= -(2n ** 63n) && n < 2n ** 63n).toBe(true);
  });
});
