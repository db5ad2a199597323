/**
 * billing: create invoices
 *
 * Revision ID: 3c4d5e6f7a8b
 * Revises: 2b3c4d5e6f7a
 * Create Date: 2026-11-21T12:00:00Z
 */
import { type Operations, index, integer, numeric, serial } from "athanor";

export const revision = "3c4d5e6f7a8b";
export const downRevision: string | string[] | null = "2b3c4d5e6f7a";
export const branchLabels: string[] | null = ["billing"];
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable(
    "invoices",
    {
      id: serial().primaryKey(),
      user_id: integer().notNull().references("users", "id", { onDelete: "CASCADE" }),
      total: numeric(10, 2).notNull(),
    },
    { indexes: [index(["user_id"])] },
  );
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("invoices");
}
