/**
 * What SQLite really stores, applied to the model and to reflection alike. SQLite keeps declared
 * types and constraint texts verbatim and compile writes every portable type under a name that
 * reflects back to the same ColumnType (types.ts), so little needs folding:
 *
 * - no schemas (table and foreign-key schemas are null), no comments, no ON UPDATE clause;
 * - enum columns stay enum columns: compile writes them as TEXT plus `CHECK (col IN (…))` named
 *   after the enum, and reflection reads that back as an enum; there are no enum types
 *   (`enums` becomes empty) and the columns compare by their values;
 * - identity is AUTOINCREMENT, and an autoincrement column is declared exactly INTEGER (SQLite
 *   accepts AUTOINCREMENT on nothing else), whatever integer type the model gave it;
 * - defaults typed like their column (booleans are stored as 1/0 and read back as true/false),
 *   an SQL default that is only a literal as that literal (a number spelt otherwise than it prints, `0.0`, stays as written);
 * - an explicit NO ACTION stays (SQLite keeps the clause as written), INITIALLY DEFERRED counts only with DEFERRABLE (compile writes neither
 *   otherwise), a foreign key without referenced columns names the parent's primary key;
 * - the internal `sqlite_autoindex_*` indexes are constraints, not indexes; btree is no method;
 * - a single-column primary key of type integer is NOT NULL: compile declares it INTEGER, which
 *   makes it the rowid, and that never holds NULL (`INT PRIMARY KEY`, which is no rowid alias,
 *   reads back as the same integer type and is folded alike; `PRIMARY KEY DESC` makes no rowid
 *   alias and is not folded);
 * - foreign keys, unique and check constraints in one canonical order (by name, then definition):
 *   SQLite lists them in declaration order, which a rebuild that adds one changes.
 *
 * - a declared type athanor would spell differently (NVARCHAR(n), DATETIME, int) is reflected as
 *   raw text, so pull keeps it, and compares as the portable type it means;
 *
 * - index elements: `col COLLATE x` written as an expression is the column collated x, collation
 *   names compare without case, and an element collated as its column is (BINARY when the column
 *   names none) has no COLLATE of its own;
 *
 * `unsigned` is kept: SQLite enforces nothing for it, but the declared type carries it and
 * reflection reads it back, so model and database agree.
 */
import { NO_COMMENTS, refuseEnumComments, refuseTableComments } from "../object-comments.js";
import type { ColumnSchema, ColumnType, DatabaseSchema, ForeignKeySchema, IndexElement, TableSchema } from "../../catalog/types.js";
import { canonicalColumnFields, canonicalForeignKey, literalSqlDefault, mapTables, unquoteStandardString, withoutFields } from "../../catalog/normalize-helpers.js";
import { foldName, sameName } from "./names.js";
import { isRespeltNumber } from "./defaults.js";
import { splitIndexExpression } from "./parse-create-index.js";
import { portableColumnType } from "./types.js";

const INTEGER_KINDS = new Set<ColumnType["kind"]>(["smallint", "integer", "bigint"]);

function sqliteType(type: ColumnType): ColumnType {
  // SQLite has no schemas; `schema: null` is what enumType() records, so the column renders as
  // `enumType("mood", […]).column()` in a generated file.
  if (type.kind === "enum") return { kind: "enum", name: type.name, values: [...type.values], schema: null };
  if (type.kind === "raw") {
    // An alias (NVARCHAR(n), DATETIME, …) is the portable type it means: the same column.
    const portable = portableColumnType(type.sql.trim());
    return portable.kind === "raw" ? { kind: "raw", sql: type.sql.trim() } : sqliteType(portable);
  }
  return withoutFields(type);
}

function sqliteColumn(column: ColumnSchema): ColumnSchema {
  const generated = column.generated?.kind === "identity" ? { kind: "autoincrement" as const, ...(column.generated.sequence ? { sequence: column.generated.sequence } : {}) } : column.generated;
  const type: ColumnType = generated?.kind === "autoincrement" && INTEGER_KINDS.has(column.type.kind) ? { kind: "integer" } : sqliteType(column.type);
  const base = canonicalColumnFields({ ...column, type, generated });
  // `DEFAULT 0.0` stays as written (defaultSql writes it back so); other literal SQL reads as its value.
  const respelt = base.default?.kind === "sql" && isRespeltNumber(base.default.sql.trim());
  return { ...base, default: respelt ? base.default : literalSqlDefault(base.default, type, unquoteStandardString), comment: null, onUpdate: null };
}

function rowidAliasNotNull(columns: ColumnSchema[], primaryKey: TableSchema["primaryKey"]): ColumnSchema[] {
  // `INTEGER PRIMARY KEY DESC` is no rowid alias: its column holds NULL unless declared NOT NULL.
  if (primaryKey?.columns.length !== 1 || primaryKey.descending) return columns;
  return columns.map((c) => (c.nullable && c.name === primaryKey.columns[0] && c.type.kind === "integer" && !c.type.unsigned ? { ...c, nullable: false } : c));
}

function sqliteForeignKey(fk: ForeignKeySchema, all: readonly TableSchema[]): ForeignKeySchema {
  // No action is folded: an explicit NO ACTION is kept in sqlite_schema.sql (and reflected from
  // it), so it is a difference from no clause at all, and operations built from it keep it.
  const canonical = canonicalForeignKey({ ...fk, referencedSchema: null, initiallyDeferred: !!fk.deferrable && !!fk.initiallyDeferred }, []);
  if (canonical.referencedColumns.length > 0) return canonical;
  const parent = all.find((t) => foldName(t.name) === foldName(fk.referencedTable));
  return parent?.primaryKey ? { ...canonical, referencedColumns: [...parent.primaryKey.columns] } : canonical;
}

/** Sorts by name (unnamed last), then by the definition (its JSON with sorted keys); a copy. */
function canonicalOrder<T extends { name?: string | null }>(items: readonly T[]): T[] {
  const definition = (item: T): string => JSON.stringify(item, Object.keys(item).filter((k) => k !== "name").sort());
  const key = (item: T): string => `${item.name ? "0" : "1"}\u0000${item.name ?? ""}\u0000${definition(item)}`;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * An index element as SQLite keeps it: an expression `a COLLATE x` is the column `a` collated x
 * (what the stored CREATE INDEX is read as), collation names have no case, and a collation that
 * is the column's own (BINARY when the column names none) is no COLLATE of the element's.
 */
function sqliteElement(element: IndexElement, table: TableSchema): IndexElement {
  const out = splitIndexExpression(element);
  if (!out.collation) return out;
  const collation = out.collation.toUpperCase();
  const column = "column" in out ? table.columns.find((c) => sameName(c.name, out.column)) : undefined;
  const own = column ? (column.collation ?? "BINARY").toUpperCase() : undefined;
  const { collation: _collation, ...rest } = out;
  return collation === own ? rest : { ...rest, collation };
}

function sqliteTable(table: TableSchema, all: readonly TableSchema[]): TableSchema {
  return {
    ...table,
    schema: null,
    columns: rowidAliasNotNull(table.columns.map(sqliteColumn), table.primaryKey),
    primaryKey: table.primaryKey && table.primaryKey.columns.length > 0 ? table.primaryKey : null,
    foreignKeys: canonicalOrder(table.foreignKeys.map((fk) => sqliteForeignKey(fk, all))),
    uniques: canonicalOrder(table.uniques),
    checks: canonicalOrder(table.checks),
    indexes: table.indexes
      .filter((ix) => !ix.name.startsWith("sqlite_autoindex_"))
      .map((ix) => ({
        ...ix,
        elements: ix.elements.map((e) => sqliteElement(e, table)),
        where: ix.where?.trim() || null,
        using: ix.using?.toLowerCase() === "btree" ? null : (ix.using ?? null),
      })),
    comment: null,
    // Table collations and engines are MySQL's; SQLite has neither.
    collation: null,
    engine: null,
  };
}

/** The schema as SQLite stores it (see the module comment); pure, `schema` is not changed. */
export function normalizeSqliteSchema(schema: DatabaseSchema): DatabaseSchema {
  // SQLite keeps no comments: the model's are refused before a revision is written (compile refuses a hand-written one).
  refuseEnumComments("SQLite", schema.enums, NO_COMMENTS);
  refuseTableComments("SQLite", schema.tables, ["index", "constraint"], NO_COMMENTS);
  return { tables: mapTables(schema, sqliteTable).tables, enums: [] };
}
