/**
 * billing: add invoice due date
 *
 * Revision ID: 4d5e6f7a8b9c
 * Revises: 3c4d5e6f7a8b
 * Create Date: 2026-11-21T12:00:00Z
 */
import { type Operations, date } from "athanor";

export const revision = "4d5e6f7a8b9c";
export const downRevision: string | string[] | null = "3c4d5e6f7a8b";
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn("invoices", "due_date", date());
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropColumn("invoices", "due_date");
}
