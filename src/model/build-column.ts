/**
 * Builder → neutral ColumnSchema. Shared by the model loader and the `op` façade, so a column
 * written in schema.ts and the same column written in a revision describe identical schemas.
 */
import { MigrateError } from "../errors.js";
import type { ColumnSchema, ColumnType } from "../catalog/types.js";
import { isColumnBuilder, type ColumnBuilder } from "./column-builder.js";

function copyType(type: ColumnType): ColumnType {
  if (type.kind === "enum") return { ...type, values: [...type.values] };
  if (type.kind === "array") return { ...type, of: copyType(type.of) };
  return { ...type };
}

/** "users.email", or just "email" when the table is not known. */
export function columnLabel(name: string, table?: string): string {
  return table ? `${table}.${name}` : name;
}

/**
 * The ColumnSchema a builder describes. Nullability: explicit notNull()/nullable() wins;
 * otherwise primary-key, autoincrement and identity columns are NOT NULL (the databases make
 * them so) and everything else is nullable. `table` only improves messages.
 */
export function buildColumn(name: string, builder: ColumnBuilder, table?: string): ColumnSchema {
  if (typeof name !== "string" || name.trim() === "") {
    throw new MigrateError("model", `A column of ${table ? `table ${table}` : "a table"} has an empty name.`, { hint: "Give every column a non-empty name (the object key is the column name)." });
  }
  const label = columnLabel(name, table);
  if (!isColumnBuilder(builder)) {
    throw new MigrateError("model", `Column ${label} is not a column builder.`, { hint: "Write columns with the type factories, e.g. { email: varchar(255).notNull() }." });
  }
  const def = builder.definition;
  const generatedKey = def.generated?.kind === "autoincrement" || def.generated?.kind === "identity";
  const type = copyType(def.type);
  if (type.kind === "enum" && def.default?.kind === "literal" && def.default.value !== null && !type.values.includes(String(def.default.value))) {
    throw new MigrateError("model", `The default ${JSON.stringify(def.default.value)} of column ${label} is not a value of enum ${type.name}.`, {
      hint: `Use one of: ${type.values.map((v) => JSON.stringify(v)).join(", ")}.`,
    });
  }
  if (def.generated?.kind === "computed" && def.default !== undefined) {
    throw new MigrateError("model", `Column ${label} is a generated column and also has a default.`, { hint: "Remove the .default(): a generated column's value comes from its expression." });
  }
  return {
    name,
    type,
    nullable: def.nullable ?? !(def.primaryKey || generatedKey),
    default: def.default ?? null,
    generated: def.generated ? { ...def.generated } : null,
    comment: def.comment,
    onUpdate: def.onUpdate,
    collation: def.collation,
    ...(def.collationSchema ? { collationSchema: def.collationSchema } : {}),
  };
}
