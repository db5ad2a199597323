/**
 * The `op.createObject`, `op.dropObject` and `op.replaceObject` builders: a revision passes the
 * object as the model DSL declares it (``op.createObject(view("v", sql`…`))``).
 */
import { argumentError } from "./arguments.js";
import { isObjectDefinition, type ObjectDefinition } from "../model/objects.js";
import type { DatabaseObject } from "../catalog/objects/types.js";
import type { CreateObjectOp, DropObjectOp, ReplaceObjectOp } from "./types.js";

function objectOf(value: unknown, what: string): DatabaseObject {
  if (!isObjectDefinition(value)) {
    throw argumentError(`${what}: the argument is not a database object.`, "Pass view(...), fn(...), aggregate(...), trigger(...), extension(...), domain(...), compositeType(...), rangeType(...), sequence(...), procedure(...) or materializedView(...).");
  }
  return structuredClone(value.object);
}

/** createObject. */
export function createObjectOp(definition: ObjectDefinition): CreateObjectOp {
  return { kind: "createObject", object: objectOf(definition, "op.createObject") };
}

/** dropObject: the full definition makes the drop reversible. */
export function dropObjectOp(definition: ObjectDefinition): DropObjectOp {
  return { kind: "dropObject", object: objectOf(definition, "op.dropObject") };
}

/** replaceObject: the new definition, and the one it replaces (for the downgrade). */
export function replaceObjectOp(definition: ObjectDefinition, options: { existing: ObjectDefinition }): ReplaceObjectOp {
  const object = objectOf(definition, "op.replaceObject");
  const existing = objectOf(options?.existing, "op.replaceObject { existing }");
  if (existing.kind !== object.kind || existing.name !== object.name) {
    throw argumentError(`op.replaceObject: existing is a ${existing.kind} ${existing.name}, not the ${object.kind} ${object.name}.`, "Pass the same object's previous definition as existing.");
  }
  return { kind: "replaceObject", object, existing };
}
