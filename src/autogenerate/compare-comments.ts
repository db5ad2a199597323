/**
 * Comments on indexes, constraints and enum types that differ while what they comment stays the
 * same. PostgreSQL changes one in place (setComment: COMMENT ON … IS …, its reverse the previous
 * comment); MySQL/MariaDB keep an index's comment in its definition and have no statement that
 * changes it alone, so there the index is dropped and created again, with a warning that says
 * so in the revision. An object dropped and created anyway gets its comment with the creation.
 */
import type { EnumSchema, TableSchema } from "../catalog/types.js";
import { tableConstraints, tableLabel } from "../catalog/types.js";
import type { CommentedKind, Operation, SetCommentOp } from "../operations/types.js";
import { onTable, refKey, type DiffContext } from "./compare-context.js";
import { sameComment } from "./compare-values.js";

type Commentable = { name?: string | null; comment?: string | null };

/** The setComment that turns `actual`'s comment into `target`'s, on the object named `name`. */
function setComment(on: CommentedKind, where: { schema?: string | null; table?: string }, name: string, target: Commentable, actual: Commentable): SetCommentOp {
  return { kind: "setComment", on, ...where, name, comment: target.comment || null, existingComment: actual.comment || null };
}

/** Pairs of same-named objects, both named, whose comments differ. */
function recommented<T extends Commentable>(target: readonly T[], actual: readonly T[], skip: ReadonlySet<string>): { target: T; actual: T; name: string }[] {
  const byName = new Map(actual.filter((a) => a.name).map((a) => [a.name as string, a]));
  return target.flatMap((t) => {
    const a = t.name ? byName.get(t.name) : undefined;
    return a && !skip.has(t.name as string) && !sameComment(t.comment, a.comment) ? [{ target: t, actual: a, name: t.name as string }] : [];
  });
}

/** The names of the indexes and constraints `ops` drop (and so create again with their comment). */
function recreated(ops: readonly Operation[]): { indexes: Set<string>; constraints: Set<string> } {
  const indexes = new Set<string>();
  const constraints = new Set<string>();
  for (const op of ops) {
    if (op.kind === "dropIndex") indexes.add(op.name);
    else if (op.kind === "dropConstraint") constraints.add(op.name);
    else if (op.kind === "replacePrimaryKey" && op.existing.name) constraints.add(op.existing.name);
  }
  return { indexes, constraints };
}

/**
 * The comment changes of one table's indexes and constraints, given the operations its diff
 * already holds (`ops`: what they drop is created again with the model's comment).
 */
export function compareTableObjectComments(target: TableSchema, actual: TableSchema, ops: readonly Operation[], ctx: DiffContext): Operation[] {
  const skip = recreated(ops);
  const where = onTable(target);
  const out: Operation[] = [];
  // A primary key is named by the database when the model leaves it to the convention: it is the table's one key either way.
  const pk = target.primaryKey && actual.primaryKey && actual.primaryKey.name && !skip.constraints.has(actual.primaryKey.name) ? { t: target.primaryKey, a: actual.primaryKey } : null;
  if (pk && !sameComment(pk.t.comment, pk.a.comment)) out.push(setComment("constraint", where, pk.a.name as string, pk.t, pk.a));
  const others = (t: TableSchema): Commentable[] => tableConstraints(t).filter((c) => c !== t.primaryKey);
  for (const pair of recommented(others(target), others(actual), skip.constraints)) out.push(setComment("constraint", where, pair.name, pair.target, pair.actual));
  for (const pair of recommented(target.indexes, actual.indexes, skip.indexes)) {
    if (!ctx.indexCommentsInDefinition) {
      out.push(setComment("index", where, pair.name, pair.target, pair.actual));
      continue;
    }
    const index = target.indexes.find((i) => i.name === pair.name)!;
    const existing = actual.indexes.find((i) => i.name === pair.name)!;
    out.push({ kind: "dropIndex", ...where, name: existing.name, existing }, { kind: "createIndex", ...where, index });
    ctx.warnings.push(`index ${pair.name} on ${tableLabel(target)}: its comment is part of its definition and cannot be changed in place, so the revision drops the index and creates it again with the new comment`);
  }
  return out;
}

/**
 * The comment changes of enum types present on both sides; a type `enumOps` creates again (a
 * swap of its values) gets the model's comment with its creation.
 */
export function compareEnumComments(target: readonly EnumSchema[], actual: readonly EnumSchema[], enumOps: readonly Operation[]): Operation[] {
  const byKey = new Map(actual.map((e) => [refKey(e.schema, e.name), e]));
  const created = new Set(enumOps.flatMap((op) => (op.kind === "createEnum" ? [refKey(op.enum.schema, op.enum.name)] : [])));
  return target.flatMap((e): Operation[] => {
    const existing = byKey.get(refKey(e.schema, e.name));
    return existing && !created.has(refKey(e.schema, e.name)) && !sameComment(e.comment, existing.comment) ? [setComment("enum", e.schema ? { schema: e.schema } : {}, e.name, e, existing)] : [];
  });
}
