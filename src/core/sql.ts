/**
 * The `sql` tagged template: SQL text whose interpolated values are bound, never spliced.
 * ``sql`UPDATE users SET active = ${flag} WHERE id = ${id}` `` keeps the text pieces and the
 * values apart; each dialect joins the pieces with its own placeholders ($1 or ?).
 */

/** SQL text split around bound values: `strings.length === values.length + 1`. */
export interface SqlFragment {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

/** Tagged template that builds a SqlFragment. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return { strings: [...strings], values };
}

/** A plain SQL string as a fragment with no values. */
export function rawSql(text: string): SqlFragment {
  return { strings: [text], values: [] };
}

/** True for a SqlFragment (as opposed to a plain string). */
export function isSqlFragment(value: unknown): value is SqlFragment {
  return typeof value === "object" && value !== null && Array.isArray((value as SqlFragment).strings) && Array.isArray((value as SqlFragment).values);
}

/** Joins a fragment's pieces with placeholders produced by `placeholder(n)` (1-based). */
export function joinFragment(fragment: SqlFragment, placeholder: (index: number) => string): { sql: string; params: unknown[] } {
  let text = fragment.strings[0] ?? "";
  for (let i = 1; i < fragment.strings.length; i++) text += placeholder(i) + fragment.strings[i];
  return { sql: text, params: [...fragment.values] };
}
