/**
 * Enums in a pulled schema. Named enum types (PostgreSQL) become `enumType(...)` declarations
 * that columns use as `<ident>.column()`. Enums that exist only inline in a column (MySQL ENUM,
 * SQLite CHECK … IN) stay inline, but the model loader treats every enum name as one type per
 * schema, so an inline enum whose name is empty or already means other values is renamed after
 * its table and column — a name the database never stores.
 */
import { sameValue } from "../core/same-value.js";
import type { ColumnTypeOf } from "../model/column-types.js";
import { tableLabel, type ColumnType, type DatabaseSchema, type EnumSchema, type TableSchema } from "../catalog/types.js";
import type { IdentifierAllocator } from "./identifiers.js";

type EnumType = ColumnTypeOf<"enum">;

/** A declared enum and its export name. */
export interface DeclaredEnum {
  ident: string;
  enum: EnumSchema;
}

/** How a pulled module writes its enums. */
export interface EnumPlan {
  declared: DeclaredEnum[];
  /** The schema with inline enums renamed where their names would clash. */
  schema: DatabaseSchema;
  /** What was renamed, for the file's header. */
  renames: string[];
  /** The declaration a column type can use, if any. */
  reference(type: EnumType): string | undefined;
}

const key = (schema: string | null | undefined, name: string): string => `${schema ?? ""}\u0000${name}`;

/** Plans the enum declarations and renames; `allocator` supplies the export names. */
export function planEnums(schema: DatabaseSchema, allocator: IdentifierAllocator): EnumPlan {
  const sorted = [...schema.enums].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : key(a.schema, a.name) < key(b.schema, b.name) ? -1 : 1));
  const declared = sorted.map((e) => ({ ident: allocator.allocate(e.name, e.schema, "Enum", "enumType"), enum: e }));
  const byKey = new Map(declared.map((d) => [key(d.enum.schema, d.enum.name), d]));
  const seen = new Map<string, readonly string[]>(declared.map((d) => [key(d.enum.schema, d.enum.name), d.enum.values]));
  const renames: string[] = [];

  const rename = (type: EnumType, table: TableSchema, column: string): EnumType => {
    const current = key(type.schema, type.name);
    const known = seen.get(current);
    if (type.name !== "" && (known === undefined || sameValue(known, type.values))) {
      seen.set(current, type.values);
      return type;
    }
    let name = `${table.name}_${column}`;
    for (let n = 2; seen.has(key(type.schema, name)) && !sameValue(seen.get(key(type.schema, name))!, type.values); n++) name = `${table.name}_${column}_${n}`;
    seen.set(key(type.schema, name), type.values);
    renames.push(`column ${JSON.stringify(`${tableLabel(table)}.${column}`)}: its inline enum ${JSON.stringify(type.name)} is written as ${JSON.stringify(name)}, because that enum name is empty or already used with other values`);
    return { ...type, name };
  };

  const visit = (type: ColumnType, table: TableSchema, column: string): ColumnType => {
    if (type.kind === "array") {
      const of = visit(type.of, table, column);
      return of === type.of ? type : { ...type, of };
    }
    return type.kind === "enum" ? rename(type, table, column) : type;
  };

  const tables = schema.tables.map((table) => {
    const columns = table.columns.map((c) => {
      const type = visit(c.type, table, c.name);
      return type === c.type ? c : { ...c, type };
    });
    return columns.every((c, i) => c === table.columns[i]) ? table : { ...table, columns };
  });

  return {
    declared,
    schema: { ...schema, tables },
    renames,
    reference: (type) => {
      if (type.schema === undefined) return undefined;
      const match = byKey.get(key(type.schema, type.name));
      return match && (match.enum.schema ?? null) === type.schema && sameValue(match.enum.values, type.values) ? match.ident : undefined;
    },
  };
}
