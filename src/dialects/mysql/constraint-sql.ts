/**
 * Clauses for keys, constraints and indexes, shared by CREATE TABLE and ALTER TABLE.
 *
 * MySQL always calls the primary key PRIMARY, so a primary key's name is never written.
 */
import type { CheckSchema, ExclusionSchema, ForeignKeySchema, IndexElement, IndexSchema, PrimaryKeySchema, UniqueSchema } from "../../catalog/types.js";
import { MigrateError, UnsupportedOperationError } from "../../errors.js";
import { refuseExclusion as refuseExclusionIn } from "../postgres-only-constraints.js";
import { quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";

/** `(`a`, `b`)` */
export function columnList(columns: string[]): string {
  return `(${columns.map(quoteIdentifier).join(", ")})`;
}

function named(name: string | null | undefined): string {
  return name ? `CONSTRAINT ${quoteIdentifier(name)} ` : "";
}

/** Refuses what MySQL's keys cannot be: deferrable, or NULLS NOT DISTINCT (NULLs never collide in a MySQL unique key). */
function assertKeySupported(key: PrimaryKeySchema | UniqueSchema, what: string): void {
  const label = `${what}${key.name ? ` ${key.name}` : ""} (${key.columns.join(", ")})`;
  if (key.deferrable || key.initiallyDeferred) {
    throw new UnsupportedOperationError(`MySQL cannot defer the ${label}: it checks keys on every row.`, { hint: "Remove deferrable/initiallyDeferred for MySQL." });
  }
  if ((key as UniqueSchema).nullsNotDistinct) {
    throw new UnsupportedOperationError(`MySQL has no NULLS NOT DISTINCT (the ${label}): NULLs in a unique key are always distinct there.`, { hint: "Remove nullsNotDistinct for MySQL, or make the columns NOT NULL." });
  }
  if (key.include && key.include.length > 0) {
    throw new UnsupportedOperationError(`MySQL has no INCLUDE columns in keys (the ${label}: ${key.include.join(", ")}).`, { hint: "Remove include for MySQL (an index on the key's columns and these serves the same queries)." });
  }
}

/** `PRIMARY KEY (…)` */
export function primaryKeyClause(pk: PrimaryKeySchema): string {
  assertKeySupported(pk, "primary key");
  if (pk.descending) {
    throw new UnsupportedOperationError(`MySQL/MariaDB: athanor writes no PRIMARY KEY DESC (the primary key on ${pk.columns.join(", ")}); it is SQLite's column form.`, {
      hint: "Drop descending from .primaryKey() for MySQL; add a descending index if a query needs that order.",
    });
  }
  return `PRIMARY KEY ${columnList(pk.columns)}`;
}

/** `CONSTRAINT n UNIQUE (…)`; MySQL names the backing index after the constraint. */
export function uniqueClause(unique: UniqueSchema): string {
  assertKeySupported(unique, "unique constraint");
  return `${named(unique.name)}UNIQUE ${columnList(unique.columns)}`;
}

/** MySQL has no exclusion constraints: refuses one by name, saying what to use instead. */
export function refuseExclusion(table: string, exclusion: ExclusionSchema): never {
  return refuseExclusionIn("MySQL", table, exclusion, "a unique key covers the case where every operator is =, and overlaps need a check in the application or a trigger.");
}

/** `CONSTRAINT n CHECK (expr)` */
export function checkClause(check: CheckSchema): string {
  if (check.notValid) {
    throw new UnsupportedOperationError(`MySQL has no NOT VALID check (${check.name ?? check.expression}): a check is enforced on every row when it is added.`, { hint: "Remove notValid from the check for MySQL." });
  }
  return `${named(check.name)}CHECK (${check.expression})`;
}

/** `CONSTRAINT n FOREIGN KEY (…) REFERENCES t (…) [ON DELETE …] [ON UPDATE …]` */
export function foreignKeyClause(fk: ForeignKeySchema, where: string): string {
  if (fk.notValid) {
    throw new UnsupportedOperationError(`MySQL has no NOT VALID foreign key (${where}${fk.name ? `, ${fk.name}` : ""}): InnoDB checks every row when the key is added.`, {
      hint: "Remove notValid from the foreign key for MySQL (to add a key without checking old rows, run the ALTER with foreign_key_checks = 0 in op.execute).",
    });
  }
  if (fk.deferrable || fk.initiallyDeferred) {
    throw new UnsupportedOperationError(`MySQL cannot defer foreign key checks (${where}${fk.name ? `, ${fk.name}` : ""}).`, {
      hint: "Drop deferrable/initiallyDeferred for MySQL; InnoDB checks foreign keys on every row.",
    });
  }
  if (fk.match || fk.onDeleteColumns?.length) {
    throw new UnsupportedOperationError(`MySQL has no ${fk.match ? "MATCH FULL" : "ON DELETE column list"} on a foreign key (${where}${fk.name ? `, ${fk.name}` : ""}).`, {
      hint: "Drop match/onDeleteColumns for MySQL; InnoDB parses MATCH but ignores it.",
    });
  }
  let sql = `${named(fk.name)}FOREIGN KEY ${columnList(fk.columns)} REFERENCES ${quoteTable({ schema: fk.referencedSchema, name: fk.referencedTable })} ${columnList(fk.referencedColumns)}`;
  if (fk.onDelete) sql += ` ON DELETE ${fk.onDelete}`;
  if (fk.onUpdate) sql += ` ON UPDATE ${fk.onUpdate}`;
  return sql;
}

function elementSql(element: IndexElement, where: string): string {
  const option = element.nulls ? `NULLS ${element.nulls.toUpperCase()}` : element.opclass ? "operator classes" : element.collation ? "a COLLATE per index element" : undefined;
  if (option) {
    throw new UnsupportedOperationError(`MySQL/MariaDB indexes have no ${option} (${where}).`, {
      hint: element.collation ? "Give the column the collation instead (.collate(…)); MySQL indexes a column in its own collation." : "Remove it for MySQL.",
    });
  }
  if ("expression" in element) {
    throw new UnsupportedOperationError(`MySQL/MariaDB cannot index the expression ${element.expression} (${where}).`, {
      hint: "MariaDB has no functional indexes and MySQL needs 8.0.13+: add a generated column holding the expression and index that column.",
    });
  }
  if (element.length !== undefined && !(Number.isInteger(element.length) && element.length > 0)) {
    throw new MigrateError("model", `The prefix length ${element.length} of ${element.column} in ${where} is not a positive whole number.`, {
      hint: "Give the index element a positive integer length, or none to index the whole column.",
    });
  }
  const length = element.length === undefined ? "" : `(${element.length})`;
  return `${quoteIdentifier(element.column)}${length}${element.descending ? " DESC" : ""}`;
}

/** The keyword before INDEX (UNIQUE, FULLTEXT, SPATIAL) and the USING clause for an index. */
function indexKind(index: IndexSchema, where: string): { prefix: string; using: string } {
  const method = index.using?.toLowerCase() ?? null;
  if (index.include && index.include.length > 0) {
    throw new UnsupportedOperationError(`MySQL has no INCLUDE columns in indexes (${where}: ${index.include.join(", ")}).`, {
      hint: "Add the columns to the index's key for MySQL, or remove include.",
    });
  }
  if (index.nullsNotDistinct) {
    throw new UnsupportedOperationError(`MySQL has no NULLS NOT DISTINCT (${where}): NULLs in a unique index are always distinct there.`, {
      hint: "Remove nullsNotDistinct for MySQL, or make the columns NOT NULL.",
    });
  }
  if (index.where) {
    throw new UnsupportedOperationError(`MySQL has no partial indexes (${where}: WHERE ${index.where}).`, {
      hint: "Drop the WHERE clause for MySQL, or index a generated column that is NULL for the excluded rows.",
    });
  }
  if (method === null) return { prefix: index.unique ? "UNIQUE " : "", using: "" };
  if (method === "btree" || method === "hash") return { prefix: index.unique ? "UNIQUE " : "", using: ` USING ${method.toUpperCase()}` };
  if ((method === "fulltext" || method === "spatial") && !index.unique) return { prefix: `${method.toUpperCase()} `, using: "" };
  throw new UnsupportedOperationError(`MySQL has no ${index.unique ? "unique " : ""}index method "${index.using}" (${where}).`, {
    hint: "Use btree or hash (or fulltext/spatial for non-unique indexes), or leave `using` empty.",
  });
}

/** The index option ` COMMENT '…'` (INDEX_COMMENT) when the index has a comment. */
function indexComment(index: IndexSchema): string {
  return index.comment ? ` COMMENT ${quoteLiteral(index.comment)}` : "";
}

/** `[UNIQUE|FULLTEXT|SPATIAL] INDEX n (…) [USING …] [COMMENT '…']` inside CREATE TABLE. */
export function inlineIndexClause(index: IndexSchema, where: string): string {
  const kind = indexKind(index, where);
  return `${kind.prefix}INDEX ${quoteIdentifier(index.name)} (${index.elements.map((e) => elementSql(e, where)).join(", ")})${kind.using}${indexComment(index)}`;
}

/** `CREATE [UNIQUE|…] INDEX [IF NOT EXISTS] n ON t (…) [USING …] [COMMENT '…']` */
export function createIndexSql(index: IndexSchema, table: string, where: string, ifNotExists: boolean): string {
  const kind = indexKind(index, where);
  const elements = index.elements.map((e) => elementSql(e, where)).join(", ");
  return `CREATE ${kind.prefix}INDEX ${ifNotExists ? "IF NOT EXISTS " : ""}${quoteIdentifier(index.name)} ON ${table} (${elements})${kind.using}${indexComment(index)}`;
}
