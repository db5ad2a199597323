/**
 * PostgreSQL storage parameters and persistence in SQL: the `WITH (…)` of CREATE TABLE and
 * CREATE INDEX, `SET (…)` / `RESET (…)` of ALTER TABLE and ALTER INDEX, and SET LOGGED /
 * SET UNLOGGED. Every name and value is checked against PostgreSQL's documented parameters
 * again here (a revision may have been edited by hand), so what reaches the SQL is a known name,
 * quoted as an identifier (`"toast"."autovacuum_enabled"`), and a number, a boolean or one of a
 * parameter's words: never text a user wrote.
 */
import { UnsupportedOperationError } from "../../errors.js";
import { checkStorageParameterNames, checkStorageParameters, isStorageParameterProblem, type StorageParameterScope } from "../../catalog/storage-parameters.js";
import type { TableRef } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";

/** A parameter's name quoted: `"fillfactor"`, `"toast"."autovacuum_enabled"`. */
function parameterName(name: string): string {
  return name.split(".").map(quoteIdentifier).join(".");
}

/**
 * A checked value as SQL: a number or a word (`false`, `off`, `auto`) bare, as one writes them;
 * anything else, which checking lets through only for a name athanor does not know, a literal.
 */
function parameterValue(value: string): string {
  return /^([a-z]+|[+-]?[\d.]+([eE][+-]?\d+)?)$/.test(value) ? value : quoteLiteral(value);
}

/** The parameters checked and canonical, or an UnsupportedOperationError naming `what`. */
function checked(parameters: Record<string, string>, scope: StorageParameterScope, what: string): Record<string, string> {
  const result = checkStorageParameters(parameters, scope, what);
  if (isStorageParameterProblem(result)) throw new UnsupportedOperationError(result.message, { hint: result.hint });
  return result;
}

/** `name = value, …` of checked parameters, in the order given. */
function assignments(parameters: Record<string, string>, scope: StorageParameterScope, what: string): string {
  return Object.entries(checked(parameters, scope, what))
    .map(([name, value]) => `${parameterName(name)} = ${parameterValue(value)}`)
    .join(", ");
}

/** ` WITH (…)` for CREATE TABLE / CREATE INDEX, or "" for no parameters. */
export function withClause(parameters: Record<string, string> | undefined, scope: StorageParameterScope, what: string): string {
  if (!parameters || Object.keys(parameters).length === 0) return "";
  return ` WITH (${assignments(parameters, scope, what)})`;
}

/**
 * The actions that apply `changes` (a value: SET; null: RESET): `SET (…)` and `RESET (…)`,
 * for one ALTER TABLE or ALTER INDEX.
 */
export function storageParameterActions(changes: Record<string, string | null>, scope: StorageParameterScope, what: string): string[] {
  const set = Object.fromEntries(Object.entries(changes).filter((e): e is [string, string] => e[1] !== null));
  const reset = Object.keys(changes).filter((name) => changes[name] === null);
  // RESET names are checked too: an unknown one would fail on the server.
  const unknown = checkStorageParameterNames(reset, scope, what);
  if (unknown) throw new UnsupportedOperationError(unknown.message, { hint: unknown.hint });
  const actions: string[] = [];
  if (Object.keys(set).length > 0) actions.push(`SET (${assignments(set, scope, what)})`);
  if (reset.length > 0) actions.push(`RESET (${reset.map((name) => parameterName(name.toLowerCase())).join(", ")})`);
  return actions;
}

/** `ALTER TABLE t SET LOGGED` / `SET UNLOGGED`. */
export function persistenceStatement(table: TableRef, unlogged: boolean): Statement {
  return { sql: `ALTER TABLE ${quoteTable(table)} SET ${unlogged ? "UNLOGGED" : "LOGGED"}` };
}
