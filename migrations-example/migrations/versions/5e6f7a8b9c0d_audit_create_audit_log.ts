/**
 * audit: create audit log
 *
 * Revision ID: 5e6f7a8b9c0d
 * Revises: 2b3c4d5e6f7a
 * Create Date: 2026-11-21T12:00:00Z
 */
import { type Operations, integer, serial, sql, timestamp, varchar } from "athanor";

export const revision = "5e6f7a8b9c0d";
export const downRevision: string | string[] | null = "2b3c4d5e6f7a";
export const branchLabels: string[] | null = ["audit"];
// The audit log points at invoices, which the billing branch creates.
export const dependsOn: string[] | null = ["3c4d5e6f7a8b"];

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable("audit_log", {
    id: serial().primaryKey(),
    invoice_id: integer().references("invoices", "id"),
    action: varchar(32).notNull(),
    at: timestamp().notNull().default(sql`CURRENT_TIMESTAMP`),
  });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("audit_log");
}
