/**
 * Columns as builder-DSL source: `varchar(255).notNull().default("x")`. A type is written with
 * its factory only when that factory rebuilds exactly the same ColumnType; anything else falls
 * back to `column({ … })` (or, where a bare type is accepted, the ColumnType literal), so
 * rendering never loses a field.
 */
import type { ColumnTypeOf } from "../model/column-types.js";
import type { ColumnGeneration, ColumnSchema, ColumnSequenceOptions, ColumnType, DefaultValue } from "../catalog/types.js";
import { call, chain, object, text, type ChainLink, type Code } from "./render-code.js";
import type { RenderContext } from "./render-context.js";
import { numberLiteral, recordCode, sqlTemplate, stringLiteral, valueCode } from "./render-values.js";

type Fields = Record<string, unknown>;

/** The type's fields without `kind` and without undefined values. */
function fieldsOf(type: ColumnType): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(type)) if (key !== "kind" && value !== undefined) out[key] = value;
  return out;
}

const only = (fields: Fields, allowed: readonly string[]): boolean => Object.keys(fields).every((key) => allowed.includes(key));
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;
const optionalCount = (value: unknown): boolean => value === undefined || isCount(value);
const SIZES: readonly unknown[] = ["tiny", "medium", "long"];

/** `name()` or `name({ … })` with the options that are set. */
function optionsCall(ctx: RenderContext, name: string, options: Fields): Code {
  const entries = Object.entries(options);
  return call(ctx.use(name), entries.length ? [recordCode(options)] : []);
}

/** `.unsigned()` reproduces `unsigned: true`; `unsigned: false` has no builder form. */
const unsignedOk = (fields: Fields): boolean => fields.unsigned === undefined || fields.unsigned === true;
const withUnsigned = (base: Code, fields: Fields): Code => (fields.unsigned ? chain(base, [{ name: "unsigned", args: [] }]) : base);

/** Factories with no arguments whose ColumnType is just `{ kind }`. */
const BARE_KINDS: ReadonlySet<ColumnType["kind"]> = new Set(["real", "double", "boolean", "date", "interval", "json", "jsonb", "uuid"]);

/**
 * A type-only builder (`varchar(255)`, `integer().unsigned()`) whose ColumnType equals `type`
 * field for field, or null when no factory call produces exactly this type.
 */
function typeBuilder(type: ColumnType, ctx: RenderContext): Code | null {
  const f = fieldsOf(type);
  if (BARE_KINDS.has(type.kind)) return Object.keys(f).length === 0 ? call(ctx.use(type.kind), []) : null;
  switch (type.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return only(f, ["unsigned"]) && unsignedOk(f) ? withUnsigned(call(ctx.use(type.kind), []), f) : null;
    case "numeric": {
      if (!only(f, ["precision", "scale", "unsigned"]) || !unsignedOk(f) || !optionalCount(f.precision) || !optionalCount(f.scale)) return null;
      if (f.scale !== undefined && f.precision === undefined) return null;
      const args = [f.precision, f.scale].filter(isCount).map((n) => text(numberLiteral(n)));
      return withUnsigned(call(ctx.use("numeric"), args), f);
    }
    case "char":
    case "varchar":
      if (!only(f, ["length"]) || !optionalCount(f.length)) return null;
      return call(ctx.use(type.kind), isCount(f.length) ? [text(numberLiteral(f.length))] : []);
    case "text":
      return only(f, ["size"]) && (f.size === undefined || SIZES.includes(f.size)) ? optionsCall(ctx, "text", f) : null;
    case "time":
    case "timestamp":
      if (!only(f, ["withTimezone", "precision"]) || !optionalCount(f.precision)) return null;
      return f.withTimezone === undefined || typeof f.withTimezone === "boolean" ? optionsCall(ctx, type.kind, f) : null;
    case "binary":
      if (f.size !== undefined) return only(f, ["size"]) && SIZES.includes(f.size) ? optionsCall(ctx, "blob", f) : null;
      if (!only(f, ["length", "fixed"]) || !optionalCount(f.length)) return null;
      if (f.fixed !== undefined && (typeof f.fixed !== "boolean" || (f.fixed && f.length === undefined))) return null;
      return optionsCall(ctx, "binary", f);
    case "enum":
      return enumBuilder(type, f, ctx);
    case "array": {
      if (!only(f, ["of", "dimensions"]) || !optionalCount(f.dimensions)) return null;
      const element = typeArgument(type.of, ctx);
      return call(ctx.use("array"), f.dimensions === undefined ? [element] : [element, recordCode({ dimensions: f.dimensions })]);
    }
    case "raw":
      return only(f, ["sql"]) && type.sql.trim() !== "" ? call(ctx.use("rawType"), [text(stringLiteral(type.sql))]) : null;
    default:
      return null;
  }
}

/**
 * `status.column()` when the module declares this enum, else `enumType(name, values, { schema }).column()`.
 * enumType records a schema (null for the default); a type without one — an inline MySQL or
 * SQLite enum as reflected, where no schema applies — is written the same way (it reads back with
 * schema null, which those dialects never read).
 */
function enumBuilder(type: ColumnTypeOf<"enum">, f: Fields, ctx: RenderContext): Code | null {
  if (!only(f, ["name", "values", "schema"])) return null;
  if (!Array.isArray(type.values) || !type.values.every((v) => typeof v === "string")) return null;
  const declared = ctx.enumReference(type);
  if (declared) return chain(text(declared), [{ name: "column", args: [] }]);
  const args = [text(stringLiteral(type.name)), valueCode(type.values)];
  if (type.schema !== null && type.schema !== undefined) args.push(recordCode({ schema: type.schema }));
  return chain(call(ctx.use("enumType"), args), [{ name: "column", args: [] }]);
}

/** Where a bare ColumnType is accepted (alterColumn, array elements, bulkInsert): a builder, else the literal. */
export function typeArgument(type: ColumnType, ctx: RenderContext): Code {
  return typeBuilder(type, ctx) ?? recordCode(type as unknown as Fields);
}

/** A builder for the type, falling back to `column({ … })`. */
function typeBase(type: ColumnType, ctx: RenderContext): Code {
  return typeBuilder(type, ctx) ?? call(ctx.use("column"), [recordCode(type as unknown as Fields)]);
}

/** What `.default(…)` needs to rebuild `value`: a literal, or sql`…` for an expression. */
function defaultInput(value: DefaultValue): Code {
  return value.kind === "sql" ? text(sqlTemplate(value.sql)) : valueCode(value.value);
}

/** A DefaultValue as accepted by alterColumn: the short form, and sql`NULL` for `DEFAULT NULL` (a bare null means "remove"). */
export function defaultOption(value: DefaultValue | null, ctx: RenderContext): Code {
  if (value === null) return text("null");
  if (value.kind === "literal" && value.value === null) {
    ctx.use("sql");
    return text(sqlTemplate("NULL"));
  }
  if (value.kind === "sql") ctx.use("sql");
  return defaultInput(value);
}

/** A serial's or identity's sequence options as the DSL takes them: numbers, bigints past 2^53. */
function sequenceRecord(sequence: ColumnSequenceOptions | undefined): Fields {
  const out: Fields = {};
  for (const key of ["start", "increment", "minValue", "maxValue", "cache"] as const) {
    const value = sequence?.[key];
    if (value !== undefined) out[key] = Number.isSafeInteger(Number(value)) ? Number(value) : BigInt(value);
  }
  if (sequence?.cycle) out.cycle = true;
  return out;
}

/** A ColumnGeneration as alterColumn takes it (GenerationSpec): "autoincrement", { identity }, { computed: sql`…` }, with sequence options. */
export function generationOption(value: ColumnGeneration | null, ctx: RenderContext): Code {
  if (value === null) return text("null");
  const sequence = value.kind === "autoincrement" || value.kind === "identity" ? sequenceRecord(value.sequence) : {};
  const sequenceEntry = Object.keys(sequence).length > 0 ? [{ key: "sequence", value: recordCode(sequence) }] : [];
  if (value.kind === "autoincrement") return sequenceEntry.length > 0 ? object([{ key: "autoincrement", value: text("true") }, ...sequenceEntry]) : text(stringLiteral("autoincrement"));
  if (value.kind === "identity") return object([{ key: "identity", value: text(stringLiteral(value.always ? "always" : "by default")) }, ...sequenceEntry]);
  ctx.use("sql");
  return object([{ key: "computed", value: text(sqlTemplate(value.sql)) }, ...(value.stored ? [] : [{ key: "stored", value: text("false") }])]);
}

const isKeyGeneration = (g: ColumnGeneration | null | undefined): boolean => g?.kind === "autoincrement" || g?.kind === "identity";

/** The head of a column chain plus the links its generation needs; serial()/bigserial()/identity() where they fit. */
function generatedHead(type: ColumnType, generated: ColumnGeneration | null | undefined, ctx: RenderContext): { head: Code; links: ChainLink[] } {
  const plain = Object.keys(fieldsOf(type)).length === 0;
  const sequence = generated?.kind === "autoincrement" || generated?.kind === "identity" ? sequenceRecord(generated.sequence) : {};
  const serialArgs = Object.keys(sequence).length > 0 ? [recordCode(sequence)] : [];
  if (generated?.kind === "autoincrement" && plain && (type.kind === "integer" || type.kind === "bigint")) {
    return { head: call(ctx.use(type.kind === "integer" ? "serial" : "bigserial"), serialArgs), links: [] };
  }
  const identityFields: Fields = { ...(generated?.kind === "identity" && generated.always ? { always: true } : {}), ...sequence };
  const identityArgs = generated?.kind === "identity" && Object.keys(identityFields).length > 0 ? [recordCode(identityFields)] : [];
  if (generated?.kind === "identity" && plain && type.kind === "integer") return { head: call(ctx.use("identity"), identityArgs), links: [] };
  const head = typeBase(type, ctx);
  if (!generated) return { head, links: [] };
  if (generated.kind === "autoincrement") return { head, links: [{ name: "autoIncrement", args: serialArgs }] };
  if (generated.kind === "identity") return { head, links: [{ name: "identity", args: identityArgs }] };
  return { head, links: [{ name: "generated", args: generated.stored ? [text(stringLiteral(generated.sql))] : [text(stringLiteral(generated.sql)), recordCode({ stored: false })] }] };
}

/** Options of columnBuilder. */
export interface ColumnRenderOptions {
  /** The column is in the table's primary key (declared in the extras), which makes it NOT NULL unless `.nullable()`. */
  inPrimaryKey?: boolean;
  /** Links written last: the constraints declared in the column's definition (`.primaryKey()`, `.unique()`, `.references()`). */
  constraints?: ChainLink[];
}

/**
 * The builder chain for a column. Nullability is written only where it differs from the
 * builder's default (nullable, except autoincrement and identity columns), plus `.notNull()` on
 * primary-key columns for the reader's sake and `.nullable()` on a nullable one (SQLite allows it).
 */
export function columnBuilder(column: ColumnSchema, ctx: RenderContext, options: ColumnRenderOptions = {}): Code {
  const { head, links } = generatedHead(column.type, column.generated, ctx);
  const keyGenerated = isKeyGeneration(column.generated);
  if (!column.nullable && !keyGenerated) links.push({ name: "notNull", args: [] });
  if (column.nullable && (keyGenerated || options.inPrimaryKey)) links.push({ name: "nullable", args: [] });
  if (column.default !== null && column.default !== undefined) {
    if (column.default.kind === "sql") ctx.use("sql");
    links.push({ name: "default", args: [defaultInput(column.default)] });
  }
  if (column.onUpdate !== null && column.onUpdate !== undefined) links.push({ name: "onUpdate", args: [text(stringLiteral(column.onUpdate))] });
  if (column.collation !== null && column.collation !== undefined) {
    const schema = column.collationSchema ? [object([{ key: "schema", value: text(stringLiteral(column.collationSchema)) }])] : [];
    links.push({ name: "collate", args: [text(stringLiteral(column.collation)), ...schema] });
  }
  if (column.comment !== null && column.comment !== undefined) links.push({ name: "comment", args: [text(stringLiteral(column.comment))] });
  links.push(...(options.constraints ?? []));
  return chain(head, links);
}
