/**
 * DDL text for tables, columns, constraints and indexes. Used by createTable, by native ALTER
 * TABLE ADD COLUMN, and by the rebuild, so that all three write a definition the same way and
 * reflection reads every one of them back identically.
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { CheckSchema, ColumnSchema, ExclusionSchema, ForeignKeySchema, IndexSchema, PrimaryKeySchema, TableSchema, UniqueSchema } from "../../catalog/types.js";
import { defaultSql } from "./defaults.js";
import { sameName } from "./names.js";
import { refuseExclusion as refuseExclusionIn } from "../postgres-only-constraints.js";
import { quoteIdentifier, quoteLiteral } from "./quote.js";
import { columnTypeSql } from "./types.js";

function named(name: string | null | undefined): string {
  return name ? `CONSTRAINT ${quoteIdentifier(name)} ` : "";
}

function columnList(columns: string[]): string {
  return columns.map(quoteIdentifier).join(", ");
}

function generatesValues(column: ColumnSchema): boolean {
  return column.generated?.kind === "autoincrement" || column.generated?.kind === "identity";
}

/** The single column that is an `INTEGER PRIMARY KEY AUTOINCREMENT`, or undefined; throws when autoincrement cannot be expressed. */
function autoincrementColumn(table: TableSchema): ColumnSchema | undefined {
  const columns = table.columns.filter(generatesValues);
  if (columns.length === 0) return undefined;
  const pk = table.primaryKey?.columns ?? [];
  const column = columns[0];
  const integer = ["smallint", "integer", "bigint"].includes(column.type.kind);
  if (columns.length > 1 || pk.length !== 1 || !sameName(pk[0], column.name) || !integer) {
    throw new UnsupportedOperationError(`Table "${table.name}": SQLite can only autoincrement a single-column integer primary key, not "${column.name}".`, {
      hint: "Make the autoincrement column the table's only primary-key column, or drop autoincrement for SQLite.",
    });
  }
  return column;
}

/** Options for one column definition. */
export interface ColumnSqlOptions {
  /** Table name, for messages. */
  table: string;
  /** Write `PRIMARY KEY AUTOINCREMENT` inline with this constraint name. */
  autoincrementKey?: { name: string | null | undefined };
  /** Constraints declared in this column's definition (`inline`), written there. */
  inline?: { primaryKey?: PrimaryKeySchema; uniques?: UniqueSchema[]; foreignKeys?: ForeignKeySchema[]; checks?: CheckSchema[] };
}

/** `"name" TYPE [PRIMARY KEY AUTOINCREMENT] [NOT NULL] [DEFAULT …] [COLLATE …] [GENERATED …] [enum CHECK]`. */
export function columnSql(column: ColumnSchema, options: ColumnSqlOptions): string {
  const where = `"${options.table}"."${column.name}"`;
  if (column.onUpdate) {
    throw new UnsupportedOperationError(`Column ${where}: SQLite has no ON UPDATE clause for columns.`, {
      hint: "Drop onUpdate for SQLite and maintain the value in application code or with an op.execute CREATE TRIGGER.",
    });
  }
  if ((column.generated?.kind === "autoincrement" || column.generated?.kind === "identity") && column.generated.sequence) {
    throw new UnsupportedOperationError(`Column ${where}: SQLite has no sequence options for an AUTOINCREMENT column.`, {
      hint: "Leave the sequence options (start, increment, …) out of the SQLite model; SQLite counts from the largest rowid (sqlite_sequence).",
    });
  }
  // AUTOINCREMENT is only accepted on a column declared exactly INTEGER.
  const parts = [quoteIdentifier(column.name), options.autoincrementKey ? "INTEGER" : columnTypeSql(column.type, where)];
  if (options.autoincrementKey) parts.push(`${named(options.autoincrementKey.name)}PRIMARY KEY AUTOINCREMENT`);
  else if (options.inline?.primaryKey) parts.push(`${named(options.inline.primaryKey.name)}PRIMARY KEY${options.inline.primaryKey.descending ? " DESC" : ""}`);
  if (!column.nullable) parts.push("NOT NULL");
  if (column.default && column.generated?.kind !== "computed") parts.push(`DEFAULT ${defaultSql(column.default)}`);
  if (column.collation) parts.push(`COLLATE ${quoteIdentifier(column.collation)}`);
  if (column.generated?.kind === "computed") {
    parts.push(`GENERATED ALWAYS AS (${column.generated.sql}) ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
  }
  for (const unique of options.inline?.uniques ?? []) {
    assertKeySupported(unique, "unique constraint", options.table);
    parts.push(`${named(unique.name)}UNIQUE`);
  }
  for (const fk of options.inline?.foreignKeys ?? []) parts.push(`${named(fk.name)}${referencesSql(fk)}`);
  for (const check of options.inline?.checks ?? []) parts.push(checkSql(check));
  if (column.type.kind === "enum") {
    const values = column.type.values.map((v) => quoteLiteral(v)).join(", ");
    parts.push(`${named(column.type.name)}CHECK (${quoteIdentifier(column.name)} IN (${values}))`);
  }
  return parts.join(" ");
}

/** `REFERENCES "t" (…) [ON DELETE …] [ON UPDATE …] [DEFERRABLE …]`: the clause both forms of a foreign key share. */
function referencesSql(fk: ForeignKeySchema): string {
  if (fk.match || fk.onDeleteColumns?.length) {
    throw new UnsupportedOperationError(`SQLite has no ${fk.match ? "MATCH FULL" : "ON DELETE column list"} on a foreign key (to "${fk.referencedTable}"${fk.name ? `, ${fk.name}` : ""}).`, {
      hint: "Drop match/onDeleteColumns for SQLite; it parses MATCH but ignores it.",
    });
  }
  let text = `REFERENCES ${quoteIdentifier(fk.referencedTable)}`;
  if (fk.referencedColumns.length > 0) text += ` (${columnList(fk.referencedColumns)})`;
  const actions = [fk.onDelete ? ` ON DELETE ${fk.onDelete}` : "", fk.onUpdate ? ` ON UPDATE ${fk.onUpdate}` : ""];
  text += (fk.updateFirst ? actions.reverse() : actions).join("");
  if (fk.deferrable) text += fk.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE";
  return text;
}

/** Refuses what SQLite's keys cannot be: deferrable (only foreign keys are), NULLS NOT DISTINCT, or with INCLUDE columns. */
function assertKeySupported(key: PrimaryKeySchema | UniqueSchema, what: string, table: string): void {
  const label = `${what}${key.name ? ` "${key.name}"` : ""} of "${table}" (${key.columns.join(", ")})`;
  if (key.deferrable || key.initiallyDeferred) {
    throw new UnsupportedOperationError(`SQLite cannot defer the ${label}: only foreign keys are deferrable there.`, { hint: "Remove deferrable/initiallyDeferred for SQLite." });
  }
  if ((key as UniqueSchema).nullsNotDistinct) {
    throw new UnsupportedOperationError(`SQLite has no NULLS NOT DISTINCT (the ${label}): NULLs in a unique key are always distinct there.`, { hint: "Remove nullsNotDistinct for SQLite." });
  }
  if (key.include && key.include.length > 0) {
    throw new UnsupportedOperationError(`SQLite has no INCLUDE columns in keys (the ${label}: ${key.include.join(", ")}).`, { hint: "Remove include for SQLite." });
  }
}

/** `CONSTRAINT "name" FOREIGN KEY (…) REFERENCES …`. */
export function foreignKeySql(fk: ForeignKeySchema): string {
  return `${named(fk.name)}FOREIGN KEY (${columnList(fk.columns)}) ${referencesSql(fk)}`;
}

/** `CONSTRAINT "name" UNIQUE (…)`. */
export function uniqueSql(unique: UniqueSchema, table = ""): string {
  assertKeySupported(unique, "unique constraint", table);
  return `${named(unique.name)}UNIQUE (${columnList(unique.columns)})`;
}

/** `CONSTRAINT "name" CHECK (…)`. */
export function checkSql(check: CheckSchema): string {
  if (check.notValid) {
    throw new UnsupportedOperationError(`SQLite has no NOT VALID check (${check.name ?? check.expression}): a check is part of the table's definition.`, { hint: "Remove notValid from the check for SQLite." });
  }
  return `${named(check.name)}CHECK (${check.expression})`;
}

/** SQLite has no exclusion constraints: refuses one by name, saying what to use instead. */
export function refuseExclusion(table: string, exclusion: ExclusionSchema): never {
  return refuseExclusionIn("SQLite", table, exclusion, "a unique constraint covers the case where every operator is =.");
}

/**
 * Refuses what only PostgreSQL holds on a table: exclusion constraints and foreign keys added
 * NOT VALID (SQLite keeps a table's constraints in its definition, which covers every row).
 */
export function assertNoPostgresConstraints(table: TableSchema): void {
  const exclusion = table.exclusions?.[0];
  if (exclusion) refuseExclusion(table.name, exclusion);
  const fk = table.foreignKeys.find((f) => f.notValid);
  if (fk) {
    throw new UnsupportedOperationError(`SQLite has no NOT VALID foreign key (${fk.name ?? fk.columns.join(", ")} on ${table.name}): a foreign key is part of the table's definition.`, {
      hint: "Remove notValid from the foreign key for SQLite.",
    });
  }
}

/**
 * `CREATE TABLE "name" (…)` for a whole definition. A constraint marked `inline` is written in
 * its column's definition, as the model or the database declared it; the rest follow the columns. `as` writes it under another name (the
 * rebuild's temporary table); `options` appends table options such as WITHOUT ROWID.
 */
export function createTableSql(table: TableSchema, as?: string, options = ""): string {
  assertNoPostgresConstraints(table);
  const auto = autoincrementColumn(table);
  // A descending key is written in its column whatever its placement says: `PRIMARY KEY ("id" DESC)`
  // among the constraints would make an INTEGER column the rowid, which `PRIMARY KEY DESC` does not.
  const inlineKey = !auto && (table.primaryKey?.inline || table.primaryKey?.descending) && table.primaryKey.columns.length === 1 ? table.primaryKey : undefined;
  const written = new Set<object>();
  const inColumn = <T extends { inline?: boolean; columns: string[] }>(items: T[], column: ColumnSchema, fits: (item: T) => boolean = () => true): T[] => {
    const found = items.filter((item) => item.inline && item.columns.length === 1 && item.columns[0] === column.name && fits(item));
    for (const item of found) written.add(item);
    return found;
  };
  const lines = table.columns.map((column) =>
    columnSql(column, {
      table: table.name,
      autoincrementKey: column === auto ? { name: table.primaryKey?.name } : undefined,
      inline: {
        primaryKey: inlineKey?.columns[0] === column.name ? inlineKey : undefined,
        uniques: inColumn(table.uniques, column),
        foreignKeys: inColumn(table.foreignKeys, column, (fk) => fk.referencedColumns.length <= 1),
        checks: table.checks.filter((check) => check.column !== undefined && sameName(check.column, column.name) && written.add(check)),
      },
    }),
  );
  if (table.primaryKey) assertKeySupported(table.primaryKey, "primary key", table.name);
  if (table.primaryKey && !auto && !inlineKey) lines.push(`${named(table.primaryKey.name)}PRIMARY KEY (${columnList(table.primaryKey.columns)})`);
  for (const unique of table.uniques) if (!written.has(unique)) lines.push(uniqueSql(unique, table.name));
  for (const fk of table.foreignKeys) if (!written.has(fk)) lines.push(foreignKeySql(fk));
  for (const check of table.checks) if (!written.has(check)) lines.push(checkSql(check));
  const tail = options ? ` ${options}` : "";
  return `CREATE TABLE ${quoteIdentifier(as ?? table.name)} (\n  ${lines.join(",\n  ")}\n)${tail}`;
}

/** Throws for index features SQLite cannot express. */
export function assertIndexSupported(table: string, index: IndexSchema): void {
  if (index.using) {
    throw new UnsupportedOperationError(`Index "${index.name}" on "${table}": SQLite has no index access methods (USING ${index.using}).`, {
      hint: "Remove `using` for SQLite; every SQLite index is a B-tree.",
    });
  }
  if (index.include && index.include.length > 0) {
    throw new UnsupportedOperationError(`Index "${index.name}" on "${table}": SQLite has no INCLUDE columns (${index.include.join(", ")}).`, {
      hint: "Add the columns to the index's key for SQLite, or remove include.",
    });
  }
  if (index.nullsNotDistinct) {
    throw new UnsupportedOperationError(`Index "${index.name}" on "${table}": SQLite has no NULLS NOT DISTINCT (NULLs in a unique index are always distinct).`, {
      hint: "Remove nullsNotDistinct for SQLite, or index coalesce(col, <value>) to make NULLs collide.",
    });
  }
  for (const element of index.elements) {
    const label = "column" in element ? `"${element.column}"` : `(${element.expression})`;
    if (element.nulls) {
      throw new UnsupportedOperationError(`Index "${index.name}" on "${table}": SQLite has no NULLS ${element.nulls.toUpperCase()} in indexes (${label}).`, {
        hint: "Remove nulls for SQLite: NULLs sort first ascending and last descending there.",
      });
    }
    if (element.opclass || element.collationSchema) {
      throw new UnsupportedOperationError(`Index "${index.name}" on "${table}": SQLite has no ${element.opclass ? "operator classes" : "schema-qualified collations"} (${label}).`, {
        hint: element.opclass ? "Remove opclass for SQLite." : "Name the collation without collationSchema for SQLite.",
      });
    }
    if ("column" in element && element.length !== undefined) {
      throw new UnsupportedOperationError(`Index "${index.name}" on "${table}": SQLite has no prefix indexes (length ${element.length} on "${element.column}").`, {
        hint: "Remove the prefix length for SQLite, or index an expression such as substr(col, 1, n).",
      });
    }
  }
}

/** `CREATE [UNIQUE] INDEX [IF NOT EXISTS] "name" ON "table" (…) [WHERE …]`. */
export function createIndexSql(table: string, index: IndexSchema, ifNotExists = false): string {
  assertIndexSupported(table, index);
  const elements = index.elements.map((e) => {
    // An expression is parenthesised under COLLATE, which would otherwise bind to its last operand.
    const body = "column" in e ? quoteIdentifier(e.column) : e.collation ? `(${e.expression})` : e.expression;
    const collate = e.collation ? ` COLLATE ${quoteIdentifier(e.collation)}` : "";
    return `${body}${collate}${e.descending ? " DESC" : ""}`;
  });
  const where = index.where ? ` WHERE ${index.where}` : "";
  const unique = index.unique ? "UNIQUE " : "";
  const exists = ifNotExists ? "IF NOT EXISTS " : "";
  return `CREATE ${unique}INDEX ${exists}${quoteIdentifier(index.name)} ON ${quoteIdentifier(table)} (${elements.join(", ")})${where}`;
}
