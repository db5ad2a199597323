/**
 * MariaDB cuts a key part that does not fit in a key (`KEY (body)` on a TEXT column, or on a long
 * VARCHAR) to the longest prefix the engine allows, with only a note: STATISTICS.SUB_PART then
 * says 768 where the model says nothing. Reflection keeps that length (pull writes it, and it
 * creates the same index on MySQL too) and marks it `lengthImplied`, so that compare matches it
 * with an element naming the whole column: both hold the same index.
 */
import type { IndexSchema } from "../../catalog/types.js";

/** The longest key, in bytes, MariaDB cuts a key part to, per engine (as the server does it: 768 utf8mb4 characters on InnoDB). */
const MAX_KEY_BYTES: Record<string, number> = { innodb: 3072, myisam: 1000, aria: 2300 };

/** What the cut depends on for one table. */
export interface PrefixContext {
  engine: string | null;
  /** InnoDB's COMPACT and REDUNDANT row formats refuse an over-long key part instead of cutting it. */
  rowFormat: string | null;
  /** Bytes per character of each character column (CHARACTER_SETS.MAXLEN); 1 for binary columns. */
  bytesPerChar: ReadonlyMap<string, number>;
}

/** The prefix MariaDB gives a key part on `column` that does not fit, or undefined when it cuts none. */
function cutLength(column: string, ctx: PrefixContext): number | undefined {
  const engine = ctx.engine?.toLowerCase() ?? "";
  const maxBytes = MAX_KEY_BYTES[engine];
  if (maxBytes === undefined) return undefined;
  if (engine === "innodb" && /^(compact|redundant)$/i.test(ctx.rowFormat ?? "")) return undefined;
  const perChar = ctx.bytesPerChar.get(column);
  return perChar ? Math.floor(maxBytes / perChar) : undefined;
}

/** Marks each column element whose prefix is the one MariaDB chose itself (see the module comment). */
export function markImpliedPrefixes(indexes: IndexSchema[], ctx: PrefixContext): void {
  for (const index of indexes) {
    for (const element of index.elements) {
      if (!("column" in element) || element.length === undefined) continue;
      if (element.length === cutLength(element.column, ctx)) element.lengthImplied = true;
    }
  }
}
