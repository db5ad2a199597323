/**
 * Reflection: the live MySQL/MariaDB schema as a DatabaseSchema, read with a constant number of
 * information_schema queries (six: server info, tables, columns, indexes, foreign keys, checks)
 * however many tables there are. Normalisation rules live in reflect-columns.ts and
 * reflect-constraints.ts.
 *
 * A table in the connection's database has `schema: null`; tables read from other databases
 * (ReflectOptions.schemas, which on MySQL names databases) carry their database name.
 */
import { reflectObjects } from "./reflect-objects.js";
import { reflectUnmanaged } from "./reflect-unmanaged.js";
import type { Connection, ReflectOptions } from "../dialect.js";
import type { DatabaseSchema, TableRef, TableSchema } from "../../catalog/types.js";
import { ConnectionError } from "../../errors.js";
import type { ServerInfo } from "./server-info.js";
import { serverInfo } from "./server-info.js";
import type { CatalogFilter } from "./reflect-queries.js";
import { checksQuery, columnsQuery, foreignKeysQuery, indexesQuery, tablesQuery } from "./reflect-queries.js";
import type { ColumnRow } from "./reflect-columns.js";
import { catalogText, normaliseCollation, reflectColumn } from "./reflect-columns.js";
import type { CheckRow, ForeignKeyRow, IndexRow } from "./reflect-constraints.js";
import { byName, checksOf, foreignKeysOf, groupBy, indexesOf } from "./reflect-constraints.js";
import { quoteIdentifier } from "./quote.js";
import { rememberForeignKeyIndexes } from "./foreign-key-index.js";
import { markImpliedPrefixes } from "./implied-prefix.js";

interface TableRow {
  table_schema: string;
  table_name: string;
  table_comment: string | null;
  table_collation: string | null;
  engine: string | null;
  row_format: string | null;
  database_collation: string | null;
  default_engine: string | null;
}

/** A table name, optionally qualified by its database. */
interface TableName {
  schema?: string;
  name: string;
}

/** What to read: databases plus table names to keep or leave out. */
interface Selection {
  schemas: string[];
  include?: TableName[];
  exclude?: TableName[];
}

const keyOf = (schema: string, name: string): string => `${schema}\u0000${name}`;

/** Decodes binary-string values in catalog rows (MySQL 8 returns some columns that way); numbers stay numbers. */
function textRows<T>(rows: Record<string, unknown>[]): T[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) out[k] = typeof v === "number" ? v : catalogText(v);
    return out as T;
  });
}

/** Splits "db.table" when `db` is one of the databases being read; otherwise it is a plain name. */
function parseName(entry: string, schemas: string[]): TableName {
  const dot = entry.indexOf(".");
  if (dot > 0 && schemas.includes(entry.slice(0, dot))) return { schema: entry.slice(0, dot), name: entry.slice(dot + 1) };
  return { name: entry };
}

function matches(names: TableName[], schema: string, name: string): boolean {
  return names.some((n) => n.name === name && (n.schema === undefined || n.schema === schema));
}

/** Runs the catalog queries and assembles the tables. */
async function read(conn: Connection, info: ServerInfo, selection: Selection): Promise<{ tables: TableSchema[]; defaults?: DatabaseSchema["tableDefaults"] }> {
  const filter: CatalogFilter = {
    schemas: selection.schemas,
    include: selection.include?.map((n) => n.name),
    // Qualified exclusions are applied below; excluding the bare name would hide other databases' tables.
    exclude: selection.exclude?.filter((n) => n.schema === undefined).map((n) => n.name),
  };
  const run = async <T>(statement: { sql: string; params?: unknown[] }): Promise<T[]> =>
    textRows<T>(await conn.query<Record<string, unknown>>(statement.sql, statement.params));
  const tables = await run<TableRow>(tablesQuery(filter));
  const columns = await run<ColumnRow>(columnsQuery(filter));
  const indexes = await run<IndexRow>(indexesQuery(filter, info));
  const fks = await run<ForeignKeyRow>(foreignKeysQuery(filter));
  const checkStatement = checksQuery(filter, info);
  const checks = checkStatement ? await run<CheckRow>(checkStatement) : [];

  const columnsByTable = groupBy(columns, (r) => keyOf(r.table_schema, r.table_name));
  const indexesByTable = groupBy(indexes, (r) => keyOf(r.table_schema, r.table_name));
  const fksByTable = groupBy(fks, (r) => keyOf(r.table_schema, r.table_name));
  const checksByTable = groupBy(checks, (r) => keyOf(r.table_schema, r.table_name));

  const result: TableSchema[] = [];
  for (const t of tables) {
    if (!selection.schemas.includes(t.table_schema)) continue;
    if (selection.include && selection.include.length > 0 && !matches(selection.include, t.table_schema, t.table_name)) continue;
    if (selection.exclude && matches(selection.exclude, t.table_schema, t.table_name)) continue;
    const key = keyOf(t.table_schema, t.table_name);
    let tableChecks = checksByTable.get(key) ?? [];
    const columnRows = columnsByTable.get(key) ?? [];
    const tableColumns = columnRows.map((row) => {
      // MariaDB's json is longtext plus a column CHECK named after the column: json_valid(`col`).
      const aliasCheck = info.flavour === "mariadb" && row.data_type.toLowerCase() === "longtext"
        ? tableChecks.find((c) => c.constraint_name === row.column_name && c.check_clause.replace(/\s+/g, "") === `json_valid(${quoteIdentifier(row.column_name)})`)
        : undefined;
      if (aliasCheck) tableChecks = tableChecks.filter((c) => c !== aliasCheck);
      return reflectColumn(row, t.table_collation, info.flavour, aliasCheck !== undefined);
    });
    const foreignKeys = foreignKeysOf(fksByTable.get(key) ?? [], t.table_schema, info.flavour);
    const { primaryKey, uniques, indexes: tableIndexes, foreignKeyIndexes } = indexesOf(indexesByTable.get(key) ?? [], foreignKeys);
    if (info.flavour === "mariadb") markImpliedPrefixes(tableIndexes, { engine: t.engine, rowFormat: t.row_format, bytesPerChar: bytesPerChar(columnRows) });
    const table: TableSchema = {
      schema: t.table_schema === info.database ? null : t.table_schema,
      name: t.table_name,
      columns: tableColumns,
      primaryKey,
      foreignKeys,
      uniques,
      checks: checksOf(tableChecks),
      indexes: tableIndexes,
      comment: t.table_comment ? t.table_comment : null,
      // Like a column's collation against its table's: only what differs from what a table gets anyway.
      ...(t.table_collation && normaliseCollation(t.table_collation) !== defaultsOf(t).collation ? { collation: normaliseCollation(t.table_collation) } : {}),
      ...(t.engine && t.engine !== defaultsOf(t).engine ? { engine: t.engine } : {}),
    };
    // Dropping one of these keys drops its index too; compile finds them by this object.
    rememberForeignKeyIndexes(table, foreignKeyIndexes);
    result.push(table);
  }
  const home = tables.find((t) => t.table_schema === info.database) ?? tables[0];
  const sorted = result.sort((a, b) => byName({ name: `${a.schema ?? ""}\u0000${a.name}` }, { name: `${b.schema ?? ""}\u0000${b.name}` }));
  return home ? { tables: sorted, defaults: defaultsOf(home) } : { tables: sorted };
}

function requireDatabase(info: ServerInfo): string {
  if (info.database === null) {
    throw new ConnectionError("database-missing", "The MySQL connection has no database selected, so there is nothing to reflect.", {
      hint: "Put the database name in the URL path, e.g. mysql://user@127.0.0.1:3306/mydb.",
    });
  }
  return info.database;
}

/** Bytes per character of each character or binary column (binary and blob types: 1). */
function bytesPerChar(rows: ColumnRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    const perChar = row.charset_maxlen ? Number(row.charset_maxlen) : /^(binary|varbinary|tinyblob|blob|mediumblob|longblob)$/i.test(row.data_type) ? 1 : undefined;
    if (perChar) out.set(row.column_name, perChar);
  }
  return out;
}

/** The collation and engine a table of this row's database gets when it names none. */
function defaultsOf(row: TableRow): { collation: string | null; engine: string | null } {
  return { collation: row.database_collation ? normaliseCollation(row.database_collation) : null, engine: row.default_engine };
}

/** Reads the schema of the connection's database (or of `options.schemas`, which name databases). */
export async function reflect(conn: Connection, options: ReflectOptions = {}): Promise<DatabaseSchema> {
  const info = await serverInfo(conn);
  const schemas = options.schemas && options.schemas.length > 0 ? options.schemas : [requireDatabase(info)];
  const tables = await read(conn, info, {
    schemas,
    include: options.includeTables?.map((e) => parseName(e, schemas)),
    exclude: options.excludeTables?.map((e) => parseName(e, schemas)),
  });
  // Objects are read only from the connection's own database (other databases: tables only).
  const objects = await reflectObjects(conn, schemas[0]!, info);
  const own = new Set(tables.tables.filter((t) => !t.schema).map((t) => t.name));
  const unmanaged = await reflectUnmanaged(conn, schemas[0]!, own);
  // MySQL enums are inline column types; there are no named enum types to report.
  return {
    tables: tables.tables,
    enums: [],
    ...(objects.length > 0 ? { objects } : {}),
    ...(unmanaged.length > 0 ? { unmanagedObjects: unmanaged } : {}),
    ...(tables.defaults ? { tableDefaults: tables.defaults } : {}),
  };
}

/** Reads one table; undefined when it does not exist. `ref.schema` names another database. */
export async function reflectTable(conn: Connection, ref: TableRef): Promise<TableSchema | undefined> {
  const info = await serverInfo(conn);
  const schema = ref.schema ?? requireDatabase(info);
  const tables = await read(conn, info, { schemas: [schema], include: [{ schema, name: ref.name }] });
  return tables.tables[0];
}
