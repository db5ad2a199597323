/**
 * Table constraint clauses (primary key, unique, check, exclusion, foreign key), written the same way inside
 * CREATE TABLE and after ALTER TABLE … ADD. An unnamed constraint gets PostgreSQL's own name
 * (`<table>_pkey`, `<table>_<cols>_key`, …).
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { CheckSchema, ConstraintTiming, ExclusionSchema, ForeignKeySchema, PrimaryKeySchema, ReferentialAction, UniqueSchema } from "../../catalog/types.js";
import { indexElementSql } from "./index-sql.js";
import { quoteIdentifier, quoteTable } from "./quote.js";

/** `"a", "b"` */
function columnListSql(columns: readonly string[]): string {
  return columns.map(quoteIdentifier).join(", ");
}

function named(name: string | null | undefined, body: string): string {
  return name ? `CONSTRAINT ${quoteIdentifier(name)} ${body}` : body;
}

/** ` DEFERRABLE INITIALLY …` when deferrable; as in PostgreSQL itself, INITIALLY DEFERRED implies DEFERRABLE. */
export function timingSql(c: ConstraintTiming): string {
  if (!c.deferrable && !c.initiallyDeferred) return "";
  return c.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE";
}

/** ` INCLUDE (…)` for a key whose index stores columns beside the key (the index parameters come before the timing). */
function includeSql(key: PrimaryKeySchema | UniqueSchema | ExclusionSchema): string {
  return key.include && key.include.length > 0 ? ` INCLUDE (${columnListSql(key.include)})` : "";
}

/** `[CONSTRAINT n] PRIMARY KEY (…) [INCLUDE (…)] [DEFERRABLE …]` */
export function primaryKeySql(pk: PrimaryKeySchema): string {
  if (pk.descending) {
    throw new UnsupportedOperationError(`PostgreSQL has no PRIMARY KEY DESC (the primary key on ${pk.columns.join(", ")}): a key's index is ascending.`, {
      hint: "Drop descending from .primaryKey() for PostgreSQL; add a descending index if a query needs that order.",
    });
  }
  return named(pk.name, `PRIMARY KEY (${columnListSql(pk.columns)})${includeSql(pk)}${timingSql(pk)}`);
}

/** `[CONSTRAINT n] UNIQUE [NULLS NOT DISTINCT] (…) [INCLUDE (…)] [DEFERRABLE …]` */
export function uniqueSql(unique: UniqueSchema): string {
  return named(unique.name, `UNIQUE ${unique.nullsNotDistinct ? "NULLS NOT DISTINCT " : ""}(${columnListSql(unique.columns)})${includeSql(unique)}${timingSql(unique)}`);
}

/** `[CONSTRAINT n] CHECK (expr)` — the expression is SQL written by the author, kept verbatim. */
export function checkSql(check: CheckSchema): string {
  return named(check.name, `CHECK (${check.expression})`);
}

/**
 * `ADD [CONSTRAINT n] CHECK (expr) [NOT VALID]`, for ALTER TABLE: only there does NOT VALID hold
 * (inside CREATE TABLE PostgreSQL accepts it and validates the check anyway, the table being empty).
 */
export function addCheckSql(check: CheckSchema): string {
  return `ADD ${checkSql(check)}${notValidSql(check)}`;
}

/**
 * `[CONSTRAINT n] EXCLUDE USING m (elem WITH op, …) [INCLUDE (…)] [WHERE (…)] [DEFERRABLE …]`.
 * An operator is written as given: it is a symbol (`&&`), never an identifier to quote, and the
 * model admits only operator characters.
 */
export function exclusionSql(x: ExclusionSchema): string {
  const owner = `Exclusion constraint "${x.name ?? ""}"`;
  const elements = x.elements.map((e) => `${indexElementSql(e, owner)} WITH ${e.operator}`).join(", ");
  const where = x.where ? ` WHERE (${x.where})` : "";
  return named(x.name, `EXCLUDE USING ${quoteIdentifier(x.using)} (${elements})${includeSql(x)}${where}${timingSql(x)}`);
}

/** ` NOT VALID` for a foreign key or check so added (only ALTER TABLE … ADD can leave it so). */
function notValidSql(c: { notValid?: boolean }): string {
  return c.notValid ? " NOT VALID" : "";
}

/**
 * `ADD [CONSTRAINT n] FOREIGN KEY … [NOT VALID]`, for ALTER TABLE (inside CREATE TABLE
 * PostgreSQL would validate it, the table being empty).
 */
export function addForeignKeySql(fk: ForeignKeySchema): string {
  return `ADD ${foreignKeySql(fk)}${notValidSql(fk)}`;
}

/** NO ACTION is PostgreSQL's default, so it is left out (and reflection reports it as null). */
function actionSql(event: "DELETE" | "UPDATE", action: ReferentialAction | null | undefined, columns?: readonly string[] | null): string {
  if (!action || action === "NO ACTION") return "";
  return ` ON ${event} ${action}${columns?.length ? ` (${columnListSql(columns)})` : ""}`;
}

/** `[CONSTRAINT n] FOREIGN KEY (…) REFERENCES t (…) [MATCH FULL] [ON DELETE … [(cols)]] [ON UPDATE …] [DEFERRABLE …]` */
export function foreignKeySql(fk: ForeignKeySchema): string {
  const target = quoteTable({ schema: fk.referencedSchema, name: fk.referencedTable });
  let body = `FOREIGN KEY (${columnListSql(fk.columns)}) REFERENCES ${target} (${columnListSql(fk.referencedColumns)})${fk.match === "FULL" ? " MATCH FULL" : ""}`;
  body += actionSql("DELETE", fk.onDelete, fk.onDeleteColumns) + actionSql("UPDATE", fk.onUpdate) + timingSql(fk);
  return named(fk.name, body);
}
