/**
 * MySQL statements for views, triggers, functions and procedures. Views change with CREATE OR
 * REPLACE; triggers and routines are dropped and created again (MySQL has no OR REPLACE for
 * them). A view's options are written where MySQL puts them: `CREATE [OR REPLACE] ALGORITHM=…
 * SQL SECURITY … VIEW … AS … WITH … CHECK OPTION`; CREATE OR REPLACE sets every option afresh, so
 * a changed option is a replace too. No DEFINER is written: the view's definer is the connecting
 * user (MySQL's default), which reflection reports as unmanaged where it is someone else.
 * Extensions, sequences and materialized views are PostgreSQL's and are refused.
 */
import { UnsupportedOperationError } from "../../errors.js";
import { objectLabel, type DatabaseObject, type ViewOptions } from "../../catalog/objects/types.js";
import type { CreateObjectOp, DropObjectOp, ReplaceObjectOp } from "../../operations/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier } from "./quote.js";
import { isPostgresOnlyType, refuseUserType } from "../postgres-only-types.js";

function unsupported(o: DatabaseObject): never {
  if (isPostgresOnlyType(o)) refuseUserType("MySQL", o);
  throw new UnsupportedOperationError(`MySQL has no ${objectLabel(o)}: it manages views, triggers, functions and procedures only.`, {
    hint: "Leave this object out of the MySQL model (or branch on op.dialect in a revision).",
  });
}

/** `CREATE [OR REPLACE] [ALGORITHM=…] [SQL SECURITY …] VIEW name AS query [WITH … CHECK OPTION]`. */
export function createViewSql(o: Pick<DatabaseObject, "name" | "definition" | "viewOptions">, orReplace: boolean): string {
  const options: ViewOptions = o.viewOptions ?? {};
  const head = [
    orReplace ? "CREATE OR REPLACE" : "CREATE",
    options.algorithm ? `ALGORITHM=${options.algorithm.toUpperCase()}` : "",
    options.security ? `SQL SECURITY ${options.security.toUpperCase()}` : "",
  ].filter(Boolean);
  // A query written with its own trailing semicolon would end the statement before the check option.
  const query = options.checkOption ? o.definition.replace(/\s*;+\s*$/, "") : o.definition;
  const check = options.checkOption ? ` WITH ${options.checkOption.toUpperCase()} CHECK OPTION` : "";
  return `${head.join(" ")} VIEW ${quoteIdentifier(o.name)} AS ${query}${check}`;
}

function create(o: DatabaseObject): Statement[] {
  if (o.kind === "view") return [{ sql: createViewSql(o, false) }];
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
  noComment(op.object);
  return create(op.object);
}

/** Object comments are PostgreSQL's (COMMENT ON); MySQL keeps none for these objects. */
function noComment(o: DatabaseObject): void {
  // A composite or range type is refused for what it is, comment or not.
  if (isPostgresOnlyType(o)) refuseUserType("MySQL", o);
  if (o.comment) throw new UnsupportedOperationError(`MySQL keeps no comment on a ${objectLabel(o)}.`, { hint: "Remove the comment option for MySQL." });
}

/** dropObject. */
export async function dropObjectStatements(op: DropObjectOp): Promise<Statement[]> {
  return drop(op.object);
}

/** replaceObject: CREATE OR REPLACE VIEW, else drop and create. */
export async function replaceObjectStatements(op: ReplaceObjectOp): Promise<Statement[]> {
  noComment(op.object);
  if (op.object.kind === "view") return [{ sql: createViewSql(op.object, true) }];
  return [...drop(op.existing), ...create(op.object)];
}
