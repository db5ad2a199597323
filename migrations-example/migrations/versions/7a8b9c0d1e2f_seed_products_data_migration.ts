/**
 * seed products (data migration)
 *
 * Revision ID: 7a8b9c0d1e2f
 * Revises: 6f7a8b9c0d1e
 * Create Date: 2026-11-21T12:00:00Z
 */
import { type Operations, sql } from "athanor";

export const revision = "7a8b9c0d1e2f";
export const downRevision: string | string[] | null = "6f7a8b9c0d1e";
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

const SKUS = ["TEA-001", "TEA-002", "MUG-001"];

export async function upgrade(op: Operations): Promise<void> {
  await op.bulkInsert("products", [
    { sku: "TEA-001", title: "Green tea", price: 4.5, active: true },
    { sku: "TEA-002", title: "Black tea", price: 3.9, active: true },
    { sku: "MUG-001", title: "Mug", price: 12, active: false },
  ]);
  // Values are bound, never spliced into the SQL text.
  const discount = 0.9;
  await op.execute(sql`UPDATE products SET price = ROUND(price * ${discount}, 2) WHERE sku LIKE ${"TEA-%"}`);
}

export async function downgrade(op: Operations): Promise<void> {
  for (const sku of SKUS) await op.execute(sql`DELETE FROM products WHERE sku = ${sku}`);
}
