/**
 * PostgreSQL schemas as objects: a schema the model names (through a table, enum or object) that
 * the database does not hold is created before anything goes into it.
 *
 * Autogenerate never drops a schema, as Alembic does not: a schema may hold what athanor does not
 * manage (a DBA's functions, another tool's tables), and the only drop that is surely right is the
 * one that undoes a createSchema, which is the downgrade of the revision that created it. A
 * schema that is read but that the model no longer names is reported (a warning) once it holds no
 * table, so whoever wants it gone writes `op.dropSchema` knowingly.
 */
import { namedSchemas } from "../catalog/named-schemas.js";
import type { ColumnType, DatabaseSchema, TableSchema } from "../catalog/types.js";
import type { Operation } from "../operations/types.js";

/** createSchema for each schema the model names and the database lacks; warnings for emptied ones. */
export function compareNamespaces(target: DatabaseSchema, actual: DatabaseSchema, warnings: string[]): Operation[] {
  // Without the database's list (a dialect without schemas, or a hand-made snapshot) nothing is known to be missing.
  if (!actual.schemas) return [];
  const existing = new Set(actual.schemas.map((s) => s.name));
  const named = namedSchemas(target);
  for (const s of actual.schemas) {
    if (!s.read || s.current || named.includes(s.name)) continue;
    // Tables of it still in the snapshot are dropped by this diff (the model names none there).
    const dropped = actual.tables.filter((t) => t.schema === s.name).length;
    if (s.tables === dropped) {
      warnings.push(`schema ${s.name}: the model names nothing in it and it holds no other table; autogenerate does not drop schemas, so write await op.dropSchema(${JSON.stringify(s.name)}) in a revision if it should go`);
    }
  }
  return named.filter((name) => !existing.has(name)).map((name): Operation => ({ kind: "createSchema", name }));
}

/** `schema` with the current schema's name written as null, the way reflection reports it. */
function fold(schema: string | null | undefined, current: string): string | null | undefined {
  return schema === current ? null : schema;
}

function foldType(type: ColumnType, current: string): ColumnType {
  if (type.kind === "enum") return { ...type, schema: fold(type.schema, current) };
  if (type.kind === "array") return { ...type, of: foldType(type.of, current) };
  return type;
}

function foldTable(table: TableSchema, current: string): TableSchema {
  return {
    ...table,
    schema: fold(table.schema, current),
    columns: table.columns.map((c) => ({ ...c, type: foldType(c.type, current) })),
    foreignKeys: table.foreignKeys.map((fk) => (fk.referencedSchema === undefined ? fk : { ...fk, referencedSchema: fold(fk.referencedSchema, current) })),
    ...(table.inherits ? { inherits: table.inherits.map((p) => ({ ...p, schema: fold(p.schema, current) ?? null })) } : {}),
  };
}

/**
 * The model with the database's current schema, where the model names it (`schema: "public"`),
 * written as null: reflection reports tables there with `schema: null`, so without this a table
 * the model places in "public" would be created again on every run.
 */
export function foldCurrentSchema(target: DatabaseSchema, actual: DatabaseSchema): DatabaseSchema {
  const current = actual.schemas?.find((s) => s.current)?.name;
  if (!current || !namedSchemas(target).includes(current)) return target;
  return {
    ...target,
    tables: target.tables.map((t) => foldTable(t, current)),
    enums: target.enums.map((e) => ({ ...e, schema: fold(e.schema, current) })),
    ...(target.objects ? { objects: target.objects.map((o) => ({ ...o, schema: fold(o.schema, current) })) } : {}),
  };
}
