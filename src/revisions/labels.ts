/**
 * Branch labels: checking declarations and spreading them to descendants.
 *
 * As in Alembic, a label is declared on exactly one revision (its base) and is carried by that
 * revision and every descendant through downRevisions; a merge carries the labels of all its
 * parents. Labels do not spread to ancestors, so `label@base` is always the declaring revision.
 */
import { RevisionGraphError } from "../errors.js";
import { describeRevision } from "./format.js";
import type { Revision } from "./types.js";

/** Characters allowed in a branch label: safe inside targets such as `label@-1` and ranges. */
const BRANCH_LABEL_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Words of the target grammar, which a label would shadow. */
const RESERVED_LABELS: ReadonlySet<string> = new Set(["head", "heads", "base", "current"]);

/** A label ending in -<digits> would read as a relative step (`name-1`), so it is refused. */
const RELATIVE_SUFFIX = /-\d+$/;

const NO_LABELS: ReadonlySet<string> = new Set();

function checkLabelName(label: string, revision: Revision, revisions: ReadonlyMap<string, Revision>): void {
  const on = `on revision ${describeRevision(revision)}`;
  if (!BRANCH_LABEL_PATTERN.test(label) || RELATIVE_SUFFIX.test(label)) {
    throw new RevisionGraphError(`Branch label "${label}" ${on} is not valid: use letters, digits, "_", "." and "-", not ending in -<digits>.`, {
      hint: "Rename the label, e.g. \"accounts\" or \"feature_x\".",
    });
  }
  if (RESERVED_LABELS.has(label)) {
    throw new RevisionGraphError(`Branch label "${label}" ${on} is a reserved word of the target grammar.`, {
      hint: `Choose another name; "${[...RESERVED_LABELS].join('", "')}" cannot be labels.`,
    });
  }
  if (revisions.has(label)) {
    throw new RevisionGraphError(`Branch label "${label}" ${on} is also the id of a revision, so targets naming it would be ambiguous.`, {
      hint: "Rename the label.",
    });
  }
}

/**
 * Checks every declared label and maps each to the revision that declares it. A label declared
 * twice is an error even on the same line: one declaration defines where the branch starts.
 */
export function declareLabels(revisions: ReadonlyMap<string, Revision>, sortedIds: readonly string[]): Map<string, string> {
  const bases = new Map<string, string>();
  for (const id of sortedIds) {
    const revision = revisions.get(id) as Revision;
    for (const label of new Set(revision.branchLabels)) {
      checkLabelName(label, revision, revisions);
      const first = bases.get(label);
      if (first !== undefined) {
        throw new RevisionGraphError(
          `Branch label "${label}" is declared by two revisions: ${describeRevision(revisions.get(first) as Revision)} and ${describeRevision(revision)}.`,
          { hint: "A label is declared once, on the revision that starts the branch; its descendants carry it. Remove the other declaration." },
        );
      }
      bases.set(label, id);
    }
  }
  return bases;
}

/**
 * The labels each revision carries: its own plus every label of its parents. `order` must list
 * parents before children. Revisions that add nothing share their parent's set, so a long
 * unlabelled chain costs one set, not one per revision.
 */
export function propagateLabels(
  order: readonly string[],
  parents: ReadonlyMap<string, readonly string[]>,
  revisions: ReadonlyMap<string, Revision>,
): Map<string, ReadonlySet<string>> {
  const labels = new Map<string, ReadonlySet<string>>();
  for (const id of order) {
    const inherited = (parents.get(id) ?? []).map((p) => labels.get(p) ?? NO_LABELS);
    const own = (revisions.get(id) as Revision).branchLabels;
    const distinct = [...new Set(inherited)];
    if (own.length === 0 && distinct.length <= 1) {
      labels.set(id, distinct[0] ?? NO_LABELS);
      continue;
    }
    const set = new Set<string>(own);
    for (const parentLabels of distinct) for (const label of parentLabels) set.add(label);
    labels.set(id, set.size === 0 ? NO_LABELS : set);
  }
  return labels;
}
