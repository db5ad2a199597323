/**
 * Differences of named enum types (PostgreSQL). New values are added in place, at their position
 * (`ADD VALUE … BEFORE/AFTER`); their downgrade swaps the type back (enum-swap.ts), since no
 * database removes an enum value in place. Removing or reordering values swaps the type too, with
 * a warning: rows holding a removed value make the conversion fail, and a value that looks
 * renamed gets the `op.renameEnumValue` to write instead — a rename is never guessed. Only an
 * enum used by an array column is left to a hand-written migration, as an unmanaged difference.
 */
import type { AddEnumValueOp, Operation } from "../operations/types.js";
import type { ColumnType, DatabaseSchema, EnumSchema } from "../catalog/types.js";
import { tableLabel } from "../catalog/types.js";
import { columnKey, refKey } from "./compare-context.js";
import { enumColumns, enumSwap } from "./enum-swap.js";

/** Operations whose reverse compare supplies, because reverse() alone cannot know it (the columns an enum swap converts). */
export type Reversals = Map<Operation, Operation[]>;

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(", ");

function usesEnum(type: ColumnType, key: string): boolean {
  if (type.kind === "enum") return refKey(type.schema, type.name) === key;
  return type.kind === "array" && usesEnum(type.of, key);
}

/** Columns ("table.column") of `actual` that use the enum and still exist in `target`. */
function columnsInUse(key: string, target: DatabaseSchema, actual: DatabaseSchema): string[] {
  const kept = new Set(target.tables.flatMap((t) => t.columns.map((c) => `${refKey(t.schema, t.name)}\u0000${c.name}`)));
  return actual.tables.flatMap((t) =>
    t.columns.filter((c) => usesEnum(c.type, key) && kept.has(`${refKey(t.schema, t.name)}\u0000${c.name}`)).map((c) => `${tableLabel(t)}.${c.name}`),
  );
}

/** The addEnumValue operations that add `target`'s missing values to `existing`, and the result. */
function additions(target: EnumSchema, existing: readonly string[]): { ops: AddEnumValueOp[]; values: string[] } {
  const current = [...existing];
  const ops: AddEnumValueOp[] = [];
  target.values.forEach((value, i) => {
    if (current.includes(value)) return;
    const op: AddEnumValueOp = { kind: "addEnumValue", ...(target.schema ? { schema: target.schema } : {}), name: target.name, value, existingValues: [...current] };
    const after = target.values.slice(0, i).reverse().find((v) => current.includes(v));
    const before = target.values.slice(i + 1).find((v) => current.includes(v));
    if (after !== undefined) {
      op.after = after;
      current.splice(current.indexOf(after) + 1, 0, value);
    } else if (before !== undefined) {
      op.before = before;
      current.splice(current.indexOf(before), 0, value);
    } else {
      current.push(value);
    }
    ops.push(op);
  });
  return { ops, values: current };
}

/** Where compare's messages go: warnings about operations, and differences left without one (CompareResult.unmanaged). */
export interface EnumNotes {
  warnings: string[];
  unmanaged: string[];
  /** Receives the columns (columnKey) whose default a swap sets to the model's, for the column diff to leave alone. */
  swapDefaults?: Set<string>;
}

function compareOne(target: EnumSchema, actual: EnumSchema, schemas: { target: DatabaseSchema; actual: DatabaseSchema }, notes: EnumNotes, reversals: Reversals): Operation[] {
  const { warnings } = notes;
  const added = additions(target, actual.values);
  const removed = actual.values.filter((v) => !target.values.includes(v));
  const reordered = added.values.filter((v) => target.values.includes(v)).join("\u0000") !== target.values.join("\u0000");
  const key = refKey(actual.schema, actual.name);
  // Columns the upgrade drops are gone before the swap (and not yet back when the downgrade swaps).
  const { direct, arrays } = enumColumns(schemas.actual.tables, key, schemas.target.tables);
  if (removed.length === 0 && !reordered) {
    // The downgrade of the additions swaps the type back to the values it had.
    if (added.ops.length > 0 && arrays.length === 0) {
      reversals.set(added.ops[0] as Operation, enumSwap({ ...actual, values: added.values }, actual.values, direct));
      for (const op of added.ops.slice(1)) reversals.set(op, []);
      warnings.push(`enum ${tableLabel(target)}: the downgrade removes ${quoted(added.ops.map((op) => op.value))} by swapping the type; rows holding ${added.ops.length > 1 ? "them" : "it"} then make the downgrade fail: update them first`);
    }
    return added.ops;
  }
  if (columnsInUse(key, schemas.target, schemas.actual).length === 0) {
    return [
      { kind: "dropEnum", ...(actual.schema ? { schema: actual.schema } : {}), name: actual.name, existing: actual },
      { kind: "createEnum", enum: target },
    ];
  }
  const what = [removed.length > 0 ? `values ${quoted(removed)} were removed` : "", reordered ? "its values were reordered" : ""].filter(Boolean).join(" and ");
  if (arrays.length > 0) {
    // Still a difference after the additions run: check fails on it until it is written by hand.
    notes.unmanaged.push(
      `enum ${tableLabel(target)}: ${what} in the model, but array columns use it (${arrays.join(", ")}) and an enum type cannot lose or reorder values in place; ` +
        `autogenerate only adds the new values. Write this change by hand: create a new type, convert the columns to it, drop the old type and rename the new one`,
    );
    return added.ops;
  }
  const columns = direct.map(({ table, column }) => `${tableLabel(table)}.${column.name}`).join(", ");
  warnings.push(
    `enum ${tableLabel(target)}: ${what}, so the type is swapped (${columns} convert through text)` +
      (removed.length > 0 ? `; rows holding ${quoted(removed)} make the upgrade fail: update them first` : ""),
  );
  const newValues = target.values.filter((v) => !actual.values.includes(v));
  if (removed.length === 1 && newValues.length === 1) {
    warnings.push(
      `enum ${tableLabel(target)}: if '${removed[0]}' was renamed to '${newValues[0]}', replace the swap with \`await op.renameEnumValue(${JSON.stringify(target.name)}, ${JSON.stringify(removed[0])}, ${JSON.stringify(newValues[0])});\`, which keeps the rows`,
    );
  }
  // Each column converts back with the model's default: the one it had may name a removed value.
  const targetTables = new Map(schemas.target.tables.map((t) => [refKey(t.schema, t.name), t]));
  const restoring = direct.map((c) => {
    const wanted = targetTables.get(refKey(c.table.schema, c.table.name))?.columns.find((col) => col.name === c.column.name);
    notes.swapDefaults?.add(columnKey(c.table, c.column.name));
    return { ...c, restoredDefault: wanted?.default ?? null };
  });
  return enumSwap(actual, target.values, restoring);
}

/**
 * Operations that turn `actual`'s enum types into `target`'s: createEnum, dropEnum (with the
 * type as it was), addEnumValue (with position and the previous values), a drop and create, or
 * a swap; `reversals` receives the downgrade of additions.
 */
export function compareEnums(target: DatabaseSchema, actual: DatabaseSchema, notes: EnumNotes, reversals: Reversals = new Map()): Operation[] {
  const ops: Operation[] = [];
  const actualByKey = new Map(actual.enums.map((e) => [refKey(e.schema, e.name), e]));
  const targetKeys = new Set(target.enums.map((e) => refKey(e.schema, e.name)));
  for (const e of target.enums) {
    const existing = actualByKey.get(refKey(e.schema, e.name));
    if (!existing) ops.push({ kind: "createEnum", enum: e });
    else ops.push(...compareOne(e, existing, { target, actual }, notes, reversals));
  }
  for (const e of actual.enums) {
    if (!targetKeys.has(refKey(e.schema, e.name))) ops.push({ kind: "dropEnum", ...(e.schema ? { schema: e.schema } : {}), name: e.name, existing: e });
  }
  return ops;
}
