/**
 * Checks on a model's database objects before anything compares or runs: names are unique per
 * kind and schema, and a trigger, rule or policy names its table (a policy also holds its clauses).
 */
import { MigrateError } from "../../errors.js";
import { objectKey, objectLabel, type DatabaseObject } from "./types.js";

/** Returns the objects when they are consistent; throws MigrateError("model") naming the first problem. */
export function validateObjects(objects: DatabaseObject[]): DatabaseObject[] {
  const seen = new Set<string>();
  for (const object of objects) {
    const key = objectKey(object);
    if (seen.has(key)) throw new MigrateError("model", `The ${objectLabel(object)} is declared twice.`, { hint: "Declare each object once and export it under one name." });
    seen.add(key);
    if (object.kind === "trigger" && !object.table) throw new MigrateError("model", `The ${objectLabel(object)} names no table.`, { hint: "Pass the table as trigger(name, table, statement)." });
    if (object.kind === "rule" && !object.table) throw new MigrateError("model", `The ${objectLabel(object)} names no table.`, { hint: "Pass the table as rule(name, table, statement)." });
    if (object.kind === "policy" && (!object.table || !object.policy)) throw new MigrateError("model", `The ${objectLabel(object)} names no table or has no clauses.`, { hint: "Declare it with policy(name, table, options)." });
    if (object.kind === "materializedViewIndex" && !object.table) {
      throw new MigrateError("model", `The ${objectLabel(object)} names no materialized view.`, { hint: "Pass it as materializedViewIndex(name, materializedView, statement)." });
    }
  }
  return objects;
}
