/** The error `current --strict` and `check --strict` raise for applied revision files edited since they ran. */
import { MigrateError } from "../errors.js";
import type { ChangedRevision } from "../runtime/changed-revisions.js";

/** The error for applied revision files that changed since they were applied (`--strict`). */
export function changedError(changed: ChangedRevision[]): MigrateError {
  const list = changed.map((c) => `  ${c.revision} (${c.path})`).join("\n");
  const commands = changed.map((c) => `\`migrate resolve ${c.revision} --applied\``).join(", ");
  return new MigrateError("check-failed", `${changed.length === 1 ? "An applied revision file has" : `${changed.length} applied revision files have`} changed since ${changed.length === 1 ? "it was" : "they were"} applied:\n${list}`, {
    hint: `Undo the edits and put new changes in a new revision; if an edit is harmless, record the file as it is now with ${commands}.`,
  });
}
