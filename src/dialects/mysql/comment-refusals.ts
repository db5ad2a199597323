/**
 * What MySQL/MariaDB refuse of the model's comments, and what they offer instead: an index keeps
 * its comment (COMMENT '…' in its definition), a constraint or an enum type cannot. Refused both
 * where compare meets the model (autogenerate and check say it before a revision is written) and
 * where an operation is compiled (a hand-written revision).
 */
import type { DatabaseSchema } from "../../catalog/types.js";
import type { Operation } from "../../operations/types.js";
import { commentsWritten, refuseComment, refuseEnumComments, refuseTableComments } from "../object-comments.js";

const INSTEAD = {
  constraint: "MySQL keeps comments on tables, columns and indexes only, so put the note in the table's or a column's comment.",
  enum: "MySQL's enums are column types without a name of their own, so put the note in the comment of the columns that use it.",
} as const;

/** Refuses a constraint's or enum type's comment in a schema given to compare. */
export function refuseSchemaComments(schema: DatabaseSchema): void {
  refuseEnumComments("MySQL", schema.enums, INSTEAD.enum);
  refuseTableComments("MySQL", schema.tables, ["constraint"], INSTEAD.constraint);
}

/** Refuses a constraint's or enum type's comment that `op` would write (index comments MySQL keeps). */
export function refuseOperationComments(op: Operation): void {
  const refused = commentsWritten(op).find((c) => c.on !== "index");
  if (refused && refused.on !== "index") refuseComment("MySQL", refused, INSTEAD[refused.on]);
}
