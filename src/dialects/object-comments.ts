/**
 * The refusals of comments on indexes, constraints and enum types by a database that cannot keep
 * them (MySQL/MariaDB have no constraint comments and no enum types; SQLite keeps no comments at
 * all): one message per kind, naming what carries the comment, so every dialect says it the
 * same way and only the alternative differs.
 */
import { UnsupportedOperationError } from "../errors.js";
import { tableConstraints, type EnumSchema, type TableSchema } from "../catalog/types.js";
import type { CommentedKind, Operation } from "../operations/types.js";

/** What carries the comment: its kind, its name (null: unnamed) and, for an index or constraint, its table. */
export interface CommentedObject {
  on: CommentedKind;
  name: string | null | undefined;
  table?: string;
}

/** What to do instead on SQLite, which keeps no comments at all. */
export const NO_COMMENTS = "SQLite stores no comments, so keep the note as a code comment in schema.ts.";

const WHERE_WRITTEN: Record<CommentedKind, string> = {
  index: "index(...)",
  constraint: "the constraint (unique, check, foreignKey, .references, primaryKey or exclude)",
  enum: "enumType(...)",
};

/** "index", "constraint", "enum type": what a kind is called in messages. */
const kindWord = (on: CommentedKind): string => (on === "enum" ? "enum type" : on);

/** "index ix_orders_placed on orders", "enum type status": for messages. */
export function commentedLabel(target: CommentedObject): string {
  return `${kindWord(target.on)} ${target.name ?? "(unnamed)"}${target.table === undefined ? "" : ` on ${target.table}`}`;
}

/** Refuses the comment on `target`; `instead` says what the database offers in its place. */
export function refuseComment(database: string, target: CommentedObject, instead: string): never {
  throw new UnsupportedOperationError(`${database} keeps no ${kindWord(target.on)} comments (the comment on ${commentedLabel(target)}).`, {
    hint: `Remove comment from ${WHERE_WRITTEN[target.on]} for ${database}; ${instead}`,
  });
}

type Commentable = { name?: string | null; comment?: string | null };

/** The commented constraints and indexes of a table, as CommentedObjects. */
function tableComments(table: TableSchema): CommentedObject[] {
  return [
    ...tableConstraints(table).filter((c) => c.comment).map((c): CommentedObject => ({ on: "constraint", name: c.name, table: table.name })),
    ...table.indexes.filter((i) => i.comment).map((i): CommentedObject => ({ on: "index", name: i.name, table: table.name })),
  ];
}

/**
 * Every index, constraint and enum comment `op` would write: the ones its new table, index,
 * constraint or enum carries, and a setComment's own (a batch's operations included), so that a
 * dialect that cannot keep them refuses before compiling anything.
 */
export function commentsWritten(op: Operation): CommentedObject[] {
  const constraint = (table: string, c: Commentable): CommentedObject[] => (c.comment ? [{ on: "constraint", name: c.name, table }] : []);
  switch (op.kind) {
    case "createTable":
      return tableComments(op.table);
    case "createIndex":
      return op.index.comment ? [{ on: "index", name: op.index.name, table: op.table }] : [];
    case "createPrimaryKey":
    case "replacePrimaryKey":
    case "createForeignKey":
    case "createUniqueConstraint":
    case "createCheckConstraint":
    case "createExclusionConstraint":
      return constraint(op.table, op.constraint);
    case "createEnum":
      return op.enum.comment ? [{ on: "enum", name: op.enum.name }] : [];
    case "setComment":
      return [{ on: op.on, name: op.name, ...(op.table === undefined ? {} : { table: op.table }) }];
    case "batchAlterTable":
      return op.operations.flatMap((inner) => commentsWritten({ ...inner, table: op.table } as Operation));
    default:
      return [];
  }
}

/**
 * Refuses the first commented enum type of `schema`, for a database without enum types of its own
 * (its normalisation leaves the enums out, which would drop the comment without a word).
 */
export function refuseEnumComments(database: string, enums: readonly EnumSchema[], instead: string): void {
  const commented = enums.find((e) => e.comment);
  if (commented) refuseComment(database, { on: "enum", name: commented.name }, instead);
}

/**
 * Refuses the first comment of `kinds` on a table of `tables`, at comparison time, so that
 * autogenerate and check say it before any revision is written (a model's comments reach the
 * dialect's normalisation; a reflected database of this dialect never holds them).
 */
export function refuseTableComments(database: string, tables: readonly TableSchema[], kinds: readonly CommentedKind[], instead: string): void {
  for (const table of tables) {
    const refused = tableComments(table).find((c) => kinds.includes(c.on));
    if (refused) refuseComment(database, refused, instead);
  }
}
