/**
 * Dropping a foreign key, together with the index InnoDB created for it (see
 * foreign-key-index.ts). `DROP FOREIGN KEY` alone leaves that index behind, where reflection then
 * reports it as an ordinary index the model does not have, so the next check wants to drop it.
 *
 * - Table state from reflection says exactly which index is the key's: it is dropped in the same
 *   ALTER TABLE. Only an index named after the key, on exactly its columns, is ever dropped; an
 *   index the table shows (one the user created) never is.
 * - If another foreign key leans on that index (its columns lead it and no other index serves it)
 *   the server refuses to drop it. The index InnoDB would have made for that key is added in the
 *   same statement instead — named after it, on its columns — so every key keeps an index and
 *   reflection again hides exactly the keys' own.
 * - Table state not from reflection (tracked through earlier operations of the run) is read with
 *   inferForeignKeyIndex; where it cannot tell, only the key is dropped.
 * - Offline with no table state, `DROP INDEX IF EXISTS` drops the key's index if there is one.
 *   That is MariaDB syntax: MySQL 8 rejects it, so `--sql` scripts for MySQL 8 that drop a foreign
 *   key on a table the run did not create need that clause removed by hand. It cannot tell the
 *   key's index from one the user named after the key, and fails if another key leans on it.
 */
import type { DropConstraintOp } from "../../operations/types.js";
import type { ForeignKeySchema, TableSchema } from "../../catalog/types.js";
import type { CompileContext, Statement } from "../dialect.js";
import { quoteIdentifier, quoteTable } from "./quote.js";
import { columnList } from "./constraint-sql.js";
import { coverage, inferForeignKeyIndex, isPrefix, rememberedForeignKeyIndexes, visibleIndexes } from "./foreign-key-index.js";

/** What happens to the key's index besides dropping the key. */
type IndexPlan =
  | { kind: "keep" }
  | { kind: "drop" }
  | { kind: "dropIfExists" }
  /** Drop it and add the index another key needs in its place. */
  | { kind: "replace"; name: string; columns: readonly string[] };

/** The foreign keys other than `fk` that only the index `columns` serves. */
function keysLeaningOn(table: TableSchema, fk: ForeignKeySchema, columns: readonly string[], remembered: ReadonlyMap<string, readonly string[]>): ForeignKeySchema[] {
  const visible = visibleIndexes(table);
  const otherHidden = [...remembered].filter(([name]) => name !== fk.name).map(([, cols]) => cols);
  return table.foreignKeys.filter(
    (g) =>
      g.name !== fk.name &&
      isPrefix(g.columns, columns) &&
      !visible.some((i) => coverage(i, g.columns) === "sure") &&
      !otherHidden.some((cols) => isPrefix(g.columns, cols)),
  );
}

/** Decides what to do with the index of the foreign key `name`, given what is known of the table. */
function planIndex(state: TableSchema | undefined, name: string, offline: boolean): IndexPlan {
  if (!state) return offline ? { kind: "dropIfExists" } : { kind: "keep" };
  const fk = state.foreignKeys.find((k) => k.name === name);
  if (!fk) return { kind: "keep" };
  const remembered = rememberedForeignKeyIndexes(state);
  if (!remembered) {
    const own = inferForeignKeyIndex(state, fk);
    if (!own) return { kind: "keep" };
    // Whether another key leans on it (or has an index of its own) cannot be told without the catalog: leave it rather than fail.
    return keysLeaningOn(state, fk, own, new Map()).length > 0 ? { kind: "keep" } : { kind: "drop" };
  }
  const own = remembered.get(name);
  if (!own) return { kind: "keep" };
  const leaning = keysLeaningOn(state, fk, own, remembered);
  if (leaning.length === 0) return { kind: "drop" };
  // Their columns all lead `own`, so the longest serves every one of them.
  const widest = leaning.reduce((a, b) => (b.columns.length > a.columns.length ? b : a));
  const taken = visibleIndexes(state).some((i) => i.name === widest.name);
  return widest.name && !taken ? { kind: "replace", name: widest.name, columns: widest.columns } : { kind: "keep" };
}

/** `ALTER TABLE … DROP FOREIGN KEY …` plus whatever the key's index needs (see the module comment). */
export async function compileDropForeignKey(op: DropConstraintOp, ctx: CompileContext): Promise<Statement[]> {
  const ref = { schema: op.schema ?? null, name: op.table };
  const plan = planIndex(ctx.tableState(ref), op.name, ctx.offline);
  const key = quoteIdentifier(op.name);
  const clauses = [`DROP FOREIGN KEY ${key}`];
  if (plan.kind === "drop") clauses.push(`DROP INDEX ${key}`);
  if (plan.kind === "dropIfExists") clauses.push(`DROP INDEX IF EXISTS ${key}`);
  if (plan.kind === "replace") clauses.push(`DROP INDEX ${key}`, `ADD INDEX ${quoteIdentifier(plan.name)} ${columnList([...plan.columns])}`);
  return [{ sql: `ALTER TABLE ${quoteTable(ref)} ${clauses.join(", ")}` }];
}
