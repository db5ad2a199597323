/**
 * Differences of named enum types (PostgreSQL). New values are added in place, at their position
 * (`ADD VALUE … BEFORE/AFTER`). Removing or reordering values has no in-place form: an enum that
 * no remaining column uses is dropped and created again, but one in use is left alone except for
 * its additions, and compare warns, because converting the columns needs a hand-written migration.
 */
import type { AddEnumValueOp, Operation } from "../operations/types.js";
import type { ColumnType, DatabaseSchema, EnumSchema } from "../catalog/types.js";
import { tableLabel } from "../catalog/types.js";
import { refKey } from "./compare-context.js";

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

function compareOne(target: EnumSchema, actual: EnumSchema, schemas: { target: DatabaseSchema; actual: DatabaseSchema }, warnings: string[]): Operation[] {
  const added = additions(target, actual.values);
  const removed = actual.values.filter((v) => !target.values.includes(v));
  const reordered = added.values.filter((v) => target.values.includes(v)).join("\u0000") !== target.values.join("\u0000");
  if (removed.length === 0 && !reordered) return added.ops;
  const inUse = columnsInUse(refKey(actual.schema, actual.name), schemas.target, schemas.actual);
  if (inUse.length === 0) {
    return [
      { kind: "dropEnum", ...(actual.schema ? { schema: actual.schema } : {}), name: actual.name, existing: actual },
      { kind: "createEnum", enum: target },
    ];
  }
  const what = [
    removed.length > 0 ? `values ${removed.map((v) => `'${v}'`).join(", ")} were removed` : "",
    reordered ? "its values were reordered" : "",
  ].filter(Boolean);
  warnings.push(
    `enum ${tableLabel(target)}: ${what.join(" and ")} in the model, but columns use it (${inUse.join(", ")}) and an enum type cannot lose or reorder values in place; ` +
      `autogenerate only added the new values. Write this change by hand: create a new type, convert the columns to it, drop the old type and rename the new one`,
  );
  return added.ops;
}

/**
 * Operations that turn `actual`'s enum types into `target`'s: createEnum, dropEnum (with the
 * type as it was), addEnumValue (with position and the previous values), or a drop and create.
 */
export function compareEnums(target: DatabaseSchema, actual: DatabaseSchema, warnings: string[]): Operation[] {
  const ops: Operation[] = [];
  const actualByKey = new Map(actual.enums.map((e) => [refKey(e.schema, e.name), e]));
  const targetKeys = new Set(target.enums.map((e) => refKey(e.schema, e.name)));
  for (const e of target.enums) {
    const existing = actualByKey.get(refKey(e.schema, e.name));
    if (!existing) ops.push({ kind: "createEnum", enum: e });
    else ops.push(...compareOne(e, existing, { target, actual }, warnings));
  }
  for (const e of actual.enums) {
    if (!targetKeys.has(refKey(e.schema, e.name))) ops.push({ kind: "dropEnum", ...(e.schema ? { schema: e.schema } : {}), name: e.name, existing: e });
  }
  return ops;
}
