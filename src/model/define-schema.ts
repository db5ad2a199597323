/**
 * `defineSchema(...)`: the default export of a `schema.ts`, listing its tables and enums and
 * optionally overriding the naming convention.
 */
import type { EnumDefinition } from "./enum-type.js";
import type { NamingOverrides } from "./naming.js";
import type { ObjectDefinition } from "./objects.js";
import type { AnyTable } from "./table.js";

/** What `defineSchema` accepts. */
export interface SchemaInput {
  tables?: readonly AnyTable[];
  /** Enums to include even when no column uses them (those used by columns are always included). */
  enums?: readonly EnumDefinition[];
  /** Views, functions, triggers, extensions, sequences (in dependency order when they use each other). */
  objects?: readonly ObjectDefinition[];
  /** Naming-convention overrides (see NamingConvention). */
  naming?: NamingOverrides;
}

/** A whole model, as returned by `defineSchema`. */
export interface SchemaDefinition {
  readonly athanorKind: "schema";
  readonly tables: readonly AnyTable[];
  readonly enums: readonly EnumDefinition[];
  readonly objects?: readonly ObjectDefinition[];
  readonly naming: NamingOverrides;
}

/** Declares the model: `export default defineSchema({ tables: [users, orders], enums: [status] })`. */
export function defineSchema(input: SchemaInput = {}): SchemaDefinition {
  return { athanorKind: "schema", tables: [...(input.tables ?? [])], enums: [...(input.enums ?? [])], objects: [...(input.objects ?? [])], naming: { ...(input.naming ?? {}) } };
}

/** True for a `defineSchema` result (also one created by another copy of athanor). */
export function isSchemaDefinition(value: unknown): value is SchemaDefinition {
  return typeof value === "object" && value !== null && (value as { athanorKind?: unknown }).athanorKind === "schema" && Array.isArray((value as SchemaDefinition).tables);
}
