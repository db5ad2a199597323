/**
 * The compare engine of autogenerate: the model's schema (target) against the reflected one
 * (actual), both first put through the dialect's normalisation so that each says what the
 * database would really store. Pure: no database, no I/O. The result is the upgrade, in an order
 * the database accepts; the downgrade is its reverse(), which works because every drop and alter
 * carries the prior state.
 */
import type { Dialect, DialectCapabilities } from "../dialects/dialect.js";
import type { Operation } from "../operations/types.js";
import { tableLabel, unmanagedLabel, type DatabaseSchema, type TableRef, type TableSchema } from "../catalog/types.js";
import { batchForRebuild } from "./compare-batch.js";
import { compareColumns } from "./compare-columns.js";
import { compareConstraints } from "./compare-constraints.js";
import { onTable, refKey, writtenTable, type DiffContext } from "./compare-context.js";
import { compareEnums, type Reversals } from "./compare-enums.js";
import { compareObjects } from "./compare-objects.js";
import { compareNamespaces, foldCurrentSchema } from "./compare-namespaces.js";
import { expressionKey } from "./compare-expressions.js";
import { compareIndexes } from "./compare-indexes.js";
import { sameComment } from "./compare-values.js";
import { orderOperations } from "./order.js";
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
 * A table collation or engine the model names and the database does not hold: autogenerate does
 * not change these (a collation change converts every row), so it is an unmanaged difference,
 * which check reports and fails on. Not named in the model: whatever the database holds.
 */
function compareTableOptions(target: TableSchema, actual: TableSchema, ctx: DiffContext): void {
  const label = tableLabel(target);
  const collation = actual.collation ?? ctx.tableDefaults?.collation ?? null;
  const engine = actual.engine ?? ctx.tableDefaults?.engine ?? null;
  if (target.collation && target.collation !== collation) {
    ctx.unmanaged.push(`table ${label}: the model says collation ${target.collation}, the database holds ${collation ?? "its default"}; autogenerate does not change table collations (that converts every row): write op.execute("ALTER TABLE … CONVERT TO CHARACTER SET … COLLATE …") in a revision`);
  }
  if (target.engine && target.engine !== engine) {
    ctx.unmanaged.push(`table ${label}: the model says engine ${target.engine}, the database holds ${engine ?? "its default"}; autogenerate does not change engines: write op.execute("ALTER TABLE … ENGINE=…") in a revision`);
  }
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

function compareTable(target: TableSchema, actual: TableSchema, ctx: DiffContext): Operation[] {
  compareTableOptions(target, actual, ctx);
  comparePartitioning(target, actual, ctx);
  // A partition's columns are its parent's: they change with the parent, never on their own.
  const columns = target.partitionOf && actual.partitionOf ? [] : compareColumns(target, actual, ctx);
  return [...columns, ...compareConstraints(target, actual, ctx.expressionKey), ...compareIndexes(target, actual, ctx.expressionKey), ...compareTableComment(target, actual, ctx)];
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
    expressionKey: (sql) => expressionKey(sql, fold),
    warnings: [],
    unmanaged: [],
    written,
    tableDefaults: a.tableDefaults,
  };
  const reversals: Reversals = new Map();
  const enumOps = options.capabilities.namedEnums ? compareEnums(t, a, ctx.warnings, reversals) : [];
  // Schemas are read from the snapshots as given: the dialects' normalisation keeps tables and enums only.
  const schemaOps = options.capabilities.schemas ? compareNamespaces(target, actual, ctx.warnings) : [];
  const tableOps = [...schemaOps, ...enumOps, ...compareTables(t, a, ctx)];
  // Objects compare by their definition text, which the dialects' table normalisation leaves alone.
  const ops = [...tableOps, ...compareObjects(target.objects ?? [], actual.objects ?? [], tableOps)];
  const renameHints = detectRenameHints(ops);
  const order = { forwardReferences: options.capabilities.forwardReferences };
  const ordered = orderOperations(ops, order);
  const operations = options.capabilities.alterColumn ? ordered : orderOperations(batchForRebuild(ordered), order);
  // What the database holds and the model cannot say is named, never passed over.
  for (const o of actual.unmanagedObjects ?? []) {
    ctx.unmanaged.push(`${unmanagedLabel(o)}: the database holds it and athanor does not manage ${o.kind === "inheritance" ? "table inheritance" : `${o.kind}s`}, so the model cannot say it; keep it with op.execute in a revision`);
  }
  return { operations, warnings: [...renameHints.map((h) => h.message), ...ctx.warnings], renameHints, reversals, unmanaged: ctx.unmanaged };
}
