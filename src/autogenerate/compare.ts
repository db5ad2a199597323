/**
 * The compare engine of autogenerate: the model's schema (target) against the reflected one
 * (actual), both first put through the dialect's normalisation so that each says what the
 * database would really store. Pure: no database, no I/O. The result is the upgrade, in an order
 * the database accepts; the downgrade is its reverse(), which works because every drop and alter
 * carries the prior state.
 */
import type { Dialect, DialectCapabilities } from "../dialects/dialect.js";
import type { AlterTableOptionsOp, Operation } from "../operations/types.js";
import { tableLabel, unmanagedKinds, unmanagedLabel, type DatabaseSchema, type RowLevelSecurity, type TableRef, type TableSchema } from "../catalog/types.js";
import { priorStorageParameters, storageParameterChanges } from "../catalog/storage-parameters.js";
import { batchForRebuild } from "./compare-batch.js";
import { compareColumns } from "./compare-columns.js";
import { compareConstraints } from "./compare-constraints.js";
import { compareEnumComments, compareTableObjectComments } from "./compare-comments.js";
import { keyDependentForeignKeys } from "./compare-key-dependents.js";
import { typeDependentForeignKeys } from "./compare-type-dependents.js";
import { onTable, refKey, writtenTable, type DiffContext } from "./compare-context.js";
import { compareEnums, type Reversals } from "./compare-enums.js";
import { leaveToTableDiff } from "./enum-swap-dependents.js";
import { compareObjects } from "./compare-objects.js";
import { collationSwaps } from "./collation-swap.js";
import { userTypeChanges } from "./user-type-changes.js";
import { compareNamespaces, foldCurrentSchema } from "./compare-namespaces.js";
import { expressionKey } from "./compare-expressions.js";
import { compareIndexes } from "./compare-indexes.js";
import { sameComment } from "./compare-values.js";
import { orderOperations, persistenceRanks } from "./order.js";
import { detectRenameHints, type RenameHint } from "./rename-hints.js";

/** How to compare. */
export interface CompareOptions {
  /** The dialect's capabilities: comments, named enums, in-place ALTER, … */
  capabilities: DialectCapabilities;
  /** The dialect's normalisation (Dialect.normalizeSchema), applied to both sides. */
  normalize?: (schema: DatabaseSchema) => DatabaseSchema;
  /** The dialect's re-spellings of stored expressions, undone before they are compared (Dialect.foldExpression). */
  foldExpression?: (sql: string) => string;
}

/** How compare treats a dialect's schemas: its capabilities, its normalisation, its expression spellings. */
export function dialectCompareOptions(dialect: Dialect): CompareOptions {
  return {
    capabilities: dialect.capabilities,
    normalize: (schema) => dialect.normalizeSchema(schema),
    foldExpression: (sql) => dialect.foldExpression(sql),
  };
}

/** What compare found. */
export interface CompareResult {
  /** The upgrade operations, ordered. */
  operations: Operation[];
  /** Changes autogenerate cannot decide safely (possible renames, enum value removal, narrowing). */
  warnings: string[];
  /** The possible renames among the operations; their messages are also in `warnings`. */
  renameHints: RenameHint[];
  /** The downgrade of operations reverse() cannot undo alone (an enum's added values: a type swap), for reverseAll. */
  reversals: ReadonlyMap<Operation, Operation[]>;
  /**
   * Differences autogenerate does not turn into operations, each with why and what to do. The
   * database does not match the model while any remain, so check fails on them.
   */
  unmanaged: string[];
  /**
   * The changes of the model autogenerate leaves out because PostgreSQL would refuse them where
   * the type is used (also in `unmanaged`): a revision written beside them opens with them.
   */
  leftOut?: string[];
}

function withoutComments(schema: DatabaseSchema): DatabaseSchema {
  return {
    ...schema,
    tables: schema.tables.map((t) => ({ ...t, comment: null, columns: t.columns.map((c) => ({ ...c, comment: null })) })),
  };
}

function prepare(schema: DatabaseSchema, options: CompareOptions, normalize = true): DatabaseSchema {
  const normalized = normalize && options.normalize ? options.normalize(schema) : schema;
  return options.capabilities.comments ? normalized : withoutComments(normalized);
}

/** Looks tables up by schema and name. */
function tableLookup(schema: DatabaseSchema): (ref: TableRef) => TableSchema | undefined {
  const byKey = new Map(schema.tables.map((t) => [refKey(t.schema, t.name), t]));
  return (ref) => byKey.get(refKey(ref.schema, ref.name));
}

function compareTableComment(target: TableSchema, actual: TableSchema, ctx: DiffContext): Operation[] {
  if (!ctx.comments || sameComment(target.comment, actual.comment)) return [];
  const existingComment = actual.comment || null;
  return target.comment
    ? [{ kind: "createTableComment", ...onTable(target), comment: target.comment, existingComment }]
    : [{ kind: "dropTableComment", ...onTable(target), existingComment }];
}

/**
 * A table collation or engine the model names and the database does not hold (MySQL), or another
 * row-level security, persistence (LOGGED/UNLOGGED) or storage parameters compared by meaning (PostgreSQL): an alterTableOptions, with the prior values so that it reverses. The table's character columns
 * are altered by name (compare-columns), since a table's default collation reaches only columns
 * added later. Not named in the model: whatever the database holds. A prior value nobody knows
 * (no database default reflected) cannot be reversed, so that one stays an unmanaged difference.
 */
function compareTableOptions(target: TableSchema, actual: TableSchema, ctx: DiffContext): Operation[] {
  const label = tableLabel(target);
  const written = ctx.written?.target(target);
  const collation = actual.collation ?? ctx.tableDefaults?.collation ?? null;
  const engine = actual.engine ?? ctx.tableDefaults?.engine ?? null;
  const change: Omit<AlterTableOptionsOp, "kind" | "table" | "schema"> = {};
  for (const [field, existingField, next, before] of [
    ["collation", "existingCollation", target.collation, collation],
    ["engine", "existingEngine", target.engine, engine],
  ] as const) {
    if (!next || next === before) continue;
    if (before === null) {
      ctx.unmanaged.push(`table ${label}: the model says ${field} ${next}, and the database's is not known, so the change could not be reversed: write it in a revision with op.alterTableOptions`);
      continue;
    }
    change[field] = written?.[field] ?? next;
    change[existingField] = before;
  }
  // Row-level security is always known on both sides: absent is disabled, in the model as in the database.
  const security = (t: TableSchema): RowLevelSecurity => t.rowLevelSecurity ?? "disabled";
  if (security(target) !== security(actual)) {
    change.rowLevelSecurity = security(target);
    change.existingRowLevelSecurity = security(actual);
  }
  // So are persistence (absent: logged) and storage parameters (absent: none, PostgreSQL's defaults).
  if (!!target.unlogged !== !!actual.unlogged) {
    change.unlogged = !!target.unlogged;
    change.existingUnlogged = !!actual.unlogged;
  }
  const storage = storageParameterChanges(target.storageParameters, actual.storageParameters, { of: "table" });
  if (Object.keys(storage).length > 0) {
    change.storageParameters = storage;
    change.existingStorageParameters = priorStorageParameters(storage, actual.storageParameters);
  }
  return Object.keys(change).length > 0 ? [{ kind: "alterTableOptions", ...onTable(target), ...change }] : [];
}

const squashed = (text: string | null | undefined): string | null => (text ? text.replace(/\s+/g, " ").trim() : null);

/**
 * Partitioning that differs: PostgreSQL cannot change a table's partition key, and moving a
 * partition (another parent or bound) means detaching and attaching it with its rows, so these
 * are unmanaged differences with the statement to write.
 */
function comparePartitioning(target: TableSchema, actual: TableSchema, ctx: DiffContext): void {
  const label = tableLabel(target);
  if (squashed(target.partitionBy) !== squashed(actual.partitionBy)) {
    ctx.unmanaged.push(`table ${label}: the model says ${target.partitionBy ? `PARTITION BY ${target.partitionBy}` : "not partitioned"}, the database holds ${actual.partitionBy ? `PARTITION BY ${actual.partitionBy}` : "a table that is not partitioned"}; a table's partitioning cannot be altered: create the new table, move the rows and swap them in a revision`);
  }
  const of = (t: TableSchema): string | null => (t.partitionOf ? `a partition of ${tableLabel({ schema: t.partitionOf.schema, name: t.partitionOf.table })} ${squashed(t.partitionOf.bound)}` : null);
  if (of(target) !== of(actual)) {
    ctx.unmanaged.push(`table ${label}: the model says ${of(target) ?? "not a partition"}, the database holds ${of(actual) ?? "a table that is not a partition"}; autogenerate does not move partitions: write op.execute("ALTER TABLE … DETACH PARTITION …") and "ATTACH PARTITION … FOR VALUES …" in a revision`);
  }
}

/**
 * Parents that differ (another list or order). Not altered: ALTER TABLE … NO INHERIT leaves the
 * parent's columns in the child as its own, and INHERIT needs the child to hold every parent
 * column already (and keeps them its own), so the child's own columns would no longer be what the
 * model says; the change, with the columns it moves, belongs in a revision written by hand.
 */
function compareInheritance(target: TableSchema, actual: TableSchema, ctx: DiffContext): void {
  const parents = (t: TableSchema): string => (t.inherits ?? []).map((p) => tableLabel({ schema: p.schema, name: p.table })).join(", ");
  const [wanted, held] = [parents(target), parents(actual)];
  if (wanted === held) return;
  ctx.unmanaged.push(
    `table ${tableLabel(target)}: the model says ${wanted ? `INHERITS (${wanted})` : "it inherits from no table"}, the database holds ${held ? `INHERITS (${held})` : "a table that inherits from none"}; ` +
      `autogenerate does not change a table's parents (NO INHERIT keeps the parent's columns in the table as its own, INHERIT needs them there already): ` +
      `write op.execute("ALTER TABLE … [NO] INHERIT …") in a revision, with the columns that become the table's own or stop being so`,
  );
}

function compareTable(target: TableSchema, actual: TableSchema, ctx: DiffContext): Operation[] {
  comparePartitioning(target, actual, ctx);
  compareInheritance(target, actual, ctx);
  // A partition's columns are its parent's: they change with the parent, never on their own.
  const columns = target.partitionOf && actual.partitionOf ? [] : compareColumns(target, actual, ctx);
  const keysAndIndexes = [...compareConstraints(target, actual, ctx.expressionKey), ...compareIndexes(target, actual, ctx.expressionKey)];
  return [
    ...compareTableOptions(target, actual, ctx),
    ...columns,
    ...keysAndIndexes,
    ...compareTableObjectComments(target, actual, keysAndIndexes, ctx),
    ...compareTableComment(target, actual, ctx),
  ];
}

function compareTables(target: DatabaseSchema, actual: DatabaseSchema, ctx: DiffContext): Operation[] {
  const ops: Operation[] = [];
  const actualByKey = new Map(actual.tables.map((t) => [refKey(t.schema, t.name), t]));
  const targetKeys = new Set(target.tables.map((t) => refKey(t.schema, t.name)));
  for (const table of target.tables) {
    const existing = actualByKey.get(refKey(table.schema, table.name));
    ops.push(...(existing ? compareTable(table, existing, ctx) : [{ kind: "createTable", table: writtenTable(ctx.written?.target(table), table) } as const]));
  }
  for (const table of actual.tables) {
    if (!targetKeys.has(refKey(table.schema, table.name))) ops.push({ kind: "dropTable", ...onTable(table), existing: writtenTable(ctx.written?.actual(table), table) });
  }
  return ops;
}

/**
 * The operations that turn `actual` (reflected) into `target` (the model), ordered, with
 * warnings for what autogenerate cannot decide safely. Zero operations means the database
 * matches the model.
 */
export function compareSchemas(model: DatabaseSchema, actual: DatabaseSchema, options: CompareOptions): CompareResult {
  // A model naming the current schema ("public") means what reflection reports as null.
  const target = options.capabilities.schemas ? foldCurrentSchema(model, actual) : model;
  const t = prepare(target, options);
  const a = prepare(actual, options);
  const written = { target: tableLookup(prepare(target, options, false)), actual: tableLookup(prepare(actual, options, false)) };
  const fold = options.foldExpression;
  const ctx: DiffContext = {
    namedEnums: options.capabilities.namedEnums,
    comments: options.capabilities.comments,
    indexCommentsInDefinition: options.capabilities.indexCommentsInDefinition ?? false,
    columnPositions: options.capabilities.columnPositions ?? false,
    expressionKey: (sql) => expressionKey(sql, fold),
    warnings: [],
    unmanaged: [],
    written,
    tableDefaults: a.tableDefaults,
    swapDefaults: new Set(),
  };
  const reversals: Reversals = new Map();
  const enumChanges = options.capabilities.namedEnums ? compareEnums(t, a, ctx, reversals) : [];
  const enumOps = options.capabilities.namedEnums ? [...enumChanges, ...compareEnumComments(t.enums, a.enums, enumChanges)] : [];
  // Schemas are read from the snapshots as given: the dialects' normalisation keeps tables and enums only.
  const schemaOps = options.capabilities.schemas ? compareNamespaces(target, actual, ctx.warnings) : [];
  const perTable = compareTables(t, a, ctx);
  // An index or check the table diff drops is not the swap's to take down and put back.
  const swapOps = leaveToTableDiff(enumOps, perTable);
  for (const [op, undo] of reversals) reversals.set(op, leaveToTableDiff(undo, perTable));
  const dependents = [
    ...(options.capabilities.foreignKeysHoldKeys ? keyDependentForeignKeys(perTable, t, a) : []),
    ...(options.capabilities.foreignKeysHoldColumnTypes ? typeDependentForeignKeys(perTable, t, a) : []),
  ];
  const tableOps = [...schemaOps, ...swapOps, ...perTable, ...dependents];
  // Objects compare by their definition text, which the dialects' table normalisation leaves alone.
  const objectOps = compareObjects(target.objects ?? [], actual.objects ?? [], tableOps, ctx.expressionKey);
  // A changed collation is dropped and created again: what uses it lets go of it around that.
  const swapped = collationSwaps([...tableOps, ...objectOps], t.tables, a.tables, actual.objects ?? []);
  ctx.unmanaged.push(...swapped.unmanaged);
  // A composite or range type change PostgreSQL would refuse where the type is used is named instead.
  const typeChanges = userTypeChanges(swapped.ops, a.tables, actual.objects ?? []);
  ctx.unmanaged.push(...typeChanges.unmanaged);
  const ops = typeChanges.ops;
  const renameHints = detectRenameHints(ops);
  const persistence = ops.some((op) => op.kind === "alterTableOptions" && op.unlogged !== undefined);
  const order = { forwardReferences: options.capabilities.forwardReferences, ...(persistence ? { persistenceRank: persistenceRanks(t.tables, a.tables) } : {}) };
  const ordered = orderOperations(ops, order);
  const operations = options.capabilities.alterColumn ? ordered : orderOperations(batchForRebuild(ordered), order);
  // What the database holds and the model cannot say is named, never passed over.
  for (const o of actual.unmanagedObjects ?? []) {
    const detail = o.detail ? ` (${o.detail.replace(/\s+/g, " ").trim()})` : "";
    ctx.unmanaged.push(`${unmanagedLabel(o)}${detail}: the database holds it and athanor does not manage ${unmanagedKinds(o.kind)}, so the model cannot say it; keep it with op.execute in a revision, or leave its table out (excludeTables)`);
  }
  return { operations, warnings: [...renameHints.map((h) => h.message), ...ctx.warnings], renameHints, reversals, unmanaged: ctx.unmanaged, ...(typeChanges.unmanaged.length > 0 ? { leftOut: typeChanges.unmanaged } : {}) };
}
