/**
 * Structural checks on a neutral DatabaseSchema: everything a constraint names must exist, names
 * must not repeat, enums must have values. The model loader runs them so that a broken schema.ts
 * fails with a message naming the table and column instead of as an SQL error halfway through a
 * migration; `op.createTable` runs the table-level part.
 */
import { MigrateError } from "../errors.js";
import { tableLabel, type DatabaseSchema, type EnumSchema, type TableSchema } from "./types.js";

function invalid(message: string, hint: string): MigrateError {
  return new MigrateError("model", message, { hint });
}

function requireColumns(table: TableSchema, columns: readonly string[], what: string, inherited: readonly string[] | undefined): void {
  const label = tableLabel(table);
  // A child's parents are not known here (op.createTable): its constraints may name their columns.
  if (inherited === undefined && (table.inherits?.length ?? 0) > 0) return;
  const known = [...table.columns.map((c) => c.name), ...(inherited ?? [])];
  for (const column of columns) {
    if (!known.includes(column)) {
      throw invalid(`${what} of table ${label} names column ${column}, which table ${label} does not have.`, `Use one of: ${known.join(", ")}.`);
    }
  }
}

/**
 * Checks one table on its own: unique column names and constraints on existing columns.
 * `inherited`: the columns its parents give it (table inheritance), when known.
 */
export function validateTable(table: TableSchema, inherited?: readonly string[]): void {
  const label = tableLabel(table);
  if (table.columns.length === 0 && (table.inherits?.length ?? 0) === 0) throw invalid(`Table ${label} has no columns.`, "Declare at least one column: MySQL and SQLite cannot create a table without columns.");
  const seen = new Set<string>();
  for (const column of table.columns) {
    if (seen.has(column.name)) throw invalid(`Table ${label} has two columns named ${column.name}.`, "Rename or remove one of them.");
    seen.add(column.name);
  }
  if (table.primaryKey) requireColumns(table, [...table.primaryKey.columns, ...(table.primaryKey.include ?? [])], "The primary key", inherited);
  for (const u of table.uniques) requireColumns(table, [...u.columns, ...(u.include ?? [])], `Unique constraint ${u.name ?? `(${u.columns.join(", ")})`}`, inherited);
  for (const fk of table.foreignKeys) requireColumns(table, fk.columns, `Foreign key ${fk.name ?? `(${fk.columns.join(", ")})`}`, inherited);
  for (const ix of table.indexes) {
    const columns = [...ix.elements.flatMap((e) => ("column" in e ? [e.column] : [])), ...(ix.include ?? [])];
    requireColumns(table, columns, `Index ${ix.name || "(unnamed)"}`, inherited);
  }
  for (const x of table.exclusions ?? []) {
    const columns = [...x.elements.flatMap((e) => ("column" in e ? [e.column] : [])), ...(x.include ?? [])];
    requireColumns(table, columns, `Exclusion constraint ${x.name || "(unnamed)"}`, inherited);
  }
}

/**
 * The columns `table` inherits from its parents in `tables` (theirs, own and inherited), checking
 * that each parent is in the model and that no table is its own ancestor.
 */
function inheritedColumns(table: TableSchema, tables: ReadonlyMap<string, TableSchema>, path: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const parent of table.inherits ?? []) {
    const ref = { schema: parent.schema ?? null, name: parent.table };
    const key = `${ref.schema ?? ""}\u0000${ref.name}`;
    const found = tables.get(key);
    if (!found) throw invalid(`Table ${tableLabel(table)} inherits from table ${tableLabel(ref)}, which is not in the model.`, `Add ${tableLabel(ref)} to the model (export it, or list it in defineSchema({ tables })), or fix the inherits list.`);
    if (path.includes(key)) throw invalid(`Table ${tableLabel(ref)} inherits from itself through ${tableLabel(table)}.`, "Break the cycle in the inherits lists.");
    for (const name of [...found.columns.map((c) => c.name), ...inheritedColumns(found, tables, [...path, key])]) if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** Checks an enum: it has values and none repeats. */
export function validateEnum(enumSchema: EnumSchema): void {
  const label = tableLabel(enumSchema);
  if (enumSchema.values.length === 0) throw invalid(`Enum ${label} has no values.`, "List at least one value, e.g. enumType(\"status\", [\"active\", \"archived\"]).");
  const duplicate = enumSchema.values.find((v, i) => enumSchema.values.indexOf(v) !== i);
  if (duplicate !== undefined) throw invalid(`Enum ${label} lists the value ${JSON.stringify(duplicate)} twice.`, "Each enum value must appear once.");
}

/**
 * Checks a whole schema: each table and enum, duplicate table and enum names, that every
 * foreign key points at a table and columns of this schema, and that every parent a table
 * inherits from is in it.
 */
export function validateSchema(schema: DatabaseSchema): void {
  const tables = new Map<string, TableSchema>();
  for (const table of schema.tables) {
    const key = `${table.schema ?? ""}\u0000${table.name}`;
    if (tables.has(key)) throw invalid(`Table ${tableLabel(table)} is declared twice.`, "Table names must be unique within a schema; rename or remove one of them.");
    tables.set(key, table);
  }
  const columnsOf = new Map<TableSchema, string[]>();
  for (const table of schema.tables) {
    const inherited = inheritedColumns(table, tables, [`${table.schema ?? ""}\u0000${table.name}`]);
    columnsOf.set(table, [...table.columns.map((c) => c.name), ...inherited]);
    validateTable(table, inherited);
  }
  const enums = new Set<string>();
  for (const e of schema.enums) {
    const key = `${e.schema ?? ""}\u0000${e.name}`;
    if (enums.has(key)) throw invalid(`Enum ${tableLabel(e)} is declared twice.`, "Enum type names must be unique within a schema.");
    enums.add(key);
    validateEnum(e);
  }
  for (const table of schema.tables) {
    for (const fk of table.foreignKeys) {
      const label = `Foreign key ${fk.name ? `${fk.name} ` : ""}on ${tableLabel(table)}(${fk.columns.join(", ")})`;
      const targetRef = { schema: fk.referencedSchema ?? null, name: fk.referencedTable };
      const target = tables.get(`${targetRef.schema ?? ""}\u0000${targetRef.name}`);
      if (!target) {
        throw invalid(`${label} references table ${tableLabel(targetRef)}, which is not in the model.`, `Add ${tableLabel(targetRef)} to the model (export it, or list it in defineSchema({ tables })), or fix the reference.`);
      }
      // PostgreSQL: "constraints on permanent tables may reference only permanent tables".
      if (target.unlogged && !table.unlogged) {
        throw invalid(`${label} references the UNLOGGED table ${tableLabel(targetRef)}, and PostgreSQL lets only an unlogged table reference one.`, `Make ${tableLabel(table)} unlogged too, or ${tableLabel(targetRef)} logged, or drop the foreign key.`);
      }
      const targetColumns = columnsOf.get(target) ?? [];
      for (const column of fk.referencedColumns) {
        if (!targetColumns.includes(column)) {
          throw invalid(`${label} references column ${tableLabel(targetRef)}.${column}, which does not exist.`, `Use one of: ${targetColumns.join(", ")}.`);
        }
      }
    }
  }
}
