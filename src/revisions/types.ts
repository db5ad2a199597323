/**
 * Plain revision values: what the revision graph is built from. Produced by reading the literal
 * header exports of revision files (src/scripts), or written as literals in tests.
 */

/** One revision, as declared in its file's header. */
export interface Revision {
  /** The revision id (hex by default; any id matching REVISION_ID_PATTERN). */
  id: string;
  /** Parent revision ids (empty for a base revision; several for a merge). */
  downRevisions: string[];
  /** Labels that name the branch this revision starts or belongs to. */
  branchLabels: string[];
  /** Revisions (ids, unique prefixes or branch labels) that must be applied first, across branches. */
  dependsOn: string[];
  /** The message given to `revision -m`. */
  message: string;
  /** Path of the file, for messages; absent in tests built from literals. */
  path?: string;
  /** ISO creation date from the header, if present. */
  createDate?: string;
}

/** Characters allowed in a revision id: safe in file names, URLs, targets and SQL. */
export const REVISION_ID_PATTERN = /^[A-Za-z0-9_]+$/;
/** Longest revision id that fits the version table's varchar(32). */
export const REVISION_ID_MAX_LENGTH = 32;
