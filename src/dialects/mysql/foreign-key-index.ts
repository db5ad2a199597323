/**
 * The index InnoDB keeps for a foreign key. A foreign key needs an index whose leading columns are
 * its own, in order; when none exists as the key is created, InnoDB creates one named after the
 * key (and drops it again, silently, once another index covers the key). Reflection hides that
 * index while the key exists — it belongs to the key, not to the model — and records it here,
 * keyed by the TableSchema object it returned, so that dropping the key can drop it too instead
 * of leaving an index nobody declared.
 */
import type { ForeignKeySchema, IndexElement, TableSchema } from "../../catalog/types.js";

/** Per reflected table: foreign key name → the columns of the hidden index named after it. */
const hidden = new WeakMap<TableSchema, ReadonlyMap<string, readonly string[]>>();

/** Records the foreign-key indexes reflection left out of `table` (an empty map: there were none). */
export function rememberForeignKeyIndexes(table: TableSchema, indexes: ReadonlyMap<string, readonly string[]>): void {
  hidden.set(table, indexes);
}

/**
 * The foreign-key indexes recorded for this exact TableSchema object, or undefined when it did
 * not come from reflection (a table tracked through earlier operations, or built from a model).
 */
export function rememberedForeignKeyIndexes(table: TableSchema): ReadonlyMap<string, readonly string[]> | undefined {
  return hidden.get(table);
}

/** An index of a table as far as backing a foreign key goes. */
export interface KeyIndex {
  name: string | null;
  elements: readonly IndexElement[];
  using: string | null;
}

/**
 * Whether InnoDB can use `index` for a foreign key on `columns`: "sure" when they are its leading
 * plain columns, in order; "maybe" when a leading column is descending or the method is HASH
 * (servers differ on those); "no" otherwise (prefix lengths, expressions, FULLTEXT/SPATIAL).
 */
export function coverage(index: KeyIndex, columns: readonly string[]): "sure" | "maybe" | "no" {
  const method = index.using?.toLowerCase() ?? null;
  if (method === "fulltext" || method === "spatial" || columns.length === 0 || columns.length > index.elements.length) return "no";
  let sure = method === null || method === "btree";
  for (const [i, column] of columns.entries()) {
    const element = index.elements[i];
    if (!element || !("column" in element) || element.column !== column || element.length !== undefined) return "no";
    if (element.descending) sure = false;
  }
  return sure ? "sure" : "maybe";
}

/** The indexes a table shows (primary key, unique constraints, indexes); hidden foreign-key indexes are not among them. */
export function visibleIndexes(table: TableSchema): KeyIndex[] {
  const plain = (columns: string[]) => columns.map((column) => ({ column }));
  const found: KeyIndex[] = [];
  if (table.primaryKey && table.primaryKey.columns.length > 0) found.push({ name: "PRIMARY", elements: plain(table.primaryKey.columns), using: null });
  for (const u of table.uniques) found.push({ name: u.name ?? null, elements: plain(u.columns), using: null });
  for (const i of table.indexes) found.push({ name: i.name, elements: i.elements, using: i.using ?? null });
  return found;
}

/** True when `prefix` is the start of `columns`. */
export function isPrefix(prefix: readonly string[], columns: readonly string[]): boolean {
  return prefix.length > 0 && prefix.length <= columns.length && prefix.every((c, i) => c === columns[i]);
}

/**
 * The columns of the index named after `fk` that InnoDB holds for it, worked out from a table
 * definition alone (one not from reflection), or undefined when there is none or it cannot be
 * told. Every foreign key has an index; when no index the table shows can serve it and no other
 * key could be sharing one, the only possibility is the key's own. An index the table shows under
 * the key's name is the user's (the server would not have created a second one of that name).
 */
export function inferForeignKeyIndex(table: TableSchema, fk: ForeignKeySchema): readonly string[] | undefined {
  const visible = visibleIndexes(table);
  if (visible.some((i) => i.name === fk.name)) return undefined;
  if (visible.some((i) => coverage(i, fk.columns) !== "no")) return undefined;
  // Another key on the same leading columns may own the index this one uses, or the other way round.
  if (table.foreignKeys.some((g) => g.name !== fk.name && isPrefix(fk.columns, g.columns))) return undefined;
  return fk.columns;
}
