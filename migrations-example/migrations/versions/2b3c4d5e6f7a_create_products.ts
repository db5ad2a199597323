/**
 * create products
 *
 * Revision ID: 2b3c4d5e6f7a
 * Revises: 1a2b3c4d5e6f
 * Create Date: 2026-11-21T12:00:00Z
 */
import { type Operations, boolean, check, numeric, serial, text, varchar } from "athanor";

export const revision = "2b3c4d5e6f7a";
export const downRevision: string | string[] | null = "1a2b3c4d5e6f";
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable(
    "products",
    {
      id: serial().primaryKey(),
      sku: varchar(32).notNull().unique(),
      title: text().notNull(),
      price: numeric(10, 2).notNull(),
      active: boolean().notNull().default(true),
    },
    { checks: [check("price >= 0", { name: "products_price_check" })] },
  );
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("products");
}
