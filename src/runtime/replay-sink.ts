/**
 * Offline, the tables a `--sql` range starts from are not in any database: they are what the
 * revisions before the range made of them. This sink calls those revisions' upgrades and only
 * moves the run's table state forward (nothing is compiled or printed), so a range that starts
 * mid-history — `downgrade head:base --sql` across a SQLite rebuild, `upgrade w1:head --sql` —
 * compiles against the same definitions an online run would reflect (for tables the revisions
 * create; a table that only ever existed outside them stays unknown).
 */
import type { Dialect } from "../dialects/dialect.js";
import type { OperationSink } from "../operations/sink.js";
import type { SqlFragment } from "../core/sql.js";
import type { Operation } from "../operations/types.js";
import type { RevisionGraph, Step } from "../revisions/index.js";
import { offlineQueryError } from "./online-sink.js";
import { callRevision, loadStepModules } from "./revision-step.js";
import type { TableTracker } from "./table-tracker.js";

/** Moves table state through operations without compiling them. */
class ReplaySink implements OperationSink {
  readonly offline = true;
  readonly dialect;

  constructor(
    impl: Dialect,
    private readonly tracker: TableTracker,
  ) {
    this.dialect = impl.name;
  }

  async run(op: Operation): Promise<void> {
    await this.tracker.prepare(op);
    this.tracker.apply(op);
  }

  async query<T>(_statement: string | SqlFragment): Promise<T[]> {
    throw offlineQueryError();
  }
}

/**
 * Replays the upgrades of `steps` (base up to where the range starts) into `tracker`. A revision
 * that cannot run offline (it reads data without an `op.offline` guard) ends the replay and
 * forgets what it learnt: unknown tables make a rebuild refuse clearly, a wrong definition would not.
 */
export async function replayUpgrades(dialect: Dialect, graph: RevisionGraph, steps: Step[], tracker: TableTracker): Promise<void> {
  if (steps.length === 0) return;
  const modules = await loadStepModules(graph, steps);
  const sink = new ReplaySink(dialect, tracker);
  try {
    for (const [i, step] of steps.entries()) await callRevision(modules[i]!, step, sink);
  } catch {
    tracker.forget();
  }
}
