/**
 * The options of the sequence behind a serial or identity column, against the defaults its
 * integer type implies (the SQL standard's, which PostgreSQL follows): increment 1; an ascending
 * sequence runs from 1 to the type's maximum and starts at its minimum, a descending one from the
 * type's minimum to -1 and starts at its maximum; cache 1; no cycle. The catalog keeps only what
 * differs from these (`essentialSequenceOptions`), so a model that spells out a default and a
 * database that holds it compare equal, and `pull` writes only what was chosen.
 */
import type { ColumnSequenceOptions, ColumnType } from "./types.js";

/** Every option of a sequence, resolved. */
export interface ResolvedSequenceOptions {
  start: bigint;
  increment: bigint;
  minValue: bigint;
  maxValue: bigint;
  cache: bigint;
  cycle: boolean;
}

const TYPE_MAX: Record<string, bigint> = { smallint: 32767n, integer: 2147483647n, bigint: 9223372036854775807n };

/** The largest value of the column type a sequence counts for (bigint for anything else). */
function typeMax(type: ColumnType | undefined): bigint {
  return TYPE_MAX[type?.kind ?? "bigint"] ?? TYPE_MAX.bigint!;
}

/** Every option of the sequence, the absent ones filled with what `type` implies. */
export function resolveSequenceOptions(options: ColumnSequenceOptions | undefined, type: ColumnType | undefined): ResolvedSequenceOptions {
  const max = typeMax(type);
  const increment = BigInt(options?.increment ?? "1");
  const ascending = increment > 0n;
  const minValue = BigInt(options?.minValue ?? (ascending ? 1n : -max - 1n));
  const maxValue = BigInt(options?.maxValue ?? (ascending ? max : -1n));
  const start = BigInt(options?.start ?? (ascending ? minValue : maxValue));
  return { start, increment, minValue, maxValue, cache: BigInt(options?.cache ?? "1"), cycle: options?.cycle ?? false };
}

/** The options that differ from the defaults `type` implies; undefined when none do. */
export function essentialSequenceOptions(options: ColumnSequenceOptions | undefined, type: ColumnType | undefined): ColumnSequenceOptions | undefined {
  if (!options) return undefined;
  const resolved = resolveSequenceOptions(options, type);
  const defaults = resolveSequenceOptions({ increment: String(resolved.increment) }, type);
  const out: ColumnSequenceOptions = {};
  if (resolved.start !== defaults.start) out.start = String(resolved.start);
  if (resolved.increment !== 1n) out.increment = String(resolved.increment);
  if (resolved.minValue !== defaults.minValue) out.minValue = String(resolved.minValue);
  if (resolved.maxValue !== defaults.maxValue) out.maxValue = String(resolved.maxValue);
  if (resolved.cache !== 1n) out.cache = String(resolved.cache);
  if (resolved.cycle) out.cycle = true;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Option values as a model or a revision may write them: numbers, bigints or decimal strings. */
export interface SequenceOptionsInput {
  start?: number | bigint | string;
  increment?: number | bigint | string;
  minValue?: number | bigint | string;
  maxValue?: number | bigint | string;
  cache?: number | bigint | string;
  cycle?: boolean;
}

const NUMERIC_KEYS = ["start", "increment", "minValue", "maxValue", "cache"] as const;

/**
 * The catalog form of written options (decimal strings), or an error message naming the first
 * option that is not a whole number; undefined for no options.
 */
export function sequenceOptionsFromInput(input: SequenceOptionsInput | undefined): ColumnSequenceOptions | string | undefined {
  if (input === undefined) return undefined;
  const out: ColumnSequenceOptions = {};
  for (const key of NUMERIC_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    const text = String(value).trim();
    if (!/^-?\d+$/.test(text) || (typeof value === "number" && !Number.isSafeInteger(value))) return `${key} ${String(value)} is not a whole number`;
    out[key] = String(BigInt(text));
  }
  if (input.cycle !== undefined) {
    if (typeof input.cycle !== "boolean") return `cycle ${String(input.cycle)} is not true or false`;
    if (input.cycle) out.cycle = true;
  }
  if (out.increment === "0") return "increment 0 is not allowed";
  return Object.keys(out).length > 0 ? out : undefined;
}
