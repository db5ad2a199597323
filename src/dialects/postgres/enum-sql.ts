/**
 * Named enum types: CREATE TYPE … AS ENUM, DROP TYPE, ALTER TYPE … ADD VALUE / RENAME VALUE.
 *
 * ADD VALUE is allowed inside a transaction from PostgreSQL 12, but the new value cannot be used
 * until that transaction commits, so a revision that adds a value and then uses it would fail.
 * The statement is therefore marked non-transactional: the runner commits before it and opens a
 * new transaction after it (which also keeps PostgreSQL 11 and older working).
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { AddEnumValueOp, CreateEnumOp, DropEnumOp, RenameEnumValueOp } from "../../operations/types.js";
import type { Statement } from "../dialect.js";
import { commentStatement } from "./comment-sql.js";
import { quoteLiteral, quoteTable } from "./quote.js";

/** CREATE TYPE … AS ENUM (…), and COMMENT ON TYPE right after when the enum has a comment. */
export function createEnumStatements(op: CreateEnumOp): Statement[] {
  const values = op.enum.values.map((v) => quoteLiteral(v)).join(", ");
  const created: Statement = { sql: `CREATE TYPE ${quoteTable(op.enum)} AS ENUM (${values})` };
  return op.enum.comment ? [created, commentStatement({ on: "enum", schema: op.enum.schema, name: op.enum.name }, op.enum.comment)] : [created];
}

/** DROP TYPE … */
export function dropEnumStatements(op: DropEnumOp): Statement[] {
  return [{ sql: `DROP TYPE ${quoteTable(op)}` }];
}

/** ALTER TYPE … ADD VALUE … [BEFORE | AFTER …], outside the revision's transaction. */
export function addEnumValueStatements(op: AddEnumValueOp): Statement[] {
  if (op.before !== undefined && op.after !== undefined) {
    throw new UnsupportedOperationError(`addEnumValue on "${op.name}" gives both before and after.`, { hint: "Give at most one of before and after." });
  }
  let sql = `ALTER TYPE ${quoteTable(op)} ADD VALUE ${quoteLiteral(op.value)}`;
  if (op.before !== undefined) sql += ` BEFORE ${quoteLiteral(op.before)}`;
  if (op.after !== undefined) sql += ` AFTER ${quoteLiteral(op.after)}`;
  return [{ sql, transactional: false }];
}

/** ALTER TYPE … RENAME VALUE … TO … (PostgreSQL 10+). */
export function renameEnumValueStatements(op: RenameEnumValueOp): Statement[] {
  return [{ sql: `ALTER TYPE ${quoteTable(op)} RENAME VALUE ${quoteLiteral(op.from)} TO ${quoteLiteral(op.to)}` }];
}
