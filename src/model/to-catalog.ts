/**
 * Model → DatabaseSchema: turns what a `schema.ts` module exports into the neutral snapshot that
 * compare works on. Accepts a `defineSchema(...)` result or the module namespace itself; in the
 * latter case every exported table and enum counts, plus a default export made by defineSchema.
 */
import { sameValue } from "../core/same-value.js";
import { MigrateError } from "../errors.js";
import { assignNames } from "./assign-names.js";
import { buildTable } from "./build-table.js";
import { isSchemaDefinition } from "./define-schema.js";
import { enumOfType, isEnumDefinition, type EnumDefinition } from "./enum-type.js";
import { resolveNaming, type NamingConvention, type NamingOverrides } from "./naming.js";
import { isTableDefinition, type AnyTable } from "./table.js";
import { isObjectDefinition, type ObjectDefinition } from "./objects.js";
import { validateObjects } from "../catalog/objects/validate.js";
import { withTypeDependencies } from "../catalog/objects/type-dependencies.js";
import { tableLabel, type ColumnType, type DatabaseSchema, type EnumSchema, type TableSchema } from "../catalog/types.js";
import { validateSchema } from "../catalog/validate-schema.js";

interface CollectedModel {
  tables: AnyTable[];
  enums: EnumDefinition[];
  objects: ObjectDefinition[];
  naming: NamingOverrides;
}

function collect(input: unknown): CollectedModel {
  const tables = new Set<AnyTable>();
  const enums = new Set<EnumDefinition>();
  const objects = new Set<ObjectDefinition>();
  let naming: NamingOverrides = {};
  let sawSchema = false;
  const addSchema = (value: unknown): void => {
    if (!isSchemaDefinition(value)) return;
    sawSchema = true;
    value.tables.forEach((t) => tables.add(t));
    value.enums.forEach((e) => enums.add(e));
    value.objects?.forEach((o) => objects.add(o));
    naming = { ...naming, ...value.naming };
  };
  const scan = (namespace: object): void => {
    for (const value of Object.values(namespace)) {
      if (isTableDefinition(value)) tables.add(value);
      else if (isEnumDefinition(value)) enums.add(value);
      else if (isObjectDefinition(value)) objects.add(value);
      else addSchema(value);
    }
  };
  if (isSchemaDefinition(input)) {
    addSchema(input);
  } else if (typeof input === "object" && input !== null) {
    scan(input);
    // A module compiled to CommonJS arrives with all its exports under `default`.
    const inner = (input as { default?: unknown }).default;
    if (!sawSchema && tables.size === 0 && enums.size === 0 && objects.size === 0 && typeof inner === "object" && inner !== null) scan(inner);
  }
  if (!sawSchema && tables.size === 0 && enums.size === 0 && objects.size === 0) {
    throw new MigrateError("model", "The schema module exports no tables, no enums and no defineSchema(...) default export.", {
      hint: "Export your tables (export const users = table(...)) or `export default defineSchema({ tables: [...] })`; an intentionally empty model is `defineSchema({ tables: [] })`.",
    });
  }
  for (const table of tables) {
    if (!isTableDefinition(table)) {
      throw new MigrateError("model", "defineSchema({ tables }) contains something that is not a table.", { hint: "List only values created with table(...)." });
    }
  }
  return { tables: [...tables], enums: [...enums], objects: [...objects], naming };
}

const sortKey = (ref: { schema?: string | null; name: string }): string => `${ref.schema ?? ""}\u0000${ref.name}`;
const byKey = <T extends { schema?: string | null; name: string }>(a: T, b: T): number => {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/**
 * The comments of the enum types columns use (`enumType(…, { comment }).column()`), by enum key:
 * a column's type holds the values, not the comment, which the builder keeps beside it.
 */
function columnEnumComments(tables: AnyTable[]): Map<string, string> {
  const comments = new Map<string, string>();
  for (const def of tables) {
    for (const builder of Object.values(def.columns as Record<string, { definition?: { type: ColumnType; enumComment?: string } }>)) {
      const used = builder.definition ? enumOfType(builder.definition.type) : undefined;
      if (used && builder.definition?.enumComment) comments.set(sortKey(used), builder.definition.enumComment);
    }
  }
  return comments;
}

function collectEnums(declared: EnumDefinition[], tables: TableSchema[], comments: ReadonlyMap<string, string> = new Map()): EnumSchema[] {
  const found = new Map<string, { schema: EnumSchema; where: string }>();
  const add = (schema: EnumSchema, where: string): void => {
    const key = sortKey(schema);
    const existing = found.get(key);
    if (!existing) return void found.set(key, { schema, where });
    if (!sameValue(existing.schema.values, schema.values)) {
      throw new MigrateError("model", `Enum ${tableLabel(schema)} is declared twice with different values: [${existing.schema.values.join(", ")}] (${existing.where}) and [${schema.values.join(", ")}] (${where}).`, {
        hint: "Declare the enum once with enumType(...) and use its .column() everywhere.",
      });
    }
  };
  for (const e of declared) add(e.toSchema(), "declared");
  for (const table of tables) {
    for (const column of table.columns) {
      const used = enumOfType(column.type);
      if (used) add(used, `column ${tableLabel(table)}.${column.name}`);
    }
  }
  return [...found.values()].map((v) => (v.schema.comment || !comments.has(sortKey(v.schema)) ? v.schema : { ...v.schema, comment: comments.get(sortKey(v.schema)) })).sort(byKey);
}

/** The naming convention a model uses (the defaults plus its defineSchema overrides). */
export function namingFromModel(input: unknown): NamingConvention {
  return resolveNaming(collect(input).naming);
}

/**
 * The DatabaseSchema a model describes: tables sorted by schema and name, every constraint and
 * index named, and every enum that is declared or used by a column. Throws MigrateError("model")
 * naming the table and column when the model is inconsistent.
 */
export function schemaFromModel(input: unknown): DatabaseSchema {
  const model = collect(input);
  const naming = resolveNaming(model.naming);
  const tables = model.tables.map((def) => buildTable({ name: def.name, columns: def.columns, extras: def.extras() })).sort(byKey);
  const schema: DatabaseSchema = { tables, enums: collectEnums(model.enums, tables, columnEnumComments(model.tables)) };
  if (model.objects.length > 0) schema.objects = withTypeDependencies(validateObjects(model.objects.map((o) => structuredClone(o.object))));
  validateSchema(schema);
  assignNames(tables, naming);
  return schema;
}
