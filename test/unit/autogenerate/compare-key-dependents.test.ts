/**
 * Replacing or dropping a key that other tables' foreign keys reference: where the database holds
 * the key for them (PostgreSQL), autogenerate drops those foreign keys first and creates them again
 * after the key changed; the downgrade (the reversed list) does the same the other way round.
 */
import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import { col, db, describeOps, PG_CAPS, tbl } from "./fixtures.js";

const fk = { name: "orders_account_fkey", columns: ["account_id"], referencedSchema: null, referencedTable: "accounts", referencedColumns: ["id"], onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false };
const accounts = (pk: string[]) =>
  tbl("accounts", [col("id", "integer", { nullable: false }), col("region", "integer", { nullable: false })], {
    primaryKey: { name: "accounts_pkey", columns: pk },
    uniques: pk.length > 1 ? [{ name: "accounts_id_key", columns: ["id"] }] : [],
  });
const orders = tbl("orders", [col("id", "integer", { nullable: false }), col("account_id", "integer")], { primaryKey: { name: "orders_pkey", columns: ["id"] }, foreignKeys: [fk] });

describe("foreign keys that hold a key the run replaces", () => {
  const before = db([accounts(["id"]), orders]);
  const after = db([accounts(["region", "id"]), orders]);

  it("are dropped before the key changes and created again after it, on PostgreSQL", () => {
    const ops = compareSchemas(after, before, { capabilities: { ...PG_CAPS, foreignKeysHoldKeys: true } }).operations;
    const described = describeOps(ops);
    const drop = described.findIndex((d) => d.startsWith("dropConstraint") && d.includes("orders_account_fkey"));
    const replace = described.findIndex((d) => d.startsWith("replacePrimaryKey"));
    const create = described.findIndex((d) => d.startsWith("createForeignKey") && d.includes("orders_account_fkey"));
    const unique = described.findIndex((d) => d.startsWith("createUniqueConstraint"));
    expect([drop, replace, create, unique].every((i) => i >= 0), described.join("\n")).toBe(true);
    expect(drop).toBeLessThan(replace);
    expect(replace).toBeLessThan(create);
    // The key they reference after the change (accounts_id_key) exists before they come back.
    expect(unique).toBeLessThan(create);
    // The downgrade drops them first again and restores them last.
    const down = describeOps(reverseAll(ops));
    expect(down.findIndex((d) => d.startsWith("dropConstraint") && d.includes("orders_account_fkey"))).toBeLessThan(down.findIndex((d) => d.startsWith("replacePrimaryKey")));
    expect(down.findIndex((d) => d.startsWith("createForeignKey") && d.includes("orders_account_fkey"))).toBeGreaterThan(down.findIndex((d) => d.startsWith("replacePrimaryKey")));
  });

  it("are left alone where the database does not hold keys for them, and when nothing changes", () => {
    const plain = describeOps(compareSchemas(after, before, { capabilities: PG_CAPS }).operations);
    expect(plain.some((d) => d.includes("orders_account_fkey"))).toBe(false);
    expect(compareSchemas(before, before, { capabilities: { ...PG_CAPS, foreignKeysHoldKeys: true } }).operations).toEqual([]);
  });

  it("a foreign key compare already drops (its table goes) is not dropped twice", () => {
    const ops = describeOps(compareSchemas(db([accounts(["region", "id"])]), before, { capabilities: { ...PG_CAPS, foreignKeysHoldKeys: true } }).operations);
    expect(ops.filter((d) => d.includes("orders_account_fkey"))).toEqual([]);
    expect(ops).toContain("dropTable orders");
  });
});
