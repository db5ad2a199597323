/**
 * The PostgreSQL schemas a model names: every `schema` its tables, enums and objects declare.
 * They are the schemas autogenerate compares by default (beside the current one) and the ones it
 * creates when the database lacks them.
 */
import type { DatabaseSchema } from "./types.js";

/** The distinct schemas named in `schema`, sorted; null and "" (the current schema) left out. */
export function namedSchemas(schema: DatabaseSchema): string[] {
  const names = new Set<string>();
  for (const t of schema.tables) if (t.schema) names.add(t.schema);
  for (const e of schema.enums) if (e.schema) names.add(e.schema);
  for (const o of schema.objects ?? []) if (o.schema) names.add(o.schema);
  return [...names].sort();
}
