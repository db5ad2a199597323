/**
 * What a run knows of its tables between operations: per table, its definition, "does not
 * exist", or nothing (unknown). Operations move it forward through the one table-state engine
 * (table-state.ts); nothing here reads a database — the runtime seeds it (by reflection online).
 */
import type { Operation } from "./types.js";
import type { TableRef, TableSchema } from "../catalog/types.js";
import { applyToTable, exactNames, tableChangedInPlace, tableKey, tableLevelParts, type IdentifierRules } from "./table-state.js";

/** Known table definitions, keyed by tableKey; `null` means known not to exist. */
export class KnownTables {
  private readonly tables = new Map<string, TableSchema | null>();

  constructor(private readonly rules: IdentifierRules = exactNames) {}

  /** Whether anything is known of the table (a definition, or that it does not exist). */
  has(ref: TableRef): boolean {
    return this.tables.has(tableKey(ref));
  }

  /** The table's definition; undefined when it does not exist or nothing is known. Do not mutate it. */
  get(ref: TableRef): TableSchema | undefined {
    return this.tables.get(tableKey(ref)) ?? undefined;
  }

  /** What is known, as stored: a definition, null (does not exist), or undefined (unknown). */
  entry(ref: TableRef): TableSchema | null | undefined {
    return this.tables.get(tableKey(ref));
  }

  /** Records what is known of a table (a definition, or null: it does not exist). */
  set(ref: TableRef, table: TableSchema | null): void {
    this.tables.set(tableKey(ref), table);
  }

  /** Forgets everything (online: raw SQL may have changed any table). */
  clear(): void {
    this.tables.clear();
  }

  /**
   * Moves the known state past `op`. A definition the operation cannot apply to becomes unknown
   * (the database will refuse the statement, or knows better); unknown tables stay unknown.
   */
  apply(op: Operation): void {
    switch (op.kind) {
      case "createTable":
        this.set(op.table, structuredClone(op.table));
        return;
      case "dropTable":
        this.set({ schema: op.schema ?? null, name: op.table }, null);
        return;
      case "renameTable": {
        const from = { schema: op.schema ?? null, name: op.from };
        const t = this.entry(from);
        this.set(from, null);
        const to = { schema: op.schema ?? null, name: op.to };
        if (t) this.set(to, { ...structuredClone(t), name: op.to });
        else this.tables.delete(tableKey(to));
        return;
      }
    }
    const ref = tableChangedInPlace(op);
    const t = ref && this.get(ref);
    if (!ref || !t) return;
    try {
      this.set(ref, applyToTable(t, tableLevelParts(op), this.rules));
    } catch {
      this.tables.delete(tableKey(ref));
    }
  }
}
