/**
 * Builders for the operations that act on one existing table. The `op` façade and the batch
 * form both use them, so `op.addColumn("users", …)` and `batch.addColumn(…)` build the same value.
 */
import { commentOf } from "../model/comment-option.js";
import { buildColumn } from "../model/build-column.js";
import { buildExclusion, buildForeignKey, buildIndex } from "../model/build-table.js";
import { isColumnBuilder, type ColumnBuilder } from "../model/column-builder.js";
import { constraintFlags, index as indexDefinition, type ExclusionElementInput, type IndexElementInput } from "../model/constraints.js";
import { ROW_LEVEL_SECURITY_VALUES, type ConstraintTiming, type RowLevelSecurity } from "../catalog/types.js";
import type { SqlText } from "../model/sql-text.js";
import { booleanArgument, storageChangesArgument } from "./storage-arguments.js";
import {
  argumentError,
  compact,
  constraintName,
  defaultArgument,
  generationArgument,
  requireColumns,
  requireName,
  sqlArgument,
  typeArgument,
} from "./arguments.js";
import type { AddColumnOptions, AlterColumnOptions, CreateCheckOptions, CreateExclusionOptions, ValidateConstraintSpec, CreateForeignKeyOptions, CreatePrimaryKeyOptions, CreateIndexOptions, CreateUniqueOptions, DropColumnOptions, DropConstraintSpec, DropIndexOptions, IndexOptionsOptions, ReplacePrimaryKeyOptions, TableCommentOptions, TableOptionsOptions } from "./operations-api.js";
import type {
  AddColumnOp,
  AlterColumnOp,
  ColumnPosition,
  AlterTableOptionsOp,
  AlterIndexOptionsOp,
  ReplacePrimaryKeyOp,
  CreateCheckConstraintOp,
  CreateExclusionConstraintOp,
  ValidateConstraintOp,
  ValidatableConstraint,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateTableCommentOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropIndexOp,
  DropTableCommentOp,
  ExistingConstraint,
  OnTable,
} from "./types.js";

/** The position asked for by addColumn's options, checked; undefined: last. */
function columnPosition(options: Omit<AddColumnOptions, "schema">, column: string): ColumnPosition | undefined {
  const { after, first } = options as { after?: unknown; first?: unknown };
  if (after !== undefined && first !== undefined) throw argumentError(`op.addColumn ${column}: pass either after or first, not both.`, "after: \"name\" puts the column after that column; first: true puts it before all others.");
  if (after !== undefined) return { after: requireName(after as string, `op.addColumn ${column}: after`) };
  if (first === undefined || first === false) return undefined;
  if (first !== true) throw argumentError(`op.addColumn ${column}: first must be true or absent.`, "Pass first: true to put the column before all others.");
  return { first: true };
}

/** addColumn. Keys and references on the builder are refused: AddColumnOp holds only the column. */
export function addColumnOp(target: OnTable, name: string, column: ColumnBuilder, options: Omit<AddColumnOptions, "schema"> = {}): AddColumnOp {
  const columnName = requireName(name, "op.addColumn: the column name");
  if (!isColumnBuilder(column)) throw argumentError(`op.addColumn: the column ${columnName} is not a column builder.`, "Pass a type factory result, e.g. varchar(255).notNull().");
  const d = column.definition;
  if (d.primaryKey || d.unique || d.references) {
    throw argumentError(
      `op.addColumn ${target.table}.${columnName}: .primaryKey(), .unique() and .references() cannot be used here.`,
      "Add the column, then op.createPrimaryKey / op.createUniqueConstraint / op.createForeignKey.",
    );
  }
  const position = columnPosition(options, columnName);
  return { kind: "addColumn", ...target, column: buildColumn(columnName, column, target.table), ...(position ? { position } : {}) };
}

/** dropColumn, with the prior column when given. */
export function dropColumnOp(target: OnTable, name: string, options: Omit<DropColumnOptions, "schema"> = {}): DropColumnOp {
  const column = requireName(name, "op.dropColumn: the column name");
  const existing = options.existing === undefined ? undefined : isColumnBuilder(options.existing) ? buildColumn(column, options.existing, target.table) : { ...options.existing };
  return compact({ kind: "dropColumn", ...target, column, existing });
}

/** alterColumn; refuses a call that changes nothing. */
export function alterColumnOp(target: OnTable, column: string, options: Omit<AlterColumnOptions, "schema">): AlterColumnOp {
  const name = requireName(column, "op.alterColumn: the column name");
  const what = `op.alterColumn ${target.table}.${name}`;
  const o = options ?? {};
  const op: AlterColumnOp = compact({
    kind: "alterColumn",
    ...target,
    column: name,
    newName: o.newName === undefined ? undefined : requireName(o.newName, `${what}: newName`),
    type: o.type === undefined ? undefined : typeArgument(o.type, `${what}: type`),
    nullable: o.nullable,
    default: defaultArgument(o.default, `the default of ${target.table}.${name}`),
    comment: o.comment,
    generated: generationArgument(o.generated, `${what}: generated`),
    collation: o.collation,
    collationSchema: o.collationSchema,
    onUpdate: o.onUpdate,
    using: o.using === undefined ? undefined : sqlArgument(o.using, `${what}: using`),
    existingType: o.existingType === undefined ? undefined : typeArgument(o.existingType, `${what}: existingType`),
    existingNullable: o.existingNullable,
    existingDefault: defaultArgument(o.existingDefault, `the existing default of ${target.table}.${name}`),
    existingComment: o.existingComment,
    existingGenerated: generationArgument(o.existingGenerated, `${what}: existingGenerated`),
    existingCollation: o.existingCollation,
    existingCollationSchema: o.existingCollationSchema,
    existingOnUpdate: o.existingOnUpdate,
  } as AlterColumnOp);
  const changes = ["newName", "type", "nullable", "default", "comment", "generated", "collation", "onUpdate"] as const;
  if (!changes.some((key) => op[key] !== undefined)) {
    throw argumentError(`${what} changes nothing.`, "Pass at least one of type, nullable, default, comment, generated, collation, onUpdate or newName (existing* options only describe the column as it was).");
  }
  return op;
}

/** createIndex. */
export function createIndexOp(target: OnTable, name: string, elements: readonly IndexElementInput[], options: Omit<CreateIndexOptions, "schema"> = {}): CreateIndexOp {
  const indexName = requireName(name, "op.createIndex: the index name");
  if (!Array.isArray(elements) || elements.length === 0) throw argumentError(`op.createIndex ${indexName} lists no columns.`, "Pass the indexed columns or sql`…` expressions.");
  const built = buildIndex(indexDefinition(elements, { name: indexName, unique: options.unique, where: options.where, using: options.using, nullsNotDistinct: options.nullsNotDistinct, include: options.include, comment: options.comment, with: options.with }), target.table);
  return compact({ kind: "createIndex", ...target, index: built, concurrently: options.concurrently, ifNotExists: options.ifNotExists });
}

/** dropIndex. */
export function dropIndexOp(target: OnTable, name: string, options: Omit<DropIndexOptions, "schema" | "table"> = {}): DropIndexOp {
  const indexName = requireName(name, "op.dropIndex: the index name");
  return compact({
    kind: "dropIndex",
    ...target,
    name: indexName,
    existing: options.existing ? { ...options.existing } : undefined,
    concurrently: options.concurrently,
    ifExists: options.ifExists,
  });
}

/** createPrimaryKey. */
export function createPrimaryKeyOp(target: OnTable, name: string | null, columns: readonly string[], options: Omit<CreatePrimaryKeyOptions, "schema"> = {}): CreatePrimaryKeyOp {
  const keyName = constraintName(name, "op.createPrimaryKey: the constraint name");
  const flags = constraintFlags({ deferrable: options.deferrable, initiallyDeferred: options.initiallyDeferred });
  const what = `op.createPrimaryKey ${keyName ?? `on ${target.table}`}`;
  return {
    kind: "createPrimaryKey",
    ...target,
    constraint: {
      name: keyName,
      columns: requireColumns(columns, what),
      ...flags,
      ...includeOption(options.include, `${what}: include`),
      ...(options.descending === true ? { descending: true } : {}),
      ...inlineOption(options.inline),
      ...commentOf(options.comment, what),
    },
  };
}

/** `{ inline: true }` when the key is written in its column's definition, else nothing. */
function inlineOption(inline: boolean | undefined): { inline?: true } {
  return inline === true ? { inline: true } : {};
}

/** `{ include }` when `columns` lists any (each a non-empty name), else nothing. */
function includeOption(columns: readonly string[] | undefined, what: string): { include?: string[] } {
  return columns && columns.length > 0 ? { include: requireColumns(columns, what) } : {};
}

/** replacePrimaryKey: the new key and the one it replaces. */
export function replacePrimaryKeyOp(target: OnTable, columns: readonly string[], options: Omit<ReplacePrimaryKeyOptions, "schema">): ReplacePrimaryKeyOp {
  const what = `op.replacePrimaryKey ${target.table}`;
  const existing = options?.replaces;
  if (!existing || typeof existing !== "object") throw argumentError(`${what}: replaces is missing.`, "Pass replaces: { columns: [...] } (and its name on PostgreSQL), the key being replaced.");
  const name = options.name === undefined ? undefined : requireName(options.name, `${what}: name`);
  return {
    kind: "replacePrimaryKey",
    ...target,
    constraint: {
      ...(name ? { name } : {}),
      columns: requireColumns(columns, what),
      ...constraintFlags({ deferrable: options.deferrable, initiallyDeferred: options.initiallyDeferred }),
      ...includeOption(options.include, `${what}: include`),
      ...(options.descending === true ? { descending: true } : {}),
    },
    existing: {
      ...(existing.name ? { name: requireName(existing.name, `${what}: replaces.name`) } : {}),
      columns: requireColumns(existing.columns, `${what}: replaces.columns`),
      ...constraintFlags({ deferrable: existing.deferrable, initiallyDeferred: existing.initiallyDeferred }),
      ...includeOption(existing.include, `${what}: replaces.include`),
      ...(existing.descending === true ? { descending: true } : {}),
    },
  };
}

/** alterTableOptions; refuses a call that changes nothing. */
export function alterTableOptionsOp(target: OnTable, options: Omit<TableOptionsOptions, "schema">): AlterTableOptionsOp {
  const what = `op.alterTableOptions ${target.table}`;
  const o = options ?? {};
  const op: AlterTableOptionsOp = compact({
    kind: "alterTableOptions",
    ...target,
    collation: o.collation === undefined ? undefined : requireName(o.collation, `${what}: collation`),
    engine: o.engine === undefined ? undefined : requireName(o.engine, `${what}: engine`),
    existingCollation: o.existingCollation === undefined ? undefined : requireName(o.existingCollation, `${what}: existingCollation`),
    existingEngine: o.existingEngine === undefined ? undefined : requireName(o.existingEngine, `${what}: existingEngine`),
    rowLevelSecurity: rowLevelSecurityArgument(o.rowLevelSecurity, `${what}: rowLevelSecurity`),
    existingRowLevelSecurity: rowLevelSecurityArgument(o.existingRowLevelSecurity, `${what}: existingRowLevelSecurity`),
    unlogged: booleanArgument(o.unlogged, `${what}: unlogged`),
    existingUnlogged: booleanArgument(o.existingUnlogged, `${what}: existingUnlogged`),
    storageParameters: storageChangesArgument(o.storageParameters, { of: "table" }, `${what}: storageParameters`),
    existingStorageParameters: storageChangesArgument(o.existingStorageParameters, { of: "table" }, `${what}: existingStorageParameters`),
  } as AlterTableOptionsOp);
  if (op.storageParameters && Object.keys(op.storageParameters).length === 0) delete op.storageParameters;
  if (op.collation === undefined && op.engine === undefined && op.rowLevelSecurity === undefined && op.unlogged === undefined && op.storageParameters === undefined) {
    throw argumentError(`${what} changes nothing.`, "Pass collation, engine, rowLevelSecurity, unlogged and/or storageParameters.");
  }
  return op;
}

/** alterIndexOptions: an index's storage parameters, checked against its method's (`using`; absent: btree). */
export function alterIndexOptionsOp(target: OnTable, name: string, options: Omit<IndexOptionsOptions, "schema">): AlterIndexOptionsOp {
  const indexName = requireName(name, "op.alterIndexOptions: the index name");
  const what = `op.alterIndexOptions ${indexName}`;
  const o = options ?? ({} as Omit<IndexOptionsOptions, "schema">);
  const using = o.using === undefined || o.using === null ? undefined : requireName(o.using, `${what}: using`);
  const scope = { of: "index", using } as const;
  const storageParameters = storageChangesArgument(o.storageParameters, scope, `${what}: storageParameters`);
  if (!storageParameters || Object.keys(storageParameters).length === 0) throw argumentError(`${what} changes nothing.`, "Pass storageParameters, e.g. { fillfactor: 80 } (null resets one).");
  return compact({
    kind: "alterIndexOptions",
    ...target,
    name: indexName,
    using,
    storageParameters,
    existingStorageParameters: storageChangesArgument(o.existingStorageParameters, scope, `${what}: existingStorageParameters`),
  } as AlterIndexOptionsOp);
}

/** A row-level security setting given to alterTableOptions, checked. */
function rowLevelSecurityArgument(value: unknown, what: string): RowLevelSecurity | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !(ROW_LEVEL_SECURITY_VALUES as readonly string[]).includes(value)) {
    throw argumentError(`${what} is ${JSON.stringify(value)}.`, `Write it as one of ${ROW_LEVEL_SECURITY_VALUES.map((v) => `"${v}"`).join(", ")}.`);
  }
  return value as RowLevelSecurity;
}

/** createForeignKey; the referenced table is in `referencedSchema`, else the source table's schema. */
export function createForeignKeyOp(
  target: OnTable,
  name: string | null,
  referencedTable: string,
  localColumns: readonly string[],
  remoteColumns: readonly string[],
  options: Omit<CreateForeignKeyOptions, "schema"> = {},
): CreateForeignKeyOp {
  const keyName = constraintName(name, "op.createForeignKey: the constraint name");
  const what = `op.createForeignKey ${keyName ?? `on ${target.table}`}`;
  const local = requireColumns(localColumns, `${what}: the local columns`);
  const remote = requireColumns(remoteColumns, `${what}: the referenced columns`);
  const referenced = { schema: options.referencedSchema !== undefined ? options.referencedSchema : (target.schema ?? null), name: requireName(referencedTable, `${what}: the referenced table`) };
  const { inline, ...reference } = options;
  return { kind: "createForeignKey", ...target, constraint: { ...buildForeignKey(local, referenced, remote, { ...reference, name: keyName }, target.table), ...inlineOption(inline) } };
}

/** createUniqueConstraint. */
export function createUniqueOp(target: OnTable, name: string | null, columns: readonly string[], options: Omit<CreateUniqueOptions, "schema"> = {}): CreateUniqueConstraintOp {
  const keyName = constraintName(name, "op.createUniqueConstraint: the constraint name");
  const flags = constraintFlags({ deferrable: options.deferrable, initiallyDeferred: options.initiallyDeferred, nullsNotDistinct: options.nullsNotDistinct });
  const what = `op.createUniqueConstraint ${keyName ?? `on ${target.table}`}`;
  const constraint = { name: keyName, columns: requireColumns(columns, what), ...flags, ...includeOption(options.include, `${what}: include`), ...inlineOption(options.inline), ...commentOf(options.comment, what) };
  return { kind: "createUniqueConstraint", ...target, constraint };
}

/** createCheckConstraint. */
export function createCheckOp(target: OnTable, name: string | null, condition: SqlText, options: Omit<CreateCheckOptions, "schema"> = {}): CreateCheckConstraintOp {
  const checkName = constraintName(name, "op.createCheckConstraint: the constraint name");
  const what = `op.createCheckConstraint ${checkName ?? `on ${target.table}`}`;
  const column = options.column === undefined ? {} : { column: requireName(options.column, `${what}: column`) };
  const notValid = options.notValid ? { notValid: true } : {};
  return { kind: "createCheckConstraint", ...target, constraint: { name: checkName, expression: sqlArgument(condition, `${what}: the condition`), ...column, ...notValid, ...commentOf(options.comment, what) } };
}

/** createExclusionConstraint: the elements and options as `exclude(...)` takes them. */
export function createExclusionOp(target: OnTable, name: string | null, elements: readonly ExclusionElementInput[], options: Omit<CreateExclusionOptions, "schema"> = {}): CreateExclusionConstraintOp {
  const constraintNameGiven = constraintName(name, "op.createExclusionConstraint: the constraint name");
  return { kind: "createExclusionConstraint", ...target, constraint: buildExclusion({ elements, options: { ...options, name: constraintNameGiven ?? undefined } }, target.table) };
}

const VALIDATABLE_TYPES = ["foreignKey", "check"] as const;

/** validateConstraint; `type` says which kind the NOT VALID constraint is, `existing` (NOT VALID) makes it reversible. */
export function validateConstraintOp(target: OnTable, name: string, spec: ValidateConstraintSpec): ValidateConstraintOp {
  const constraintName = requireName(name, "op.validateConstraint: the constraint name");
  if (!spec || !VALIDATABLE_TYPES.includes(spec.type)) {
    throw argumentError(`op.validateConstraint ${constraintName}: type must be one of ${VALIDATABLE_TYPES.join(", ")}.`, 'Pass { type: "foreignKey" } or { type: "check" }: only those can be added NOT VALID.');
  }
  const existing = spec.existing ? ({ type: spec.type, constraint: { ...spec.existing, notValid: true } } as ValidatableConstraint) : undefined;
  return compact({ kind: "validateConstraint", ...target, name: constraintName, type: spec.type, existing });
}

const CONSTRAINT_TYPES = ["primaryKey", "foreignKey", "unique", "check", "exclusion"] as const;

/** dropConstraint; `type` is required because MySQL drops each kind differently. */
export function dropConstraintOp(target: OnTable, name: string, spec: DropConstraintSpec): DropConstraintOp {
  const constraintName = requireName(name, "op.dropConstraint: the constraint name");
  if (!spec || !CONSTRAINT_TYPES.includes(spec.type)) {
    throw argumentError(`op.dropConstraint ${constraintName}: type must be one of ${CONSTRAINT_TYPES.join(", ")}.`, 'Pass { type: "foreignKey" } (or the constraint\'s kind).');
  }
  const existing = spec.existing ? ({ type: spec.type, constraint: { ...spec.existing } } as ExistingConstraint) : undefined;
  return compact({ kind: "dropConstraint", ...target, name: constraintName, type: spec.type, existing });
}

/** createTableComment. */
export function createTableCommentOp(target: OnTable, comment: string, options: Omit<TableCommentOptions, "schema"> = {}): CreateTableCommentOp {
  if (typeof comment !== "string") throw argumentError(`op.createTableComment ${target.table}: the comment is not a string.`, "Pass the comment text; use op.dropTableComment to remove one.");
  return compact({ kind: "createTableComment", ...target, comment, existingComment: options.existingComment });
}

/** dropTableComment. */
export function dropTableCommentOp(target: OnTable, options: Omit<TableCommentOptions, "schema"> = {}): DropTableCommentOp {
  return compact({ kind: "dropTableComment", ...target, existingComment: options.existingComment });
}
