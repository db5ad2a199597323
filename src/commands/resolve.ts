/**
 * `migrate resolve REV --applied | --rolled-back`: records how a revision whose step did not
 * finish really ended, without running any of it — after the rest was finished by hand
 * (`--applied`: the interrupted upgrade or downgrade is complete) or undone by hand
 * (`--rolled-back`: the database is as it was before that step). For an applied revision that is
 * not partial, `--applied` records its file as it is now (accepting an edit `current --strict`
 * reports). Version rows and the log change in one transaction, under the migration lock.
 */
import type { ResolvedConfig } from "../config/types.js";
import { MigrateError } from "../errors.js";
import { appliedRevisions, checkRows, planDowngrade, planUpgrade, resolveRevision, type RevisionGraph, type Step } from "../revisions/index.js";
import { fileChecksum } from "../runtime/checksum.js";
import { withDatabase, type DatabaseSession } from "../runtime/database.js";
import { directionVerb, type EventSink } from "../runtime/events.js";
import type { LogEntry } from "../runtime/revision-log.js";
import { loadProject } from "../project/project.js";

/** How the interrupted step really ended. */
export type ResolveOutcome = "applied" | "rolled-back";

/** Options of resolve. */
export interface ResolveOptions {
  /** Revision id or unique prefix. */
  revision: string;
  outcome: ResolveOutcome;
  lockTimeout?: number;
  events: EventSink;
}

/** What resolve recorded. */
export interface ResolveResult {
  revision: string;
  outcome: ResolveOutcome;
  /** Direction of the step that was settled; null when only the file checksum was recorded. */
  direction: "up" | "down" | null;
  before: string[];
  after: string[];
}

/** The single step that settles `entry` as applied; refuses when more would be needed. */
function settlingStep(graph: RevisionGraph, rows: string[], entry: LogEntry): Step {
  const id = entry.revision;
  const steps = entry.direction === "up" ? planUpgrade(graph, rows, [id]) : planDowngrade(graph, rows, { revisions: [], removeRoots: [id] });
  const step = steps[0];
  if (steps.length !== 1 || !step || step.revision !== id) {
    const others = steps.map((s) => s.revision).filter((r) => r !== id);
    throw new MigrateError("partial-revision", `Cannot record the ${directionVerb(entry.direction)} of ${id} as done: ${others.length ? `${others.join(", ")} would have to ${entry.direction === "up" ? "be applied" : "be reverted"} too` : "the version table does not allow it"}.`, {
      hint: "Bring the version table in line first (see `migrate history --indicate-current`).",
    });
  }
  return step;
}

async function inTransaction(session: DatabaseSession, work: () => Promise<void>): Promise<void> {
  await session.store.ensure();
  await session.log.ensure();
  await session.conn.begin();
  await work();
  await session.conn.commit();
}

function findRevision(graph: RevisionGraph, partial: LogEntry[], ref: string): string {
  // A partial revision whose file is gone can still be settled by its exact id.
  const exact = partial.find((e) => e.revision === ref);
  return exact ? exact.revision : resolveRevision(graph, ref);
}

/** Records the revision's file as it is now; the revision must be applied. */
async function recordFile(session: DatabaseSession, graph: RevisionGraph, id: string, rows: string[], outcome: ResolveOutcome): Promise<ResolveResult> {
  if (outcome === "rolled-back" || !appliedRevisions(graph, rows).has(id)) {
    throw new MigrateError("partial-revision", `Revision ${id} has no unfinished step to resolve${outcome === "applied" ? " and is not applied" : ""}.`, {
      hint: outcome === "applied" ? `To mark it applied without running it, use \`migrate stamp ${id}\`.` : "Use `migrate downgrade` to revert an applied revision.",
    });
  }
  const previous = (await session.log.exists()) ? await session.log.get(id) : undefined;
  await inTransaction(session, () =>
    session.log.put({
      revision: id,
      direction: "up",
      status: "done",
      checksum: fileChecksum(graph.get(id)?.path),
      statementsDone: previous?.direction === "up" ? previous.statementsDone : 0,
      doneStatements: previous?.direction === "up" ? previous.doneStatements : [],
      progressHash: previous?.direction === "up" ? previous.progressHash : null,
      pendingStatement: null,
      error: null,
      updatedAt: new Date().toISOString(),
    }),
  );
  return { revision: id, outcome, direction: null, before: rows, after: rows };
}

/** Settles an unfinished step. */
async function settle(session: DatabaseSession, graph: RevisionGraph, entry: LogEntry, rows: string[], outcome: ResolveOutcome): Promise<ResolveResult> {
  const id = entry.revision;
  const now = new Date().toISOString();
  if (outcome === "rolled-back") {
    // Undone by hand: the version rows never moved, so only the log changes.
    await inTransaction(session, () =>
      entry.direction === "up"
        ? session.log.remove(id)
        : session.log.update({ ...entry, direction: "up", status: "done", statementsDone: 0, doneStatements: [], progressHash: null, pendingStatement: null, error: null, updatedAt: now }),
    );
    return { revision: id, outcome, direction: entry.direction, before: rows, after: rows };
  }
  checkRows(graph, rows);
  const step = settlingStep(graph, rows, entry);
  await inTransaction(session, async () => {
    await session.store.write(step.rowsBefore, step.rowsAfter);
    await session.log.update({
      ...entry,
      status: "done",
      checksum: entry.direction === "up" ? fileChecksum(graph.get(id)?.path) : entry.checksum,
      pendingStatement: null,
      error: null,
      updatedAt: now,
    });
  });
  return { revision: id, outcome, direction: entry.direction, before: step.rowsBefore, after: step.rowsAfter };
}

/** `migrate resolve`. */
export async function resolve(config: ResolvedConfig, options: ResolveOptions): Promise<ResolveResult> {
  const { graph } = loadProject(config);
  return withDatabase(config, { lock: true, lockTimeoutSeconds: options.lockTimeout, onLockWait: (url) => options.events({ type: "lock-wait", url }), events: options.events }, async (session) => {
    const rows = await session.store.read();
    const partial = await session.log.partial();
    const id = findRevision(graph, partial, options.revision);
    const entry = partial.find((e) => e.revision === id);
    if (!entry) {
      checkRows(graph, rows);
      return recordFile(session, graph, id, rows, options.outcome);
    }
    return settle(session, graph, entry, rows, options.outcome);
  });
}
