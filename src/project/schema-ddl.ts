/**
 * A schema as the DDL that would create it, for `check --diff`: both sides are normalised by the
 * dialect and compiled offline, so the unified diff shows real differences, not spelling.
 */
import type { Dialect } from "../dialects/dialect.js";
import type { Operation } from "../operations/types.js";
import type { DatabaseSchema } from "../catalog/types.js";

const byName = (a: { schema?: string | null; name: string }, b: { schema?: string | null; name: string }) =>
  `${a.schema ?? ""}.${a.name}`.localeCompare(`${b.schema ?? ""}.${b.name}`);

/** The CREATE statements for `schema`, one per line group, sorted by name. */
export async function schemaDdl(dialect: Dialect, schema: DatabaseSchema): Promise<string> {
  const normalized = dialect.normalizeSchema(schema);
  const ops: Operation[] = [
    ...[...normalized.enums].sort(byName).map((e): Operation => ({ kind: "createEnum", enum: e })),
    ...[...normalized.tables].sort(byName).map((t): Operation => ({ kind: "createTable", table: { ...t, indexes: [...t.indexes].sort((a, b) => a.name.localeCompare(b.name)) } })),
  ];
  const ctx = { offline: true, tableState: () => undefined };
  const parts: string[] = [];
  for (const op of ops) {
    for (const s of await dialect.compile(op, ctx)) parts.push(`${(s.params?.length ? dialect.inlineParams(s) : s.sql).trimEnd()};`);
  }
  return `${parts.join("\n")}\n`;
}
