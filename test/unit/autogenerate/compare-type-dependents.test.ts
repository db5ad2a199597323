/**
 * A column a foreign key uses changes type or collation: where the database refuses that while
 * the foreign key exists (MySQL/MariaDB), autogenerate drops the foreign key before the column
 * changes and creates it again after; the downgrade (the reversed list) does the same the other
 * way round. PostgreSQL needs none of it.
 */
import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { mysqlCapabilities } from "../../../src/dialects/mysql/index.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import { col, db, describeOps, PG_CAPS, tbl } from "./fixtures.js";

const fkTo = (name: string, columns: string[], referencedTable: string, referencedColumns: string[]) => ({
  name,
  columns,
  referencedSchema: null,
  referencedTable,
  referencedColumns,
  onDelete: "CASCADE" as const,
  onUpdate: null,
  deferrable: false,
  initiallyDeferred: false,
});
const accounts = (id: "integer" | "bigint", code: string) =>
  tbl("accounts", [col("id", id, { nullable: false }), col("code", { kind: "varchar", length: 20 }, { nullable: false, collation: code })], {
    primaryKey: { name: "accounts_pkey", columns: ["id"] },
    uniques: [{ name: "accounts_code", columns: ["code"] }],
  });
const entries = (accountId: "integer" | "bigint", note: "text" | "varchar" = "text") =>
  tbl("entries", [col("id", "integer", { nullable: false }), col("account_id", accountId, { nullable: false }), col("account_code", { kind: "varchar", length: 20 }), col("note", note === "text" ? "text" : { kind: "varchar", length: 10 })], {
    primaryKey: { name: "entries_pkey", columns: ["id"] },
    foreignKeys: [fkTo("entries_account", ["account_id"], "accounts", ["id"]), fkTo("entries_code", ["account_code"], "accounts", ["code"])],
  });

const around = (ops: string[], fk: string): [number, number] => [ops.findIndex((d) => d.startsWith("dropConstraint") && d.includes(fk)), ops.findIndex((d) => d.startsWith("createForeignKey") && d.includes(fk))];

describe("foreign keys around a column whose type changes", () => {
  const before = db([accounts("integer", "utf8mb4_unicode_ci"), entries("integer")]);

  it("on MySQL: a key widened on both ends has its foreign key dropped first and created last, up and down", () => {
    const ops = compareSchemas(db([accounts("bigint", "utf8mb4_unicode_ci"), entries("bigint")]), before, { capabilities: mysqlCapabilities }).operations;
    const up = describeOps(ops);
    const [drop, create] = around(up, "entries_account");
    const alters = up.flatMap((d, i) => (d.startsWith("alterColumn") ? [i] : []));
    expect(alters.length, up.join("\n")).toBe(2);
    expect(drop).toBeGreaterThanOrEqual(0);
    expect(drop).toBeLessThan(Math.min(...alters));
    expect(create).toBeGreaterThan(Math.max(...alters));
    // The foreign key on the code column uses nothing that changes: it stays.
    expect(up.some((d) => d.includes("entries_code"))).toBe(false);
    const down = describeOps(reverseAll(ops));
    const [downDrop, downCreate] = around(down, "entries_account");
    const downAlters = down.flatMap((d, i) => (d.startsWith("alterColumn") ? [i] : []));
    expect(downDrop).toBeLessThan(Math.min(...downAlters));
    expect(downCreate).toBeGreaterThan(Math.max(...downAlters));
  });

  it("on MySQL: a collation change of the referenced column alone takes the foreign key down and up", () => {
    const up = describeOps(compareSchemas(db([accounts("integer", "utf8mb4_bin"), entries("integer")]), before, { capabilities: mysqlCapabilities }).operations);
    const [drop, create] = around(up, "entries_code");
    const alter = up.findIndex((d) => d.startsWith("alterColumn"));
    expect([drop, alter, create].every((i) => i >= 0), up.join("\n")).toBe(true);
    expect(drop).toBeLessThan(alter);
    expect(alter).toBeLessThan(create);
    expect(up.some((d) => d.includes("entries_account"))).toBe(false);
  });

  it("leaves foreign keys alone for a column no foreign key uses, and on PostgreSQL", () => {
    const noteOnly = describeOps(compareSchemas(db([accounts("integer", "utf8mb4_unicode_ci"), entries("integer", "varchar")]), before, { capabilities: mysqlCapabilities }).operations);
    expect(noteOnly.filter((d) => !d.startsWith("alterColumn"))).toEqual([]);
    const pg = describeOps(compareSchemas(db([accounts("bigint", "utf8mb4_unicode_ci"), entries("bigint")]), before, { capabilities: PG_CAPS }).operations);
    expect(pg.some((d) => d.includes("entries_account"))).toBe(false);
  });

  it("a foreign key whose table goes is not dropped twice", () => {
    const ops = describeOps(compareSchemas(db([accounts("bigint", "utf8mb4_unicode_ci")]), before, { capabilities: mysqlCapabilities }).operations);
    expect(ops.filter((d) => d.includes("entries_account"))).toEqual([]);
    expect(ops).toContain("dropTable entries");
  });
});
