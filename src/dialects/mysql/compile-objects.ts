/**
 * MySQL statements for views, triggers, functions and procedures. Views change with CREATE OR
 * REPLACE; triggers and routines are dropped and created again (MySQL has no OR REPLACE for
 * them). Extensions, sequences and materialized views are PostgreSQL's and are refused.
 */
import { UnsupportedOperationError } from "../../errors.js";
import { objectLabel, type DatabaseObject } from "../../catalog/objects/types.js";
import type { CreateObjectOp, DropObjectOp, ReplaceObjectOp } from "../../operations/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier } from "./quote.js";

function unsupported(o: DatabaseObject): never {
  throw new UnsupportedOperationError(`MySQL has no ${objectLabel(o)}: it manages views, triggers, functions and procedures only.`, {
    hint: "Leave this object out of the MySQL model (or branch on op.dialect in a revision).",
  });
}

function create(o: DatabaseObject): Statement[] {
  if (o.kind === "view") return [{ sql: `CREATE VIEW ${quoteIdentifier(o.name)} AS ${o.definition}` }];
  if (o.kind === "trigger" || o.kind === "function" || o.kind === "procedure") return [{ sql: o.definition }];
  return unsupported(o);
}

const DROP_WORD = { view: "VIEW", trigger: "TRIGGER", function: "FUNCTION", procedure: "PROCEDURE" } as const;

function drop(o: DatabaseObject): Statement[] {
  if (o.kind in DROP_WORD) return [{ sql: `DROP ${DROP_WORD[o.kind as keyof typeof DROP_WORD]} ${quoteIdentifier(o.name)}` }];
  return unsupported(o);
}

/** createObject. */
export async function createObjectStatements(op: CreateObjectOp): Promise<Statement[]> {
  return create(op.object);
}

/** dropObject. */
export async function dropObjectStatements(op: DropObjectOp): Promise<Statement[]> {
  return drop(op.object);
}

/** replaceObject: CREATE OR REPLACE VIEW, else drop and create. */
export async function replaceObjectStatements(op: ReplaceObjectOp): Promise<Statement[]> {
  if (op.object.kind === "view") return [{ sql: `CREATE OR REPLACE VIEW ${quoteIdentifier(op.object.name)} AS ${op.object.definition}` }];
  return [...drop(op.existing), ...create(op.object)];
}
