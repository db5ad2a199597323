/**
 * Reflection: the live SQLite schema as a neutral DatabaseSchema. The pragmas are the authority
 * on columns, keys and indexes; the stored CREATE statements add what the pragmas do not say
 * (constraint names, CHECK texts, defaults as written, generated expressions, enums stored as
 * TEXT + CHECK). Triggers and table options are kept aside for rebuilds (see table-extras); ON
 * CONFLICT clauses, which the model cannot hold, are reported as unmanaged.
 */
import { reflectUnmanaged } from "./reflect-unmanaged.js";
import { reflectObjects } from "./reflect-objects.js";
import type { Connection, ReflectOptions } from "../dialect.js";
import type { CheckSchema, ColumnSchema, DatabaseSchema, ForeignKeySchema, IndexSchema, ReferentialAction, TableRef, TableSchema, UniqueSchema, UnmanagedObject } from "../../catalog/types.js";
import { reflectDefault } from "./defaults.js";
import { foldName, sameName } from "./names.js";
import { parseCreateIndex } from "./parse-create-index.js";
import { parseCreateTable, type ParsedCheck, type ParsedColumn, type ParsedTable } from "./parse-create-table.js";
import { readCatalog, type ColumnRow, type ForeignKeyRow, type IndexRow, type SchemaObjectRow } from "./reflect-queries.js";
import { rememberTableExtras } from "./table-extras.js";
import { isEnumStorageType, reflectColumnType } from "./types.js";

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => sameName(name, b[i]));
}

/** Hidden column values from pragma_table_xinfo: 1 is a virtual table's hidden column. */
const HIDDEN_VIRTUAL_TABLE = 1;
const HIDDEN_STORED = 3;

/** `enumChecks` collects the checks consumed as enum types, so they are not listed as checks too. */
function reflectColumn(row: ColumnRow, parsed: ParsedColumn | undefined, enumChecks: Set<ParsedCheck>): ColumnSchema {
  let type = reflectColumnType(row.type);
  const check = parsed?.enumCheck;
  if (check?.values && isEnumStorageType(row.type)) {
    type = { kind: "enum", name: check.name ?? "", values: check.values };
    enumChecks.add(check);
  }
  const defaultText = parsed?.defaultText ?? row.dflt_value;
  let generated: ColumnSchema["generated"] = null;
  if (parsed?.generated) generated = { kind: "computed", sql: parsed.generated.expression, stored: parsed.generated.stored || row.hidden === HIDDEN_STORED };
  else if (parsed?.autoincrement) generated = { kind: "autoincrement" };
  return {
    name: row.name,
    type,
    nullable: row.notnull === 0,
    default: defaultText === null || generated?.kind === "computed" ? null : reflectDefault(defaultText, type),
    generated,
    comment: null,
    onUpdate: null,
    collation: parsed?.collation ?? null,
  };
}

/** `{ inline: true }` for a constraint written in its column's definition, else nothing. */
function inlineField(inline: boolean): { inline?: true } {
  return inline ? { inline: true } : {};
}

function action(value: string): ReferentialAction | null {
  const upper = value.toUpperCase();
  return upper === "NO ACTION" || upper === "" ? null : (upper as ReferentialAction);
}

function reflectForeignKeys(rows: ForeignKeyRow[], parsed: ParsedTable): ForeignKeySchema[] {
  const groups = [...groupBy(rows, (r) => String(r.id)).values()];
  const used = new Set<number>();
  const result: ForeignKeySchema[] = [];
  const fromGroup = (group: ForeignKeyRow[]): ForeignKeySchema => ({
    name: null,
    columns: group.map((r) => r.col),
    referencedSchema: null,
    referencedTable: group[0].ref,
    referencedColumns: group.every((r) => r.refcol !== null) ? group.map((r) => r.refcol as string) : [],
    onDelete: action(group[0].on_delete),
    onUpdate: action(group[0].on_update),
    deferrable: false,
    initiallyDeferred: false,
  });
  for (const fk of parsed.foreignKeys) {
    const index = groups.findIndex((g, i) => !used.has(i) && sameName(g[0].ref, fk.referencedTable) && sameColumns(g.map((r) => r.col), fk.columns));
    if (index < 0) continue;
    used.add(index);
    result.push({ ...fromGroup(groups[index]), name: fk.name, onDelete: fk.onDelete, onUpdate: fk.onUpdate, deferrable: fk.deferrable, initiallyDeferred: fk.initiallyDeferred, ...(fk.updateFirst && fk.onDelete && fk.onUpdate ? { updateFirst: true } : {}), ...inlineField(fk.inline) });
  }
  groups.forEach((g, i) => {
    if (!used.has(i)) result.push(fromGroup(g));
  });
  return result;
}

/**
 * The unique constraints: each automatic unique index, named and placed as the CREATE TABLE text
 * declares it. A UNIQUE over exactly the primary key's columns has no index of its own (SQLite
 * keeps one index for both), so it comes from the text alone.
 */
function reflectUniques(rows: IndexRow[], parsed: ParsedTable, pkColumns: string[]): UniqueSchema[] {
  const groups = [...groupBy(rows.filter((r) => r.origin === "u"), (r) => r.idx).values()].map((g) => g.map((r) => r.col ?? ""));
  const used = new Set<number>();
  const result: UniqueSchema[] = [];
  for (const unique of parsed.uniques) {
    const index = groups.findIndex((g, i) => !used.has(i) && sameColumns(g, unique.columns));
    if (index < 0) {
      if (pkColumns.length > 0 && sameColumns(unique.columns, pkColumns)) result.push({ name: unique.name, columns: [...pkColumns], ...inlineField(unique.inline) });
      continue;
    }
    used.add(index);
    result.push({ name: unique.name, columns: groups[index], ...inlineField(unique.inline) });
  }
  groups.forEach((g, i) => {
    if (!used.has(i)) result.push({ name: null, columns: g });
  });
  return result;
}

function reflectIndexes(rows: IndexRow[], sqlByIndex: Map<string, string>): IndexSchema[] {
  const groups = groupBy(rows.filter((r) => r.origin === "c"), (r) => r.idx);
  return [...groups.entries()].map(([name, group]) => {
    const parsed = parseCreateIndex(sqlByIndex.get(name) ?? "");
    return { name, elements: parsed.elements, unique: group[0].uniq === 1, where: parsed.where, using: null };
  });
}

/** What the model cannot hold of one table's CREATE TABLE text, for DatabaseSchema.unmanagedObjects. */
function unmanagedOf(name: string, parsed: ParsedTable): UnmanagedObject[] {
  return parsed.conflictClauses.map((clause) => ({ kind: "conflict clause", name: clause, table: name, detail: clause }));
}

function reflectOneTable(name: string, sql: string, by: Grouped, unmanaged: UnmanagedObject[]): TableSchema {
  const parsed = parseCreateTable(sql);
  unmanaged.push(...unmanagedOf(name, parsed));
  const enumChecks = new Set<ParsedCheck>();
  const columnRows = (by.columns.get(name) ?? []).filter((r) => r.hidden !== HIDDEN_VIRTUAL_TABLE);
  const columns = columnRows.map((row) => reflectColumn(row, parsed.columns.find((c) => sameName(c.name, row.name)), enumChecks));
  const pkColumns = columnRows.filter((r) => r.pk > 0).sort((a, b) => a.pk - b.pk).map((r) => r.name);
  const pkParsed = parsed.primaryKey && sameColumns(parsed.primaryKey.columns, pkColumns) ? parsed.primaryKey : null;
  const indexRows = by.indexes.get(name) ?? [];
  const objects = by.objects.get(name) ?? [];
  const table: TableSchema = {
    schema: null,
    name,
    columns,
    // An AUTOINCREMENT key is always in its column (SQLite accepts it nowhere else): no choice to record.
    primaryKey:
      pkColumns.length > 0
        ? { name: pkParsed?.name ?? null, columns: pkColumns, ...inlineField(!!pkParsed?.inline && !columns.some((c) => c.generated?.kind === "autoincrement")), ...(pkParsed?.descending ? { descending: true } : {}) }
        : null,
    foreignKeys: reflectForeignKeys(by.foreignKeys.get(name) ?? [], parsed),
    uniques: reflectUniques(indexRows, parsed, pkColumns),
    checks: parsed.checks.filter((c) => !enumChecks.has(c)).map((c): CheckSchema => ({ name: c.name, expression: c.expression, ...(c.column === undefined ? {} : { column: c.column }) })),
    indexes: reflectIndexes(indexRows, new Map(objects.filter((o) => o.type === "index").map((o) => [o.name, o.sql]))),
    comment: null,
  };
  rememberTableExtras(table, { triggers: objects.filter((o) => o.type === "trigger").map((o) => o.sql), options: parsed.options });
  return table;
}

interface Grouped {
  columns: Map<string, ColumnRow[]>;
  foreignKeys: Map<string, ForeignKeyRow[]>;
  indexes: Map<string, IndexRow[]>;
  objects: Map<string, SchemaObjectRow[]>;
}

/** `REFERENCES parent` without columns means the parent's primary key; fill it in when the parent was read. */
function resolveImplicitReferences(tables: TableSchema[]): void {
  const byName = new Map(tables.map((t) => [foldName(t.name), t]));
  for (const table of tables) {
    for (const fk of table.foreignKeys) {
      if (fk.referencedColumns.length > 0) continue;
      const parent = byName.get(foldName(fk.referencedTable));
      if (parent?.primaryKey) fk.referencedColumns = [...parent.primaryKey.columns];
    }
  }
}

/** Reads the schema with a constant number of queries (five), whatever the number of tables. */
export async function reflect(conn: Connection, options: ReflectOptions = {}): Promise<DatabaseSchema> {
  const rows = await readCatalog(conn, options);
  const by: Grouped = {
    columns: groupBy(rows.columns, (r) => r.tbl),
    foreignKeys: groupBy(rows.foreignKeys, (r) => r.tbl),
    indexes: groupBy(rows.indexes, (r) => r.tbl),
    objects: groupBy(rows.objects, (r) => r.tbl),
  };
  const conflictClauses: UnmanagedObject[] = [];
  const tables = rows.tables.map((t) => reflectOneTable(t.name, t.sql, by, conflictClauses));
  resolveImplicitReferences(tables);
  const objects = await reflectObjects(conn, options);
  const unmanaged = [...(await reflectUnmanaged(conn, options)), ...conflictClauses];
  return { tables, enums: [], ...(objects.length > 0 ? { objects } : {}), ...(unmanaged.length > 0 ? { unmanagedObjects: unmanaged } : {}) };
}

/** Reads one table, or undefined when it does not exist. */
export async function reflectTable(conn: Connection, ref: TableRef): Promise<TableSchema | undefined> {
  const schema = await reflect(conn, { includeTables: [ref.name] });
  return schema.tables[0];
}
