/**
 * `pull`: a reflected DatabaseSchema as a schema.ts module — one `table(...)` per table, one
 * `enumType(...)` per named enum, and a `defineSchema(...)` default export. Every constraint and
 * index keeps its database name, so loading the module with schemaFromModel gives back the same
 * schema without relying on the naming convention; what the DSL cannot express is listed in the
 * file's header comment (see pull-limitations.ts).
 */
import { pulledObjects } from "./objects.js";
import type { DialectName } from "../core/dialect-name.js";
import type { DatabaseSchema, TableSchema } from "../catalog/types.js";
import { planEnums } from "./enums.js";
import { IdentifierAllocator } from "./identifiers.js";
import { pullLimitations } from "./limitations.js";
import { array, call, LINE_WIDTH, object, printStatements, text, type Code, type ObjectEntry } from "../autogenerate/render-code.js";
import { RenderContext } from "../autogenerate/render-context.js";
import { tableParts } from "../autogenerate/render-table.js";
import { recordCode, stringLiteral, valueCode } from "../autogenerate/render-values.js";

/** Options of renderSchemaModule. */
export interface PullRenderOptions {
  /** The dialect the schema was reflected from (named in the header). */
  dialect?: DialectName;
}

const DIALECT_NAMES: Record<DialectName, string> = { postgres: "PostgreSQL", mysql: "MySQL/MariaDB", sqlite: "SQLite" };
/** The model's default limit on constraint and index names (PostgreSQL's). */
const DEFAULT_MAX_NAME_BYTES = 63;

const byNameThenSchema = (a: TableSchema, b: TableSchema): number => {
  const ka = `${a.name}\u0000${a.schema ?? ""}`;
  const kb = `${b.name}\u0000${b.schema ?? ""}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function header(dialect: DialectName | undefined, issues: string[]): string {
  const source = dialect ? `a ${DIALECT_NAMES[dialect]} database` : "a database";
  const lines = [`Schema pulled from ${source} by \`migrate pull\`.`, ""];
  if (issues.length === 0) {
    lines.push("Loading this module gives back exactly the schema that was read. Every constraint and index", "name is spelled out, so nothing depends on the naming convention.");
  } else {
    lines.push("Every constraint and index name is spelled out. Loading this module gives back the schema that", "was read, except:");
    for (const issue of issues) lines.push(`- ${issue}`);
  }
  return `/**\n${lines.map((l) => (l ? ` * ${l.replace(/\*\//g, "*\\/")}` : " *")).join("\n")}\n */`;
}

function importLine(names: string[]): string {
  const one = `import { ${names.join(", ")} } from "athanor";`;
  return one.length <= LINE_WIDTH ? one : `import {\n${names.map((n) => `  ${n},`).join("\n")}\n} from "athanor";`;
}

/** The longest explicit constraint or index name, in bytes. */
function longestName(schema: DatabaseSchema): number {
  let longest = 0;
  for (const t of schema.tables) {
    for (const n of [t.primaryKey?.name, ...t.uniques.map((u) => u.name), ...t.foreignKeys.map((f) => f.name), ...t.checks.map((c) => c.name), ...(t.exclusions ?? []).map((x) => x.name), ...t.indexes.map((i) => i.name)]) {
      if (n) longest = Math.max(longest, Buffer.byteLength(n, "utf8"));
    }
  }
  return longest;
}

function declaration(ident: string, code: Code): string {
  return printStatements([{ prefix: `export const ${ident} = `, code, suffix: ";" }], "");
}

const refKey = (schema: string | null | undefined, name: string): string => `${schema ?? ""}\u0000${name}`;

/** Declarations in name order, each partition or inheriting table after its parents (a const must be declared before use). */
function partitionsLast<T extends { ident: string; table: TableSchema }>(tables: T[], parentIdents: (table: TableSchema) => string[]): T[] {
  const depth = (t: TableSchema, seen = 0): number => {
    if (seen > tables.length) return seen;
    const parents = parentIdents(t).flatMap((ident) => tables.filter((x) => x.ident === ident));
    return parents.length > 0 ? 1 + Math.max(...parents.map((p) => depth(p.table, seen + 1))) : 0;
  };
  const depths = new Map(tables.map((t) => [t, depth(t.table)]));
  return [...tables].sort((a, b) => depths.get(a)! - depths.get(b)!);
}

/**
 * The source of a schema.ts describing `schema`: `import { … } from "athanor"`, enum and table
 * declarations sorted by name, and `export default defineSchema({ tables, enums })`.
 */
export function renderSchemaModule(schema: DatabaseSchema, options: PullRenderOptions = {}): string {
  const allocator = new IdentifierAllocator();
  const tableIdents = new Map<TableSchema, string>();
  for (const t of [...schema.tables].sort(byNameThenSchema)) tableIdents.set(t, allocator.allocate(t.name, t.schema, "Table", "table"));
  const plan = planEnums(schema, allocator);
  const ctx = new RenderContext(plan.reference);

  const enumDeclarations = plan.declared.map(({ ident, enum: e }) => {
    const args: Code[] = [text(stringLiteral(e.name)), valueCode(e.values)];
    const options = { ...(e.schema ? { schema: e.schema } : {}), ...(e.comment ? { comment: e.comment } : {}) };
    if (Object.keys(options).length > 0) args.push(recordCode(options));
    return declaration(ident, call(ctx.use("enumType"), args));
  });

  const tables = schema.tables.map((original, i) => ({ ident: tableIdents.get(original)!, table: plan.schema.tables[i]! })).sort((a, b) => byNameThenSchema(a.table, b.table));
  const identOf = new Map(tables.map((t) => [refKey(t.table.schema, t.table.name), t.ident]));
  const parentIdent = (table: TableSchema): string | undefined => (table.partitionOf ? identOf.get(refKey(table.partitionOf.schema ?? table.schema, table.partitionOf.table)) : undefined);
  const inheritedIdents = (table: TableSchema): (string | undefined)[] => (table.inherits ?? []).map((p) => identOf.get(refKey(p.schema, p.table)));
  const parentIdents = (table: TableSchema): string[] => [parentIdent(table), ...inheritedIdents(table)].filter((i): i is string => i !== undefined);
  const tableDeclarations = partitionsLast(tables, parentIdents).map(({ ident, table }) => {
    const parts = tableParts(table, ctx);
    const columns = parts.columns;
    // inherits: [payment]: the parents' declarations, where the module has them (each comes first).
    const idents = inheritedIdents(table);
    const extras = idents.every((i) => i !== undefined) ? parts.extras.map((e) => (e.key === "inherits" ? { key: e.key, value: array(idents.map((i) => text(i!))) } : e)) : parts.extras;
    const parent = parentIdent(table);
    if (parent && table.partitionOf) {
      // partition(name, parent, bound, extras): the columns and the parent link are the parent's.
      const own = extras.filter((e) => e.key !== "partitionOf");
      return declaration(ident, call(ctx.use("partition"), [text(stringLiteral(table.name)), text(parent), text(stringLiteral(table.partitionOf.bound)), ...(own.length ? [object(own)] : [])]));
    }
    return declaration(ident, call(ctx.use("table"), [text(stringLiteral(table.name)), columns, ...(extras.length ? [object(extras)] : [])]));
  });

  const objects = pulledObjects(schema.objects ?? [], allocator, ctx);

  const entries: ObjectEntry[] = [{ key: "tables", value: array(tables.map((t) => text(t.ident))) }];
  if (plan.declared.length > 0) entries.push({ key: "enums", value: array(plan.declared.map((d) => text(d.ident))) });
  if (objects.length > 0) entries.push({ key: "objects", value: array(objects.map((o) => text(o.ident))) });
  const longest = longestName(schema);
  if (longest > DEFAULT_MAX_NAME_BYTES) entries.push({ key: "naming", value: recordCode({ maxLength: longest }) });
  const defaultExport = printStatements([{ prefix: "export default ", code: call(ctx.use("defineSchema"), [object(entries)]), suffix: ";" }], "");

  const issues = [...pullLimitations(schema), ...plan.renames];
  return [header(options.dialect, issues), importLine(ctx.imports()), ...enumDeclarations, ...tableDeclarations, ...objects.map((o) => o.source), defaultExport].join("\n\n") + "\n";
}
