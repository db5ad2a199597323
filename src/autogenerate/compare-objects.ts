/**
 * Differences of database objects (views, functions, triggers, extensions, sequences). Objects
 * match by kind, schema and name (and table, for triggers); a definition that differs after
 * normalisation is replaced, and so is a view whose options (security, check option, algorithm)
 * differ once the defaults are folded away. A view that uses a table whose columns change type or go away is
 * dropped before the change and created again after it (PostgreSQL refuses to alter a column a
 * view uses), and so is every view built on such a view or on a view whose definition changes,
 * and the indexes of a materialized view that is rebuilt or replaced (dropping it drops them).
 */
import { objectKey, tableObjectKey, viewOptionsKey, type DatabaseObject } from "../catalog/objects/types.js";
import { policyKey } from "../catalog/objects/policy.js";
import type { Operation } from "../operations/types.js";
import type { ExpressionKey } from "./compare-expressions.js";

/**
 * The comparable form of a definition: whitespace runs collapsed, no trailing semicolon. The
 * database prints a definition the same way each time, so a model written from its text (what
 * `pull` writes) compares equal; a changed body is a change.
 */
export function normalizeDefinition(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/\s*;+$/, "");
}

/**
 * True when `a` and `b` differ as the database would run them: their definition text (as the
 * database prints it, where known: `printed`) or a view's options; a policy by its clauses, its expressions by `expressionKey` (PostgreSQL prints them
 * re-spelt: `owner_id = current_user` comes back as `(owner_id = CURRENT_USER)`).
 */
export function objectsDiffer(a: DatabaseObject, b: DatabaseObject, expressionKey: ExpressionKey): boolean {
  if (a.policy && b.policy) return policyKey(a.policy, expressionKey) !== policyKey(b.policy, expressionKey);
  return normalizeDefinition(a.printed ?? a.definition) !== normalizeDefinition(b.printed ?? b.definition) || viewOptionsKey(a.viewOptions) !== viewOptionsKey(b.viewOptions);
}

/** Tables ("table:schema.name" keys) whose existing columns change type or are dropped by `ops`. */
function reshapedTables(ops: readonly Operation[]): Set<string> {
  const out = new Set<string>();
  const visit = (op: Operation, on?: { schema?: string | null; table: string }): void => {
    if (op.kind === "batchAlterTable") return op.operations.forEach((inner) => visit(inner, op));
    const at = on ?? (op as { schema?: string | null; table: string });
    // A collation change is ALTER COLUMN … TYPE too, which PostgreSQL refuses under a view.
    if ((op.kind === "alterColumn" && (op.type !== undefined || op.newName !== undefined || op.collation !== undefined)) || op.kind === "dropColumn") out.add(tableObjectKey(at.schema, at.table));
  };
  ops.forEach((op) => visit(op));
  return out;
}

/** Kinds PostgreSQL will not let a column they use change type or go: they are dropped and created around it. */
const REBUILT: ReadonlySet<DatabaseObject["kind"]> = new Set(["view", "materializedView", "materializedViewIndex", "policy"]);

/**
 * The existing objects that must be dropped and created again: views and policies over a table
 * `tableOps` reshapes ("cannot alter type of a column used in a policy definition"), views on
 * those, and the indexes of such materialized views or of one in `replaced`.
 */
function viewsToRebuild(actual: readonly DatabaseObject[], tableOps: readonly Operation[], replaced: ReadonlySet<string>): Set<string> {
  const hit = new Set([...reshapedTables(tableOps), ...replaced]);
  const rebuild = new Set<string>();
  let grew = hit.size > 0;
  while (grew) {
    grew = false;
    for (const object of actual) {
      if (!REBUILT.has(object.kind)) continue;
      const key = objectKey(object);
      if (rebuild.has(key)) continue;
      if ((object.dependsOn ?? []).some((dep) => hit.has(dep) || rebuild.has(dep))) {
        rebuild.add(key);
        grew = true;
      }
    }
  }
  return rebuild;
}

/**
 * Operations that turn `actual`'s objects into `target`'s: createObject, dropObject, and
 * replaceObject (or a drop and a create around table changes). `tableOps` are the table changes of
 * the same run.
 */
export function compareObjects(target: readonly DatabaseObject[], actual: readonly DatabaseObject[], tableOps: readonly Operation[], expressionKey: ExpressionKey): Operation[] {
  const ops: Operation[] = [];
  const actualByKey = new Map(actual.map((o) => [objectKey(o), o]));
  const targetKeys = new Set(target.map((o) => objectKey(o)));
  const changed = (o: DatabaseObject): boolean => {
    const existing = actualByKey.get(objectKey(o));
    return existing !== undefined && objectsDiffer(o, existing, expressionKey);
  };
  // A changed view may lose or retype columns, which the views built on it would block: they are
  // rebuilt around it, as around a rebuilt materialized view.
  const replacedViews = new Set(target.filter((o) => (o.kind === "materializedView" || o.kind === "view") && changed(o)).map((o) => objectKey(o)));
  const rebuild = viewsToRebuild(actual, tableOps, replacedViews);
  // A comment of its own is compared too: the dialect's replace of an unchanged definition only
  // comments it again (and a rebuild writes it back with the object).
  const recommented = (o: DatabaseObject, existing: DatabaseObject): boolean => (o.comment || null) !== (existing.comment || null);
  for (const judged of target) {
    // The database's print judged the object; the operations carry it as the model writes it.
    const { printed: _printed, ...object } = judged;
    const key = objectKey(object);
    const existing = actualByKey.get(key);
    if (!existing) ops.push({ kind: "createObject", object });
    else if (rebuild.has(key)) ops.push({ kind: "dropObject", object: existing }, { kind: "createObject", object: { ...object, dependsOn: existing.dependsOn ?? object.dependsOn } });
    else if (objectsDiffer(judged, existing, expressionKey) || recommented(object, existing)) ops.push({ kind: "replaceObject", object, existing });
  }
  for (const object of actual) {
    if (!targetKeys.has(objectKey(object))) ops.push({ kind: "dropObject", object });
  }
  return ops;
}
