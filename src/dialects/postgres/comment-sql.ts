/**
 * COMMENT ON INDEX / CONSTRAINT / TYPE: the comments of indexes, constraints and enum types,
 * written right after what they comment is created and by setComment when only the comment
 * changes. COMMENT ON takes no bind parameters, so the text goes through quoteLiteral, the one
 * literal quoting of this dialect (E'…' for backslashes, doubled quotes); `IS NULL` removes one.
 */
import { UnsupportedOperationError } from "../../errors.js";
import { tableConstraints, type TableRef, type TableSchema } from "../../catalog/types.js";
import type { SetCommentOp } from "../../operations/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";

/** What COMMENT ON names: the object's kind, schema, name and (index, constraint) table. */
export type CommentTarget = Pick<SetCommentOp, "on" | "schema" | "table" | "name">;

/** `COMMENT ON … IS '…'` (or `IS NULL`) for one index, constraint or enum type. */
export function commentStatement(target: CommentTarget, comment: string | null): Statement {
  const literal = quoteLiteral(comment);
  if (target.on === "index") return { sql: `COMMENT ON INDEX ${quoteTable({ schema: target.schema, name: target.name })} IS ${literal}` };
  if (target.on === "enum") return { sql: `COMMENT ON TYPE ${quoteTable({ schema: target.schema, name: target.name })} IS ${literal}` };
  if (target.table === undefined) {
    throw new UnsupportedOperationError(`COMMENT ON CONSTRAINT ${target.name} needs the constraint's table.`, { hint: "Pass table to setComment for a constraint." });
  }
  return { sql: `COMMENT ON CONSTRAINT ${quoteIdentifier(target.name)} ON ${quoteTable({ schema: target.schema, name: target.table })} IS ${literal}` };
}

/**
 * The COMMENT ON CONSTRAINT for a constraint created with a comment; none without one. PostgreSQL
 * finds a constraint by its name only, so a commented constraint must have one.
 */
export function constraintCommentStatements(table: TableRef, constraint: { name?: string | null; comment?: string | null }): Statement[] {
  if (!constraint.comment) return [];
  if (!constraint.name) {
    throw new UnsupportedOperationError(`A constraint of ${table.name} has a comment and no name: COMMENT ON CONSTRAINT finds a constraint by its name.`, {
      hint: "Give the constraint a name (or leave name out for the naming convention's), or remove its comment.",
    });
  }
  return [commentStatement({ on: "constraint", schema: table.schema, table: table.name, name: constraint.name }, constraint.comment)];
}

/** The COMMENT ON INDEX for an index created with a comment; none without one. */
export function indexCommentStatements(table: TableRef, index: { name: string; comment?: string | null }): Statement[] {
  return index.comment ? [commentStatement({ on: "index", schema: table.schema, table: table.name, name: index.name }, index.comment)] : [];
}

/** The COMMENT ON CONSTRAINT of each commented constraint of a new table (its indexes' are written with them). */
export function constraintCommentsOf(table: TableSchema): Statement[] {
  const ref: TableRef = { schema: table.schema, name: table.name };
  return tableConstraints(table).flatMap((c) => constraintCommentStatements(ref, c));
}
