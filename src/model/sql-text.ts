/**
 * DDL cannot bind values: defaults, CHECK conditions, index expressions and generated-column
 * expressions are written into the statement itself. These helpers turn the `sql` fragments a
 * user writes in those places into plain text, refusing fragments that carry bound values
 * (splicing them would defeat the point of binding).
 */
import { MigrateError } from "../errors.js";
import { isSqlFragment, type SqlFragment } from "../core/sql.js";

/** SQL written as plain text or as an `sql` fragment without interpolated values. */
export type SqlText = string | SqlFragment;

/**
 * The text of a DDL expression. `what` names the place ("default of users.created_at") so the
 * error says where the offending fragment was written.
 */
export function sqlTextOf(value: SqlText, what: string): string {
  if (!isSqlFragment(value)) return value;
  if (value.values.length > 0) {
    throw new MigrateError("model", `The SQL for ${what} interpolates ${value.values.length} value(s), but DDL cannot bind values.`, {
      hint: "Write the expression as literal SQL text (sql`now()` or a plain string); only data statements such as op.execute can bind ${…} values.",
    });
  }
  return value.strings.join("");
}
