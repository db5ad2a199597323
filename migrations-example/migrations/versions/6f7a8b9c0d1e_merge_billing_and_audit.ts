/**
 * merge billing and audit
 *
 * Revision ID: 6f7a8b9c0d1e
 * Revises: 4d5e6f7a8b9c, 5e6f7a8b9c0d
 * Create Date: 2026-11-21T12:00:00Z
 */
import type { Operations } from "athanor";

export const revision = "6f7a8b9c0d1e";
export const downRevision: string | string[] | null = ["4d5e6f7a8b9c", "5e6f7a8b9c0d"];
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {
  // A merge joins two heads; it needs no schema change of its own.
  void op;
}

export async function downgrade(op: Operations): Promise<void> {
  void op;
}
