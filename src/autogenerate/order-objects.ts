/**
 * Where database objects go in a run. Extensions, collations, text-search dictionaries and
 * configurations (columns, indexes and expressions name them), domains, composite and range types, sequences, functions, aggregates and procedures are
 * created before tables (columns, defaults and checks use them) and dropped after tables; views,
 * materialized views and triggers are created after tables and dropped before anything else
 * changes, so a table or column they use is never changed under them. Among objects, each is
 * created after the objects it depends on and dropped before them (their `dependsOn`, from the
 * database's own dependency records when reflected).
 */
import { OBJECT_KINDS, objectKey, type DatabaseObject, type DatabaseObjectKind } from "../catalog/objects/types.js";
import type { Operation } from "../operations/types.js";
import { orderNodes } from "./order-graph.js";

const EARLY: ReadonlySet<DatabaseObjectKind> = new Set(["extension", "collation", "textSearchDictionary", "textSearchConfiguration", "domain", "compositeType", "rangeType", "sequence", "function", "aggregate", "procedure"]);

/**
 * True for objects created before tables and dropped after them: extensions, domains, composite and range types, sequences,
 * routines and aggregates, unless a routine uses a table (its row type in the signature), which waits for it.
 */
export function createdBeforeTables(object: Pick<DatabaseObject, "kind" | "dependsOn">): boolean {
  return EARLY.has(object.kind) && !(object.dependsOn ?? []).some((dep) => dep.startsWith("table:"));
}

/** A node id that sorts by kind first, so independent objects keep the kind order. */
function nodeId(object: Pick<DatabaseObject, "kind" | "schema" | "name" | "table">): string {
  return `${String(OBJECT_KINDS.indexOf(object.kind)).padStart(2, "0")}|${objectKey(object)}`;
}

function rankOf(objects: readonly DatabaseObject[], reversed: boolean): Map<string, number> {
  const ids = new Map(objects.map((o) => [objectKey(o), nodeId(o)]));
  const before = new Map<string, Set<string>>([...ids.values()].map((id) => [id, new Set<string>()]));
  for (const object of objects) {
    for (const dep of object.dependsOn ?? []) {
      const depId = ids.get(dep);
      if (!depId) continue;
      // Creates: the object after its dependency. Drops: the dependency after the object.
      if (reversed) before.get(depId)!.add(nodeId(object));
      else before.get(nodeId(object))!.add(depId);
    }
  }
  const { order } = orderNodes([...before.keys()], before);
  return new Map(order.map((id, i) => [id.slice(id.indexOf("|") + 1), i]));
}

/** Dependency ranks of the object operations in `ops`: `create:<key>` and `drop:<key>`. */
export function objectRanks(ops: readonly Operation[]): Map<string, number> {
  const created = ops.flatMap((op) => (op.kind === "createObject" || op.kind === "replaceObject" ? [op.object] : []));
  const dropped = ops.flatMap((op) => (op.kind === "dropObject" ? [op.object] : []));
  const out = new Map<string, number>();
  for (const [key, rank] of rankOf(created, false)) out.set(`create:${key}`, rank);
  for (const [key, rank] of rankOf(dropped, true)) out.set(`drop:${key}`, rank);
  return out;
}
