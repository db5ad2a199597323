/**
 * Resolving one written revision reference: a full id, a unique id prefix, or a branch label.
 */
import { TargetError } from "../errors.js";
import { listIds } from "./format.js";
import type { RevisionGraph } from "./graph.js";

/**
 * The revision id `ref` names: an exact id, then an exact branch label (meaning the branch's
 * head; several heads → TargetError "multiple-heads"), then a unique id prefix of at least one
 * character. An ambiguous prefix is TargetError "ambiguous-revision" listing every match; no
 * match is TargetError "unknown-revision".
 */
export function resolveRevision(graph: RevisionGraph, ref: string): string {
  const name = ref.trim();
  if (name === "") {
    throw new TargetError("target", "A revision reference is empty.", { hint: "Give a revision id, a unique prefix of one, or a branch label." });
  }
  // Exact names first, as in lookupReference: a short label or id never collides with longer ids.
  if (graph.has(name)) return name;
  if (graph.isLabel(name)) return graph.labelHead(name);
  const matches = graph.idsWithPrefix(name);
  if (matches.length === 1) return matches[0] as string;
  if (matches.length > 1) {
    throw new TargetError("ambiguous-revision", `Revision "${name}" is ambiguous: it is a prefix of ${matches.length} revisions: ${listIds(matches)}.`, {
      hint: "Type more characters of the revision id.",
    });
  }
  throw new TargetError("unknown-revision", `No revision id, id prefix or branch label matches "${name}".`, {
    hint: "Run `migrate history` to list revision ids, or `migrate branches` for branch labels.",
  });
}
