/**
 * SQLite statements for views, triggers and virtual tables, the database objects SQLite has.
 * SQLite has no CREATE OR REPLACE: a changed definition is dropped and created again (a virtual
 * table with its rows: its module keeps them in its shadow tables). Other kinds are refused, and so
 * are view options (security, check option, algorithm), which SQLite views do not have.
 */
import { UnsupportedOperationError } from "../../errors.js";
import { givenViewOptions, objectKindPlural, objectLabel, type DatabaseObject } from "../../catalog/objects/types.js";
import type { CreateObjectOp, DropObjectOp, ReplaceObjectOp } from "../../operations/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier } from "./quote.js";
import { isPostgresOnlyType, refuseUserType } from "../postgres-only-types.js";

function unsupported(o: DatabaseObject): never {
  if (isPostgresOnlyType(o)) refuseUserType("SQLite", o);
  throw new UnsupportedOperationError(`SQLite has no ${objectKindPlural(o.kind)} (${objectLabel(o)}).`, {
    hint: "SQLite manages only views, triggers and virtual tables; leave this object out of the SQLite model (or branch on op.dialect in a revision).",
  });
}

function noViewOptions(o: DatabaseObject): void {
  const given = givenViewOptions(o);
  if (!given) return;
  const named = Object.entries(given).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: "${String(v)}"`).join(", ");
  throw new UnsupportedOperationError(`SQLite views have no options, and the ${objectLabel(o)} says ${named}.`, {
    hint: "Leave security, checkOption and algorithm out of the SQLite model: a SQLite view is only its query (it runs with the caller's rights and is read-only unless a trigger writes through it).",
  });
}

function create(o: DatabaseObject): Statement[] {
  if (o.kind === "view") noViewOptions(o);
  if (o.kind === "view") return [{ sql: `CREATE VIEW ${quoteIdentifier(o.name)} AS ${o.definition}` }];
  if (o.kind === "trigger" || o.kind === "virtualTable") return [{ sql: o.definition }];
  return unsupported(o);
}

function drop(o: DatabaseObject): Statement[] {
  if (o.kind === "view") return [{ sql: `DROP VIEW ${quoteIdentifier(o.name)}` }];
  if (o.kind === "trigger") return [{ sql: `DROP TRIGGER ${quoteIdentifier(o.name)}` }];
  // The module drops its shadow tables with it.
  if (o.kind === "virtualTable") return [{ sql: `DROP TABLE ${quoteIdentifier(o.name)}` }];
  return unsupported(o);
}

/** createObject. */
export async function createObjectStatements(op: CreateObjectOp): Promise<Statement[]> {
  noComment(op.object);
  return create(op.object);
}

/** Object comments are PostgreSQL's (COMMENT ON); SQLite keeps none for these objects. */
function noComment(o: DatabaseObject): void {
  // A composite or range type is refused for what it is, comment or not.
  if (isPostgresOnlyType(o)) refuseUserType("SQLite", o);
  if (o.comment) throw new UnsupportedOperationError(`SQLite keeps no comment on a ${objectLabel(o)}.`, { hint: "Remove the comment option for SQLite." });
}

/** dropObject. */
export async function dropObjectStatements(op: DropObjectOp): Promise<Statement[]> {
  return drop(op.object);
}

/** replaceObject: drop and create. */
export async function replaceObjectStatements(op: ReplaceObjectOp): Promise<Statement[]> {
  noComment(op.object);
  return [...drop(op.existing), ...create(op.object)];
}
