/**
 * Dropping an index a foreign key needs. InnoDB keeps an index for every foreign key (its columns
 * leading, in order) and refuses to drop the only one that serves a key (errno 1553, "needed in a
 * foreign key constraint"), which is where a revision removing or changing such an index used to
 * stop halfway. So the keys that lean on the index are dropped first, and added back in the same
 * ALTER TABLE that drops the index: InnoDB then creates the key's own index (named after the key),
 * and drops that one again by itself once another index covers the key — so the way back (the
 * index created again) needs nothing extra, and reflection hides the key's own index meanwhile.
 *
 * The statements are decided from the table state the run tracks (compile never reads the
 * database); without it (offline, a table the run knows nothing of) the plain DROP INDEX is kept.
 */
import type { ForeignKeySchema, TableSchema } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { foreignKeyClause } from "./constraint-sql.js";
import { coverage, rememberedForeignKeyIndexes, visibleIndexes } from "./foreign-key-index.js";
import { quoteIdentifier } from "./quote.js";

const same = (a: string | null | undefined, b: string): boolean => a !== null && a !== undefined && a.toLowerCase() === b.toLowerCase();

/** The foreign keys of `table` that only the index (or unique key) `name` serves. */
export function keysNeedingIndex(table: TableSchema, name: string): ForeignKeySchema[] {
  const indexes = visibleIndexes(table);
  const dropped = indexes.find((i) => same(i.name, name));
  if (!dropped) return [];
  const others = indexes.filter((i) => i !== dropped);
  const own = rememberedForeignKeyIndexes(table);
  return table.foreignKeys.filter(
    (fk) =>
      coverage(dropped, fk.columns) !== "no" &&
      !others.some((i) => coverage(i, fk.columns) === "sure") &&
      // A key that has an index of its own (reflection saw it) does not lean on this one.
      !(fk.name && own?.has(fk.name)),
  );
}

/**
 * The statements that drop index `name` of `table` (`dropClause`: `DROP INDEX …`), with the keys
 * that need it dropped first and added back alongside the drop. `state` undefined: the plain drop.
 */
export function dropIndexStatements(tableSql: string, state: TableSchema | undefined, name: string, dropClause: string): Statement[] {
  const keys = state ? keysNeedingIndex(state, name).filter((fk) => fk.name) : [];
  if (keys.length === 0) return [{ sql: `ALTER TABLE ${tableSql} ${dropClause}` }];
  return [
    { sql: `ALTER TABLE ${tableSql} ${keys.map((fk) => `DROP FOREIGN KEY ${quoteIdentifier(fk.name as string)}`).join(", ")}` },
    { sql: `ALTER TABLE ${tableSql} ${[dropClause, ...keys.map((fk) => `ADD ${foreignKeyClause(fk, state?.name ?? "")}`)].join(", ")}` },
  ];
}
