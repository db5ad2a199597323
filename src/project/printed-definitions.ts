/**
 * Definitions the model writes its own way. A view in schema.ts is the query as its author wrote
 * it; the database stores it parsed and prints it back in its own spelling (qualified columns,
 * casts, parentheses), so the two texts differ although nothing would change. Before comparing,
 * each model object whose text differs from the live object of the same key is given to the
 * dialect to print (`Dialect.printDefinitions`), and the print is kept beside the model's text
 * (`DatabaseObject.printed`): compare judges by it, so a query written another way is no change,
 * while whatever a revision creates from the object is still the text its author wrote. An
 * object the dialect cannot print compares as written.
 */
import { objectKey, type DatabaseObject } from "../catalog/objects/types.js";
import type { DatabaseSchema } from "../catalog/types.js";
import { normalizeDefinition } from "../autogenerate/compare-objects.js";
import type { Connection, Dialect } from "../dialects/dialect.js";

/** The model objects whose definition text differs from the live object's of the same key. */
export function differentlyWritten(target: DatabaseSchema, actual: DatabaseSchema): DatabaseObject[] {
  const live = new Map((actual.objects ?? []).map((o) => [objectKey(o), o]));
  return (target.objects ?? []).filter((o) => {
    const other = live.get(objectKey(o));
    return other !== undefined && normalizeDefinition(other.definition) !== normalizeDefinition(o.definition);
  });
}

/** `target` with each object's print (`printed`, by objectKey) kept beside its text. */
export function adoptPrinted(target: DatabaseSchema, printed: ReadonlyMap<string, string>): DatabaseSchema {
  if (printed.size === 0) return target;
  const objects = (target.objects ?? []).map((o) => {
    const text = printed.get(objectKey(o));
    return text === undefined ? o : { ...o, printed: text };
  });
  return { ...target, objects };
}

/** The model with the database's print of each object it writes differently from the live one (see the module comment). */
export async function withPrintedDefinitions(dialect: Dialect, conn: Connection, target: DatabaseSchema, actual: DatabaseSchema): Promise<DatabaseSchema> {
  if (!dialect.printDefinitions) return target;
  const candidates = differentlyWritten(target, actual);
  if (candidates.length === 0) return target;
  return adoptPrinted(target, await dialect.printDefinitions(conn, candidates));
}
