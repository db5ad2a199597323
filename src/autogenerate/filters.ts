/**
 * Which tables autogenerate looks at. Patterns are table names or "schema.name", with `*`
 * matching any run of characters (`audit_*`, `reporting.*`). A pattern without a dot matches the
 * table name in any schema. The version table is always left out: athanor manages it itself.
 */
import type { VersionTableName } from "../core/version-table-name.js";
import { emptyTable, type ColumnType, type DatabaseSchema, type TableSchema } from "../catalog/types.js";
import { refKey } from "./compare-context.js";

/** Options of filterSchema. */
export interface FilterOptions {
  /** Only these tables (all when absent or empty). */
  includeTables?: readonly string[];
  /** Never these tables. */
  excludeTables?: readonly string[];
  /** The version table, by name or as { schema, name }; always excluded. */
  versionTable?: VersionTableName | string | null;
}

/** Compiled patterns: the same few are tested against every table. */
const compiled = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
  const known = compiled.get(glob);
  if (known) return known;
  const body = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const re = new RegExp(`^${body}$`);
  compiled.set(glob, re);
  return re;
}

/** True when `table` matches `pattern` (a name or "schema.name", with `*` globs). */
export function tableMatches(table: Pick<TableSchema, "schema" | "name">, pattern: string): boolean {
  const dot = pattern.indexOf(".");
  if (dot < 0) return globToRegExp(pattern).test(table.name);
  const schemaPattern = pattern.slice(0, dot);
  const namePattern = pattern.slice(dot + 1);
  return globToRegExp(schemaPattern).test(table.schema ?? "") && globToRegExp(namePattern).test(table.name);
}

function isVersionTable(table: TableSchema, versionTable: FilterOptions["versionTable"]): boolean {
  if (!versionTable) return false;
  const ref = typeof versionTable === "string" ? parseTableName(versionTable) : versionTable;
  if (table.name !== ref.name) return false;
  return !ref.schema || !table.schema || ref.schema === table.schema;
}

/** "schema.name" or "name" as a table reference. */
function parseTableName(text: string): VersionTableName {
  const dot = text.indexOf(".");
  return dot < 0 ? { name: text } : { schema: text.slice(0, dot), name: text.slice(dot + 1) };
}

function enumsOf(type: ColumnType): string[] {
  if (type.kind === "enum") return [refKey(type.schema, type.name)];
  return type.kind === "array" ? enumsOf(type.of) : [];
}

/** True when `table` is compared under `options`. */
function includesTable(table: TableSchema, options: FilterOptions): boolean {
  if (isVersionTable(table, options.versionTable)) return false;
  const include = options.includeTables ?? [];
  if (include.length > 0 && !include.some((p) => tableMatches(table, p))) return false;
  return !(options.excludeTables ?? []).some((p) => tableMatches(table, p));
}

/**
 * The schema restricted to the tables `options` select. Enum types used only by left-out tables
 * are left out too, so that filtering tables never turns into dropping their types; so are the
 * triggers, rules and policies of left-out tables, and what the model cannot hold on them (DatabaseSchema.unmanagedObjects).
 */
export function filterSchema(schema: DatabaseSchema, options: FilterOptions): DatabaseSchema {
  const kept: TableSchema[] = [];
  const dropped: TableSchema[] = [];
  for (const table of schema.tables) (includesTable(table, options) ? kept : dropped).push(table);
  const usedByKept = new Set(kept.flatMap((t) => t.columns.flatMap((c) => enumsOf(c.type))));
  const usedByDropped = new Set(dropped.flatMap((t) => t.columns.flatMap((c) => enumsOf(c.type))));
  const enums = schema.enums.filter((e) => {
    const key = refKey(e.schema, e.name);
    return usedByKept.has(key) || !usedByDropped.has(key);
  });
  // Objects stay; a trigger, rule or policy goes with its table when the table is left out.
  const left = new Set(dropped.map((t) => refKey(t.schema, t.name)));
  const objects = schema.objects?.filter((o) => !((o.kind === "trigger" || o.kind === "rule" || o.kind === "policy") && left.has(refKey(o.schema, o.table ?? ""))));
  // A partition or foreign table is no entry of `tables`, so its own name is judged.
  const unmanaged = schema.unmanagedObjects?.filter((u) => !u.table || includesTable({ ...emptyTable(u.table, u.schema) }, options));
  const { objects: _all, unmanagedObjects: _unmanaged, ...rest } = schema;
  return { ...rest, tables: kept, enums, ...(objects && objects.length > 0 ? { objects } : {}), ...(unmanaged && unmanaged.length > 0 ? { unmanagedObjects: unmanaged } : {}) };
}
