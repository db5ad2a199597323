/**
 * Column definitions and comments as PostgreSQL DDL, shared by CREATE TABLE and ADD COLUMN.
 * Autoincrement becomes serial/bigserial/smallserial (which brings its own sequence, default and
 * NOT NULL); identity and computed columns use the SQL-standard GENERATED clauses.
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { ColumnGeneration, ColumnSchema, ColumnSequenceOptions, TableRef } from "../../catalog/types.js";
import { identityClause, ownSequenceStatement, serialSequence, serialSequenceWithOptions } from "./generation-sql.js";
import { tableLabel } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { defaultSql } from "./defaults.js";
import { quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";
import { columnTypeSql, serialTypeSql } from "./types.js";

/** The GENERATED clause for identity and computed columns; empty for none and autoincrement. */
function generationSql(generated: ColumnGeneration | null | undefined, type: ColumnSchema["type"]): string {
  if (!generated || generated.kind === "autoincrement") return "";
  if (generated.kind === "identity") return identityClause(generated, type);
  // VIRTUAL generated columns exist from PostgreSQL 18; older servers reject the keyword themselves.
  return `GENERATED ALWAYS AS (${generated.sql}) ${generated.stored ? "STORED" : "VIRTUAL"}`;
}

/** Rejects column features PostgreSQL has no syntax for, naming the column and the way out. */
function assertExpressible(column: ColumnSchema, table: TableRef): void {
  const where = `column "${column.name}" of table "${tableLabel(table)}"`;
  if (column.onUpdate) {
    throw new UnsupportedOperationError(`PostgreSQL has no ON UPDATE clause for columns (${where} has onUpdate ${column.onUpdate}).`, {
      hint: "Remove onUpdate for PostgreSQL and maintain the value with a trigger created through op.execute().",
    });
  }
  if (column.generated && column.default !== undefined && column.default !== null) {
    throw new UnsupportedOperationError(`PostgreSQL cannot give ${where} both a default and a ${column.generated.kind} generation.`, {
      hint: "Keep either the default or the generation (serial, identity and computed columns produce their own values).",
    });
  }
}

/** `"name" type [COLLATE …] [DEFAULT …] [GENERATED …] [NOT NULL]` */
export function columnDefinitionSql(column: ColumnSchema, table: TableRef): string {
  assertExpressible(column, table);
  const withSequence = hasSerialSequenceOptions(column);
  const type = column.generated?.kind === "autoincrement" && !withSequence ? serialTypeSql(column.type, column.name) : columnTypeSql(column.type);
  const parts = [quoteIdentifier(column.name), type];
  if (column.collation) parts.push(`COLLATE ${quoteTable({ schema: column.collationSchema, name: column.collation })}`);
  if (column.default !== undefined && column.default !== null) parts.push(`DEFAULT ${defaultSql(column.default)}`);
  // A serial with sequence options: its sequence is created first (serialSequenceStatements).
  if (withSequence) parts.push(`DEFAULT nextval(${quoteLiteral(quoteTable(serialSequence(table, column.name)))}::regclass)`);
  const generation = generationSql(column.generated, column.type);
  if (generation) parts.push(generation);
  if (!column.nullable) parts.push("NOT NULL");
  return parts.join(" ");
}

/** True for a serial column whose sequence has options: written out as sequence, default and OWNED BY. */
function hasSerialSequenceOptions(column: ColumnSchema): boolean {
  return column.generated?.kind === "autoincrement" && column.generated.sequence !== undefined && Object.keys(column.generated.sequence).length > 0;
}

/**
 * What serial columns with sequence options need around the statement that creates them: their
 * sequences created before (with the options, as pg_dump writes a serial) and owned by the
 * column after, so the sequence is dropped with it and reflection reads the column as serial.
 */
export function serialSequenceStatements(table: TableRef, columns: readonly ColumnSchema[]): { before: Statement[]; after: Statement[] } {
  const serials = columns.filter(hasSerialSequenceOptions);
  for (const column of serials) serialTypeSql(column.type, column.name);
  return {
    before: serials.map((column) => serialSequenceWithOptions(table, column.name, column.type, (column.generated as { sequence: ColumnSequenceOptions }).sequence)),
    after: serials.map((column) => ownSequenceStatement(table, column.name)),
  };
}

/** COMMENT ON COLUMN; a null comment removes it. */
export function columnCommentStatement(table: TableRef, column: string, comment: string | null): Statement {
  return { sql: `COMMENT ON COLUMN ${quoteTable(table)}.${quoteIdentifier(column)} IS ${quoteLiteral(comment)}` };
}

/** COMMENT ON TABLE; a null comment removes it. */
export function tableCommentStatement(table: TableRef, comment: string | null): Statement {
  return { sql: `COMMENT ON TABLE ${quoteTable(table)} IS ${quoteLiteral(comment)}` };
}
