/**
 * Changing how an existing column generates values: serial (a sequence owned by the column plus a
 * nextval default), identity (ADD/DROP/SET GENERATED), and computed columns (DROP EXPRESSION),
 * and the options of a serial's or identity's sequence (ALTER SEQUENCE, ALTER COLUMN … SET START …).
 * Split into the statements that remove the old generation (run before the column's other
 * changes, since an identity column refuses SET DEFAULT) and those that add the new one (run after,
 * since ADD IDENTITY needs NOT NULL first).
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { ColumnGeneration, ColumnSequenceOptions, ColumnType, TableRef } from "../../catalog/types.js";
import { essentialSequenceOptions, resolveSequenceOptions, type ResolvedSequenceOptions } from "../../catalog/sequence-options.js";
import { tableLabel } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier, quoteLiteral, quoteTable, dollarTag } from "./quote.js";
import { sameValue } from "../../core/same-value.js";

/** The statements of one generation change. */
export interface GenerationChange {
  before: Statement[];
  after: Statement[];
}

const CLAUSES: Record<keyof ResolvedSequenceOptions, (value: ResolvedSequenceOptions) => string> = {
  start: (o) => `START WITH ${o.start}`,
  increment: (o) => `INCREMENT BY ${o.increment}`,
  minValue: (o) => `MINVALUE ${o.minValue}`,
  maxValue: (o) => `MAXVALUE ${o.maxValue}`,
  cache: (o) => `CACHE ${o.cache}`,
  cycle: (o) => (o.cycle ? "CYCLE" : "NO CYCLE"),
};
// INCREMENT first: PostgreSQL checks START, MINVALUE and MAXVALUE against the increment it is given.
const CLAUSE_ORDER: (keyof ResolvedSequenceOptions)[] = ["increment", "minValue", "maxValue", "start", "cache", "cycle"];

/**
 * The sequence option clauses (`START WITH 1000`, `INCREMENT BY 5`, …) that take a sequence of a
 * `type` column from `existing` options to `next`: every option whose value differs, written out
 * in full (so an option going back to its default is set to it). Without `existing`: the options
 * that are not the defaults, for a new sequence.
 */
export function sequenceOptionClauses(next: ColumnSequenceOptions | undefined, type: ColumnType | undefined, existing?: ColumnSequenceOptions | null): string[] {
  const to = resolveSequenceOptions(next, type);
  if (existing === undefined) {
    const essential = essentialSequenceOptions(next, type) ?? {};
    return CLAUSE_ORDER.filter((key) => essential[key] !== undefined).map((key) => CLAUSES[key](to));
  }
  const from = resolveSequenceOptions(existing ?? undefined, type);
  return CLAUSE_ORDER.filter((key) => from[key] !== to[key]).map((key) => CLAUSES[key](to));
}

/** The sequence `serial` would create for a column: `<table>_<column>_seq` in the table's schema. */
export function serialSequence(table: TableRef, column: string): TableRef {
  return { schema: table.schema, name: `${table.name}_${column}_seq` };
}

/**
 * Moves the sequence past existing values, so the next generated value does not collide (and
 * never before its START: a sequence whose MINVALUE is above the values refuses them).
 */
function restartAfterMax(table: TableRef, column: string, sequenceArg: string, params: unknown[], sequence: ResolvedSequenceOptions): Statement {
  const col = quoteIdentifier(column);
  const after = `COALESCE(MAX(${col}), 0) + 1`;
  const next = sequence.increment < 0n ? `LEAST(COALESCE(MIN(${col}), 0) - 1, ${sequence.start})` : sequence.start === 1n ? after : `GREATEST(${after}, ${sequence.start})`;
  return { sql: `SELECT pg_catalog.setval(${sequenceArg}, ${next}, false) FROM ${quoteTable(table)}`, params };
}

/** A DO block that alters the sequence a serial column owns, looked up by the server (its name is the server's choice). */
function alterSerialSequence(table: TableRef, column: string, clauses: string[]): Statement {
  const body =
    `DECLARE seq text := pg_catalog.pg_get_serial_sequence(${quoteLiteral(quoteTable(table))}, ${quoteLiteral(column)}); ` +
    `BEGIN EXECUTE 'ALTER SEQUENCE ' || seq || ${quoteLiteral(` ${clauses.join(" ")}`)}; END`;
  const tag = dollarTag(body);
  return { sql: `DO ${tag} ${body} ${tag}` };
}

const INTEGER_KINDS = new Set(["smallint", "integer", "bigint"]);

/**
 * A serial column's type change carried to its sequence: `ALTER SEQUENCE … AS bigint` after
 * `integer` → `bigint`. PostgreSQL changes an identity's sequence with its column, but not the
 * sequence a serial owns: without this, a column made bigint would still stop at 2^31 - 1, and
 * the database would differ from one created with bigserial. The sequence's MINVALUE and
 * MAXVALUE follow when they were the old type's bounds (PostgreSQL's rule for AS); null when
 * the new type is not an integer type.
 */
export function serialSequenceTypeChange(table: TableRef, column: string, type: ColumnType): Statement | null {
  return INTEGER_KINDS.has(type.kind) ? alterSerialSequence(table, column, [`AS ${type.kind}`]) : null;
}

/**
 * The statements that create the sequence of a serial column with options, before the column
 * exists: what `serial` does, spelled out (as pg_dump does) so the options are the sequence's
 * from the start. `ownSequenceStatement` then ties it to the column.
 */
export function serialSequenceWithOptions(table: TableRef, column: string, type: ColumnType, sequence: ColumnSequenceOptions): Statement {
  const clauses = sequenceOptionClauses(sequence, type);
  return { sql: `CREATE SEQUENCE ${quoteTable(serialSequence(table, column))} AS ${type.kind}${clauses.length > 0 ? ` ${clauses.join(" ")}` : ""}` };
}

/** ALTER SEQUENCE … OWNED BY: the serial's sequence is dropped with its column. */
export function ownSequenceStatement(table: TableRef, column: string): Statement {
  return { sql: `ALTER SEQUENCE ${quoteTable(serialSequence(table, column))} OWNED BY ${quoteTable(table)}.${quoteIdentifier(column)}` };
}

/** The identity clause with its sequence's options: `GENERATED BY DEFAULT AS IDENTITY (START WITH 1000)`. */
export function identityClause(generated: Extract<ColumnGeneration, { kind: "identity" }>, type: ColumnType | undefined): string {
  const clauses = sequenceOptionClauses(generated.sequence, type);
  return `${generated.always ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT"} AS IDENTITY${clauses.length > 0 ? ` (${clauses.join(" ")})` : ""}`;
}

function removeGeneration(table: TableRef, column: string, existing: ColumnGeneration): Statement[] {
  const alter = `ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quoteIdentifier(column)}`;
  if (existing.kind === "identity") return [{ sql: `${alter} DROP IDENTITY` }];
  if (existing.kind === "computed") return [{ sql: `${alter} DROP EXPRESSION` }];
  // The sequence's name is only known to the server (serial may have picked another), so a DO
  // block looks it up; it is dropped after the default that uses it.
  const body =
    `DECLARE seq text := pg_catalog.pg_get_serial_sequence(${quoteLiteral(quoteTable(table))}, ${quoteLiteral(column)}); ` +
    "BEGIN IF seq IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || seq; END IF; END";
  const tag = dollarTag(body);
  return [{ sql: `${alter} DROP DEFAULT` }, { sql: `DO ${tag} ${body} ${tag}` }];
}

function addGeneration(table: TableRef, column: string, next: ColumnGeneration, type: ColumnType | undefined): Statement[] {
  const alter = `ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quoteIdentifier(column)}`;
  if (next.kind === "identity") {
    return [
      { sql: `${alter} ADD ${identityClause(next, type)}` },
      restartAfterMax(table, column, "pg_catalog.pg_get_serial_sequence($1, $2)", [quoteTable(table), column], resolveSequenceOptions(next.sequence, type)),
    ];
  }
  if (next.kind === "computed") {
    throw new UnsupportedOperationError(`PostgreSQL cannot turn the existing column "${column}" of "${tableLabel(table)}" into a computed column or change its expression.`, {
      hint: "Drop the column and add it again with the new GENERATED expression (op.dropColumn, then op.addColumn).",
    });
  }
  const sequence = quoteTable(serialSequence(table, column));
  const seqType = type && ["smallint", "integer", "bigint"].includes(type.kind) ? ` AS ${type.kind}` : "";
  const clauses = sequenceOptionClauses(next.sequence, type);
  return [
    { sql: `CREATE SEQUENCE ${sequence}${seqType}${clauses.length > 0 ? ` ${clauses.join(" ")}` : ""} OWNED BY ${quoteTable(table)}.${quoteIdentifier(column)}` },
    restartAfterMax(table, column, "$1::regclass", [sequence], resolveSequenceOptions(next.sequence, type)),
    { sql: `${alter} SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass)` },
  ];
}

/**
 * The statements that take a column from `existing` to `next` generation. `type` is the column's
 * type after the change (it sizes a new serial sequence).
 */
export function generationChange(table: TableRef, column: string, existing: ColumnGeneration | null, next: ColumnGeneration | null, type: ColumnType | undefined): GenerationChange {
  if (sameValue(existing, next)) return { before: [], after: [] };
  if (existing?.kind === "identity" && next?.kind === "identity") {
    // SET GENERATED and each changed sequence option in one ALTER COLUMN (`SET START WITH 1000 SET INCREMENT BY 5`).
    const sets = [...(existing.always !== next.always ? [next.always ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT"] : []), ...sequenceOptionClauses(next.sequence, type, existing.sequence ?? null)];
    if (sets.length === 0) return { before: [], after: [] };
    return { before: [], after: [{ sql: `ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quoteIdentifier(column)} ${sets.map((set) => `SET ${set}`).join(" ")}` }] };
  }
  if (existing?.kind === "autoincrement" && next?.kind === "autoincrement") {
    const clauses = sequenceOptionClauses(next.sequence, type, existing.sequence ?? null);
    return { before: [], after: clauses.length > 0 ? [alterSerialSequence(table, column, clauses)] : [] };
  }
  if (existing?.kind === "computed" && next?.kind === "computed") {
    return { before: [], after: addGeneration(table, column, next, type) };
  }
  return {
    before: existing ? removeGeneration(table, column, existing) : [],
    after: next ? addGeneration(table, column, next, type) : [],
  };
}
