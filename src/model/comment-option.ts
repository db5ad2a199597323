/**
 * The `comment` option of indexes, constraints and enum types, checked once for all of them: a
 * string, kept only when it says something (an empty comment is no comment, as compare reads it).
 */
import { MigrateError } from "../errors.js";
import { commentField } from "../catalog/types.js";

/** commentField of a model's `comment` option, or a model error naming `what` when it is no string. */
export function commentOf(comment: unknown, what: string): { comment?: string } {
  if (comment === undefined || comment === null) return {};
  if (typeof comment !== "string") {
    throw new MigrateError("model", `The comment of ${what} is ${JSON.stringify(comment) ?? String(comment)}, not a string.`, { hint: 'Write the comment as a string, e.g. { comment: "why it exists" }, or leave it out.' });
  }
  return commentField(comment);
}
