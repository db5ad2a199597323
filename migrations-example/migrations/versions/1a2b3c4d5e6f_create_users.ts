/**
 * create users
 *
 * Revision ID: 1a2b3c4d5e6f
 * Revises: None
 * Create Date: 2026-11-21T12:00:00Z
 */
import { type Operations, serial, sql, text, timestamp, varchar } from "athanor";

export const revision = "1a2b3c4d5e6f";
export const downRevision: string | string[] | null = null;
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable("users", {
    id: serial().primaryKey(),
    email: varchar(255).notNull().unique(),
    name: text(),
    created_at: timestamp().notNull().default(sql`CURRENT_TIMESTAMP`),
  });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("users");
}
