/**
 * The operations that act on one table, rendered once and written two ways: as `op.<method>(…)`
 * with the table (and schema) as arguments, or inside `op.batchAlterTable` as
 * `batch.<method>(…)`, where the batch supplies the table. The dispatch table is exhaustive over
 * the table-level kinds.
 */
import type { ColumnPosition, OperationOf, TableLevelOperation } from "../operations/types.js";
import { array, call, object, text, type Code, type ObjectEntry } from "./render-code.js";
import { columnBuilder, defaultOption, generationOption, typeArgument } from "./render-column.js";
import type { RenderContext } from "./render-context.js";
import { commentEntry, storageCode, constraintFlagEntries, exclusionElementsCode, exclusionOptions, foreignKeyOptions, indexElementCode, indexOptions } from "./render-table.js";
import { recordCode, stringLiteral, valueCode } from "./render-values.js";

/** A table-level call before it is given its receiver and table. */
export interface TableCall {
  method: string;
  /** Arguments before the table argument of the `op` form. */
  before: Code[];
  /** Arguments after it. */
  after: Code[];
  /** Options; written as a trailing object literal when not empty. */
  options: ObjectEntry[];
  /** The `op` form takes the table in its options (dropIndex). */
  tableInOptions?: boolean;
  /** The options object is required even when empty. */
  optionsRequired?: boolean;
}

const str = (value: string): Code => text(stringLiteral(value));
const strings = (values: readonly string[]): Code => array(values.map(str));
const entry = (key: string, value: Code): ObjectEntry => ({ key, value });

/** Entries for the fields of `source` that are defined, each rendered by `render`. */
function defined<T extends object>(source: T, keys: readonly (keyof T & string)[], render: (value: NonNullable<unknown>, key: string) => Code = (v) => valueCode(v)): ObjectEntry[] {
  return keys.filter((key) => source[key] !== undefined).map((key) => entry(key, source[key] === null ? text("null") : render(source[key] as NonNullable<unknown>, key)));
}

type TableCallTable = { [K in TableLevelOperation["kind"]]: (op: OperationOf<K>) => TableCall };

function alterColumnOptions(op: OperationOf<"alterColumn">, ctx: RenderContext): ObjectEntry[] {
  const entries: ObjectEntry[] = [];
  const add = (key: string, value: Code | undefined): void => void (value !== undefined && entries.push(entry(key, value)));
  add("newName", op.newName === undefined ? undefined : str(op.newName));
  add("type", op.type === undefined ? undefined : typeArgument(op.type, ctx));
  add("nullable", op.nullable === undefined ? undefined : valueCode(op.nullable));
  add("default", op.default === undefined ? undefined : defaultOption(op.default, ctx));
  add("comment", op.comment === undefined ? undefined : valueCode(op.comment));
  add("generated", op.generated === undefined ? undefined : generationOption(op.generated, ctx));
  add("collation", op.collation === undefined ? undefined : valueCode(op.collation));
  add("collationSchema", op.collationSchema === undefined ? undefined : valueCode(op.collationSchema));
  add("onUpdate", op.onUpdate === undefined ? undefined : valueCode(op.onUpdate));
  add("using", op.using === undefined ? undefined : str(op.using));
  add("existingType", op.existingType === undefined ? undefined : typeArgument(op.existingType, ctx));
  add("existingNullable", op.existingNullable === undefined ? undefined : valueCode(op.existingNullable));
  add("existingDefault", op.existingDefault === undefined ? undefined : defaultOption(op.existingDefault, ctx));
  add("existingComment", op.existingComment === undefined ? undefined : valueCode(op.existingComment));
  add("existingGenerated", op.existingGenerated === undefined ? undefined : generationOption(op.existingGenerated, ctx));
  add("existingCollation", op.existingCollation === undefined ? undefined : valueCode(op.existingCollation));
  add("existingCollationSchema", op.existingCollationSchema === undefined ? undefined : valueCode(op.existingCollationSchema));
  add("existingOnUpdate", op.existingOnUpdate === undefined ? undefined : valueCode(op.existingOnUpdate));
  return entries;
}

/** `{ after: "name" }` or `{ first: true }` for a placed column; none for one added last. */
function positionOptions(position: ColumnPosition | undefined): ObjectEntry[] {
  if (!position) return [];
  return "first" in position ? [entry("first", text("true"))] : [entry("after", str(position.after))];
}

/** A constraint's name argument: the name, or `null` for one declared without a name. */
function nameArgument(name: string | null | undefined): Code {
  return name ? str(name) : text("null");
}

/** `inline: true` for a key written in its column's definition (kept by SQLite's rebuilds). */
function inlineEntry(constraint: { inline?: boolean }): ObjectEntry[] {
  return constraint.inline === true ? [entry("inline", text("true"))] : [];
}

function tableCalls(ctx: RenderContext): TableCallTable {
  return {
    addColumn: (op) => ({ method: "addColumn", before: [], after: [str(op.column.name), columnBuilder(op.column, ctx)], options: positionOptions(op.position) }),
    dropColumn: (op) => ({ method: "dropColumn", before: [], after: [str(op.column)], options: [] }),
    alterColumn: (op) => ({ method: "alterColumn", before: [], after: [str(op.column)], options: alterColumnOptions(op, ctx), optionsRequired: true }),
    createIndex: (op) => ({
      method: "createIndex",
      before: [str(op.index.name)],
      after: [array(op.index.elements.map((e) => indexElementCode(e, ctx)))],
      options: [...indexOptions(op.index), ...defined(op, ["concurrently", "ifNotExists"])],
    }),
    dropIndex: (op) => ({
      method: "dropIndex",
      before: [str(op.name)],
      after: [],
      options: defined(op, ["concurrently", "ifExists"]),
      tableInOptions: true,
    }),
    createPrimaryKey: (op) => ({ method: "createPrimaryKey", before: [nameArgument(op.constraint.name)], after: [strings(op.constraint.columns)], options: [...constraintFlagEntries(op.constraint), ...inlineEntry(op.constraint)] }),
    replacePrimaryKey: (op) => ({
      method: "replacePrimaryKey",
      before: [],
      after: [strings(op.constraint.columns)],
      options: [...(op.constraint.name ? [entry("name", str(op.constraint.name))] : []), ...constraintFlagEntries(op.constraint), entry("replaces", recordCode(op.existing as unknown as Record<string, unknown>))],
      optionsRequired: true,
    }),
    alterTableOptions: (op) => ({
      method: "alterTableOptions",
      before: [],
      after: [],
      options: [
        ...defined(op, ["collation", "engine", "rowLevelSecurity", "unlogged"]),
        ...(op.storageParameters ? [entry("storageParameters", storageCode(op.storageParameters, { of: "table" }))] : []),
        ...defined(op, ["existingCollation", "existingEngine", "existingRowLevelSecurity", "existingUnlogged"]),
        ...(op.existingStorageParameters ? [entry("existingStorageParameters", storageCode(op.existingStorageParameters, { of: "table" }))] : []),
      ],
      optionsRequired: true,
    }),
    alterIndexOptions: (op) => ({
      method: "alterIndexOptions",
      before: [str(op.name)],
      after: [],
      options: [
        ...(op.using ? [entry("using", str(op.using))] : []),
        entry("storageParameters", storageCode(op.storageParameters, { of: "index", using: op.using })),
        ...(op.existingStorageParameters ? [entry("existingStorageParameters", storageCode(op.existingStorageParameters, { of: "index", using: op.using }))] : []),
      ],
      optionsRequired: true,
    }),
    createForeignKey: (op) => ({
      method: "createForeignKey",
      before: [nameArgument(op.constraint.name)],
      after: [str(op.constraint.referencedTable), strings(op.constraint.columns), strings(op.constraint.referencedColumns)],
      options: [...foreignKeyOptions(op.constraint, op.schema, false), ...inlineEntry(op.constraint)],
    }),
    createUniqueConstraint: (op) => ({ method: "createUniqueConstraint", before: [nameArgument(op.constraint.name)], after: [strings(op.constraint.columns)], options: [...constraintFlagEntries(op.constraint), ...inlineEntry(op.constraint)] }),
    createCheckConstraint: (op) => ({
      method: "createCheckConstraint",
      before: [nameArgument(op.constraint.name)],
      after: [str(op.constraint.expression)],
      options: [...(op.constraint.column === undefined ? [] : [entry("column", str(op.constraint.column))]), ...(op.constraint.notValid ? [entry("notValid", text("true"))] : []), ...commentEntry(op.constraint)],
    }),
    createExclusionConstraint: (op) => ({
      method: "createExclusionConstraint",
      before: [nameArgument(op.constraint.name)],
      after: [exclusionElementsCode(op.constraint)],
      options: exclusionOptions(op.constraint),
    }),
    validateConstraint: (op) => ({
      method: "validateConstraint",
      before: [str(op.name)],
      after: [],
      options: [entry("type", str(op.type)), ...(op.existing ? [entry("existing", recordCode(op.existing.constraint as unknown as Record<string, unknown>))] : [])],
      optionsRequired: true,
    }),
    dropConstraint: (op) => ({
      method: "dropConstraint",
      before: [str(op.name)],
      after: [],
      options: [entry("type", str(op.type)), ...(op.existing ? [entry("existing", recordCode(op.existing.constraint as unknown as Record<string, unknown>))] : [])],
      optionsRequired: true,
    }),
    createTableComment: (op) => ({ method: "createTableComment", before: [], after: [str(op.comment)], options: defined(op, ["existingComment"]) }),
    dropTableComment: (op) => ({ method: "dropTableComment", before: [], after: [], options: defined(op, ["existingComment"]) }),
  };
}

/** The table-level call for `op`, before it is given its receiver. */
export function tableCall(op: TableLevelOperation, ctx: RenderContext): TableCall {
  return (tableCalls(ctx)[op.kind] as (op: TableLevelOperation) => TableCall)(op);
}

function optionsArgument(options: ObjectEntry[], required: boolean | undefined): Code[] {
  return options.length > 0 || required ? [object(options)] : [];
}

/** `op.<method>(…)`: the table among the arguments (or options) and the schema in the options. */
export function opForm(c: TableCall, op: TableLevelOperation): Code {
  const schema = op.schema ? [entry("schema", str(op.schema))] : [];
  if (c.tableInOptions) return call(`op.${c.method}`, [...c.before, ...c.after, object([entry("table", str(op.table)), ...schema, ...c.options])]);
  return call(`op.${c.method}`, [...c.before, str(op.table), ...c.after, ...optionsArgument([...schema, ...c.options], c.optionsRequired)]);
}

/** `batch.<method>(…)`: the batch supplies table and schema. */
export function batchForm(c: TableCall): Code {
  return call(`batch.${c.method}`, [...c.before, ...c.after, ...optionsArgument(c.options, c.optionsRequired)]);
}
