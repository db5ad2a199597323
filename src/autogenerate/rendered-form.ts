/**
 * What a generated revision file writes for an operation. The in-memory operations that compare
 * produces carry the whole prior state of everything they drop (`existing`), because
 * autogenerate derives the downgrade from them. Once the downgrade is written as its own calls,
 * that state has no reader: no dialect needs a dropped table's, column's, index's or enum's old
 * definition to drop it (SQLite rebuilds from the table state the runtime tracks). So, as a
 * careful engineer would, the file writes `op.dropTable("posts")` and leaves the definition to
 * the downgrade's `op.createTable` (and a dropped column's place to the downgrade's
 * `op.addColumn(…, { after })`). The one prior state kept is an unnamed constraint's
 * definition: SQLite finds a constraint without a name only by what it says.
 */
import type { Operation } from "../operations/types.js";

/** `op` without the prior state that only reversing it would read. */
export function renderedForm(op: Operation): Operation {
  switch (op.kind) {
    case "dropColumn": {
      const { existing: _unused, existingPosition: _where, ...rest } = op;
      return rest;
    }
    case "dropTable":
    case "dropIndex":
    case "dropEnum":
    case "validateConstraint": {
      const { existing: _unused, ...rest } = op;
      return rest;
    }
    case "dropConstraint": {
      if (!op.existing || !op.existing.constraint.name) return op;
      const { existing: _unused, ...rest } = op;
      return rest;
    }
    case "batchAlterTable":
      return { ...op, operations: op.operations.map((inner) => renderedForm(inner) as typeof inner) };
    default:
      return op;
  }
}
