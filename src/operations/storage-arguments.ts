/**
 * The storage-parameter arguments of op.alterTableOptions and op.alterIndexOptions, checked
 * against PostgreSQL's documented parameters when the revision loads: each name to a new value
 * (a number, a boolean, one of a parameter's words) or to null for RESET, kept as the catalog
 * keeps values (canonical text), so a hand-written revision fails before it touches a database.
 */
import {
  checkStorageParameterNames,
  checkStorageParameters,
  isStorageParameterProblem,
  type StorageParameterScope,
  type StorageParameterValue,
} from "../catalog/storage-parameters.js";
import { argumentError } from "./arguments.js";

/** Storage-parameter changes as a revision writes them: a value to SET, null to RESET. */
export type StorageParameterChanges = Readonly<Record<string, StorageParameterValue | null>>;

/** Changes checked: names lower-case, values canonical text, null kept (RESET). Undefined stays undefined. */
export function storageChangesArgument(value: unknown, scope: StorageParameterScope, what: string): Record<string, string | null> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw argumentError(`${what} is ${JSON.stringify(value)}.`, "Pass an object of storage parameters, each a value to set or null to reset, e.g. { fillfactor: 70, autovacuum_enabled: null }.");
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const names = entries.map(([name]) => name.trim().toLowerCase());
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw argumentError(`${what}: ${twice} is given twice.`, "Give each storage parameter once (names are not case-sensitive).");
  const set = Object.fromEntries(entries.filter(([, v]) => v !== null));
  const reset = entries.filter(([, v]) => v === null).map(([name]) => name);
  const checked = checkStorageParameters(set, scope, what);
  if (isStorageParameterProblem(checked)) throw argumentError(checked.message, checked.hint);
  const unknown = checkStorageParameterNames(reset, scope, what);
  if (unknown) throw argumentError(unknown.message, unknown.hint);
  // The order written is kept, so SET and RESET list the names as the revision does.
  return Object.fromEntries(entries.map(([name]) => {
    const key = name.trim().toLowerCase();
    return [key, checked[key] ?? null];
  }));
}

/** A boolean option (unlogged, existingUnlogged), checked. */
export function booleanArgument(value: unknown, what: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw argumentError(`${what} is ${JSON.stringify(value)}.`, "Pass true or false.");
  return value;
}
