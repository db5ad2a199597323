/**
 * What a pulled schema.ts cannot say exactly about one reflected schema. The model DSL names
 * every index (constraints can be declared `{ name: null }`), lists every enum a column uses,
 * keeps constraint names unique per table and checks foreign-key targets; where the database
 * differs, the pulled file differs too, and its header says where.
 */
import { tableLabel, unmanagedKinds, unmanagedLabel, type ColumnType, type DatabaseSchema, type TableSchema } from "../catalog/types.js";
import { tableNameClash } from "../catalog/validate-names.js";

const q = (value: string): string => JSON.stringify(value);

function unnamed(table: TableSchema): string[] {
  const label = q(tableLabel(table));
  const out: string[] = [];
  const count = table.indexes.filter((ix) => !ix.name).length;
  if (count > 0) out.push(`table ${label}: ${count} index(es) have no name; the model gives them conventional names`);
  return out;
}

function enumsOf(type: ColumnType): Extract<ColumnType, { kind: "enum" }>[] {
  if (type.kind === "enum") return [type];
  return type.kind === "array" ? enumsOf(type.of) : [];
}

function columnIssues(table: TableSchema): string[] {
  const label = (column: string): string => q(`${tableLabel(table)}.${column}`);
  const out: string[] = [];
  for (const c of table.columns) {
    const value = c.default?.kind === "literal" ? c.default.value : undefined;
    if (typeof value === "number" && !Number.isFinite(value)) out.push(`column ${label(c.name)}: the default ${String(value)} cannot be written as a model default`);
    if (c.generated?.kind === "computed" && c.default) out.push(`column ${label(c.name)} is generated and also has a default, which the model refuses`);
    if (c.type.kind === "enum" && typeof value === "string" && !c.type.values.includes(value)) {
      out.push(`column ${label(c.name)}: its default ${q(value)} is not one of its enum's values, which the model refuses`);
    }
  }
  const names = table.columns.map((c) => c.name);
  const asObject = Object.keys(Object.fromEntries(names.map((n) => [n, true])));
  if (asObject.some((n, i) => n !== names[i])) out.push(`table ${q(tableLabel(table))}: column names that are whole numbers come first in a JavaScript object, so the column order changes`);
  return out;
}

function inlineEnums(schema: DatabaseSchema): string[] {
  const declared = new Set(schema.enums.map((e) => `${e.schema ?? ""}\u0000${e.name}`));
  const inline = new Set<string>();
  for (const table of schema.tables) {
    for (const c of table.columns) for (const e of enumsOf(c.type)) if (!declared.has(`${e.schema ?? ""}\u0000${e.name}`)) inline.add(tableLabel(e));
  }
  if (inline.size === 0) return [];
  return [`enum(s) ${[...inline].map(q).join(", ")} exist only inside columns; the loaded model also lists them as enum types`];
}

function duplicateNames(schema: DatabaseSchema): string[] {
  const out: string[] = [];
  for (const table of schema.tables) {
    const found = tableNameClash(table);
    if (found) out.push(`the name ${q(found[0].name)} is used by two constraints or indexes of table ${q(tableLabel(table))}; the model needs them unique within a table, so rename one before loading this file`);
  }
  return out;
}

function missingTargets(schema: DatabaseSchema): string[] {
  const tables = new Set(schema.tables.map((t) => `${t.schema ?? ""}\u0000${t.name}`));
  return schema.tables.flatMap((table) =>
    table.foreignKeys
      .filter((fk) => !tables.has(`${fk.referencedSchema ?? ""}\u0000${fk.referencedTable}`))
      .map((fk) => `table ${q(tableLabel(table))}: foreign key ${q(fk.name ?? fk.columns.join(", "))} points at ${q(tableLabel({ schema: fk.referencedSchema, name: fk.referencedTable }))}, which was not pulled; the model refuses it until that table is added`),
  );
}

/** Parents of inheriting tables that were not pulled (the model refuses a child without its parents). */
function missingParents(schema: DatabaseSchema): string[] {
  const tables = new Set(schema.tables.map((t) => `${t.schema ?? ""}\u0000${t.name}`));
  return schema.tables.flatMap((table) =>
    (table.inherits ?? [])
      .filter((p) => !tables.has(`${p.schema ?? ""}\u0000${p.table}`))
      .map((p) => `table ${q(tableLabel(table))}: it inherits from ${q(tableLabel({ schema: p.schema, name: p.table }))}, which was not pulled; the model refuses it until that table is added`),
  );
}

/** What the database holds and the model cannot say (foreign tables, policy comments, …), by kind and name. */
function unmanagedObjects(schema: DatabaseSchema): string[] {
  return (schema.unmanagedObjects ?? []).map((o) => `${unmanagedLabel(o)}${o.detail ? ` (${o.detail.replace(/\s+/g, " ").trim()})` : ""} is not in this file: athanor does not manage ${unmanagedKinds(o.kind)} (check reports it)`);
}

/** Everything about `schema` the pulled file cannot reproduce exactly, one message each. */
export function pullLimitations(schema: DatabaseSchema): string[] {
  return [...unmanagedObjects(schema), ...schema.tables.flatMap((t) => [...unnamed(t), ...columnIssues(t)]), ...inlineEnums(schema), ...duplicateNames(schema), ...missingTargets(schema), ...missingParents(schema)];
}
