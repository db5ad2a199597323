/**
 * Applied revisions whose file changed since it was applied. The revision log records the
 * SHA-256 of each file as it is applied; an edit afterwards means the database may not match what
 * the file now says (and a fresh database built from the files would differ from this one).
 */
import { appliedRevisions, type RevisionGraph } from "../revisions/index.js";
import { fileChecksum } from "./checksum.js";
import type { DatabaseSession } from "./database.js";
import type { LogEntry } from "./revision-log.js";

/** One applied revision whose file no longer matches the checksum recorded when it was applied. */
export interface ChangedRevision {
  revision: string;
  /** Path of the revision file. */
  path: string;
  /** SHA-256 recorded when the revision was applied. */
  recorded: string;
  /** SHA-256 of the file now. */
  actual: string;
}

/**
 * Lists applied revisions (per the version table) whose file's SHA-256 differs from the one
 * recorded when they were applied, sorted by revision id. Revisions applied without a record
 * (stamped, applied offline, or before the log existed) are not reported. Reads only; needs no lock.
 */
export async function findChangedRevisions(session: DatabaseSession, project: { graph: RevisionGraph }): Promise<ChangedRevision[]> {
  return changedRevisions(project.graph, await session.store.read(), await session.log.all());
}

/** The same, from version rows and log entries already read. */
export function changedRevisions(graph: RevisionGraph, rows: readonly string[], entries: readonly LogEntry[]): ChangedRevision[] {
  const applied = appliedRevisions(graph, rows);
  const changed: ChangedRevision[] = [];
  for (const entry of entries) {
    if (entry.direction !== "up" || entry.status !== "done" || !entry.checksum || !applied.has(entry.revision)) continue;
    const path = graph.get(entry.revision)?.path;
    const actual = fileChecksum(path);
    if (path && actual && actual !== entry.checksum) changed.push({ revision: entry.revision, path, recorded: entry.checksum, actual });
  }
  return changed;
}
