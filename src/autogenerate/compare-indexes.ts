/**
 * Index differences of one table. Indexes match by name, and unnamed ones by definition; an
 * index whose definition changed is dropped and created again, since no database alters an
 * index's columns in place; one whose storage parameters alone changed is altered (PostgreSQL ALTER INDEX … SET).
 */
import type { Operation } from "../operations/types.js";
import type { IndexElement, IndexSchema, TableSchema } from "../catalog/types.js";
import { onTable } from "./compare-context.js";
import type { ExpressionKey } from "./compare-expressions.js";
import { matchObjects, sameColumns } from "./compare-match.js";
import { sameExpression } from "./compare-values.js";
import { priorStorageParameters, storageParameterChanges } from "../catalog/storage-parameters.js";

/** True when two elements keep their values the same way: order, NULLs, collation, operator class. */
function sameOptions(a: IndexElement, b: IndexElement): boolean {
  return (
    !!a.descending === !!b.descending &&
    (a.nulls ?? null) === (b.nulls ?? null) &&
    (a.collation ?? null) === (b.collation ?? null) &&
    (a.collationSchema ?? null) === (b.collationSchema ?? null) &&
    (a.opclass ?? null) === (b.opclass ?? null) &&
    (a.opclassSchema ?? null) === (b.opclassSchema ?? null)
  );
}

/**
 * The same prefix: equal lengths, or no length on one side where the other's is the prefix the
 * database chose itself for the whole column (`lengthImplied`, reflection's).
 */
function samePrefix(a: { length?: number; lengthImplied?: boolean }, b: { length?: number; lengthImplied?: boolean }): boolean {
  if ((a.length ?? null) === (b.length ?? null)) return true;
  return (a.length === undefined && !!b.lengthImplied) || (b.length === undefined && !!a.lengthImplied);
}

/** True when two index elements index the same column or expression the same way (an exclusion constraint's too). */
export function sameElement(a: IndexElement, b: IndexElement, key: ExpressionKey): boolean {
  if (!sameOptions(a, b)) return false;
  if ("column" in a && "column" in b) return a.column === b.column && samePrefix(a, b);
  if ("expression" in a && "expression" in b) return key(a.expression) === key(b.expression);
  return false;
}

/** True when two indexes index the same thing the same way (names aside). */
function sameIndex(a: IndexSchema, b: IndexSchema, key: ExpressionKey): boolean {
  return (
    a.unique === b.unique &&
    !!a.nullsNotDistinct === !!b.nullsNotDistinct &&
    sameColumns(a.include ?? [], b.include ?? []) &&
    a.elements.length === b.elements.length &&
    a.elements.every((element, i) => sameElement(element, b.elements[i]!, key)) &&
    sameExpression(a.where, b.where, key) &&
    (a.using?.toLowerCase() || null) === (b.using?.toLowerCase() || null)
  );
}

/**
 * An index that stays but whose storage parameters differ (by meaning): ALTER INDEX … SET/RESET
 * in place, named as the database names it, with the prior values so that it reverses.
 */
function storageChange(table: TableSchema, target: IndexSchema, actual: IndexSchema): Operation[] {
  const scope = { of: "index", using: actual.using } as const;
  const changes = storageParameterChanges(target.storageParameters, actual.storageParameters, scope);
  if (Object.keys(changes).length === 0) return [];
  return [{ kind: "alterIndexOptions", ...onTable(table), name: actual.name, ...(actual.using ? { using: actual.using } : {}), storageParameters: changes, existingStorageParameters: priorStorageParameters(changes, actual.storageParameters) }];
}

/** Operations that turn `actual`'s indexes into `target`'s (one table present on both sides). */
export function compareIndexes(target: TableSchema, actual: TableSchema, key: ExpressionKey): Operation[] {
  const match = matchObjects(target.indexes, actual.indexes, (a, b) => sameIndex(a, b, key));
  const drops = [...match.changed.map((p) => p.actual), ...match.removed];
  const creates = [...match.changed.map((p) => p.target), ...match.added];
  return [
    ...drops.map((index): Operation => ({ kind: "dropIndex", ...onTable(actual), name: index.name, existing: index })),
    ...creates.map((index): Operation => ({ kind: "createIndex", ...onTable(target), index })),
    ...match.same.flatMap((pair) => storageChange(target, pair.target, pair.actual)),
  ];
}
