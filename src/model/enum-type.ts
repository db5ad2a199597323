/**
 * Named enumerations. On PostgreSQL they become `CREATE TYPE … AS ENUM`; MySQL writes the values
 * inline in each column and SQLite enforces them with a CHECK, both from the same definition.
 */
import type { ColumnType, EnumSchema } from "../catalog/types.js";
import { ColumnBuilder } from "./column-builder.js";
import type { ColumnTypeOf } from "./column-types.js";
import { commentOf } from "./comment-option.js";

/** An enum declared with `enumType(...)`. */
export interface EnumDefinition<V extends readonly string[] = readonly string[]> {
  /** Brand that identifies enum definitions in a schema module's exports. */
  readonly athanorKind: "enum";
  readonly name: string;
  readonly values: V;
  /** PostgreSQL schema of the type; null for the default. */
  readonly schema: string | null;
  /** PostgreSQL COMMENT ON TYPE; absent: none. MySQL and SQLite, which have no enum types, refuse it. */
  readonly comment?: string;
  /** A column of this enum type. */
  column(): ColumnBuilder<ColumnTypeOf<"enum">>;
  /** The neutral description of the type. */
  toSchema(): EnumSchema;
}

/**
 * Declares an enum type: `enumType("order_status", ["new", "paid"])`, used in tables as
 * `orderStatus.column()`. Values keep their order, which is the sort order on PostgreSQL and MySQL.
 * `comment` is the type's COMMENT ON TYPE (PostgreSQL).
 */
export function enumType<const V extends readonly string[]>(name: string, values: V, options: { schema?: string | null; comment?: string } = {}): EnumDefinition<V> {
  const schema = options.schema ?? null;
  const comment = commentOf(options.comment, `enum ${name}`);
  const type = (): ColumnTypeOf<"enum"> => ({ kind: "enum", name, values: [...values], schema });
  return {
    athanorKind: "enum",
    name,
    values,
    schema,
    ...comment,
    column: () => new ColumnBuilder(type(), comment.comment ? { enumComment: comment.comment } : {}),
    toSchema: () => ({ schema, name, values: [...values], ...comment }),
  };
}

/** True for an enum definition (also one created by another copy of athanor). */
export function isEnumDefinition(value: unknown): value is EnumDefinition {
  return typeof value === "object" && value !== null && (value as { athanorKind?: unknown }).athanorKind === "enum" && typeof (value as EnumDefinition).toSchema === "function";
}

/** The enum a column type uses, or undefined (looks inside arrays too). */
export function enumOfType(type: ColumnType): EnumSchema | undefined {
  if (type.kind === "enum") return { schema: type.schema ?? null, name: type.name, values: [...type.values] };
  if (type.kind === "array") return enumOfType(type.of);
  return undefined;
}
