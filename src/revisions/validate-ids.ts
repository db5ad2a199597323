/**
 * The first checks of graph building: every revision id is well formed and declared once.
 */
import { RevisionGraphError } from "../errors.js";
import { REVISION_ID_MAX_LENGTH, REVISION_ID_PATTERN, type Revision } from "./types.js";

/** Throws a RevisionGraphError unless `id` is usable as a revision id. */
function checkRevisionId(revision: Revision): void {
  const { id } = revision;
  const where = revision.path ? ` in ${revision.path}` : "";
  if (!REVISION_ID_PATTERN.test(id)) {
    throw new RevisionGraphError(`Revision id "${id}"${where} is not valid: an id may only contain letters, digits and underscores.`, {
      hint: "Rename the revision (and every downRevision or dependsOn entry that names it) to letters, digits and underscores.",
    });
  }
  if (id.length > REVISION_ID_MAX_LENGTH) {
    throw new RevisionGraphError(`Revision id "${id}"${where} is ${id.length} characters long; the version table holds at most ${REVISION_ID_MAX_LENGTH}.`, {
      hint: `Shorten the id to ${REVISION_ID_MAX_LENGTH} characters or fewer (and every downRevision or dependsOn entry that names it).`,
    });
  }
}

/**
 * Indexes revisions by id after checking each id. A duplicate names both files, because the
 * usual cause is a copied or renamed file left behind.
 */
export function indexRevisions(revisions: readonly Revision[]): Map<string, Revision> {
  const byId = new Map<string, Revision>();
  for (const revision of revisions) {
    checkRevisionId(revision);
    const first = byId.get(revision.id);
    if (first) {
      const both = first.path && revision.path ? `: in ${first.path} and in ${revision.path}` : " by two revisions";
      throw new RevisionGraphError(`Revision id ${revision.id} is declared twice${both}.`, {
        hint: "Give one of them a new id (and update what revises it), or delete the stale copy.",
      });
    }
    byId.set(revision.id, revision);
  }
  return byId;
}
