/**
 * The step API both runners share: load a step's revision module, name its endpoints, and call
 * its upgrade or downgrade with an `op` bound to a sink (a live database or `--sql` text).
 */
import { MigrateError } from "../errors.js";
import { prepareUserModules } from "../loader/import-user-module.js";
import { createOperations } from "../operations/index.js";
import type { OperationSink } from "../operations/sink.js";
import type { RevisionGraph, Step } from "../revisions/index.js";
import { importRevision, type RevisionModule } from "../scripts/import-revision.js";

/** "a -> b" label parts for a step, in Alembic's wording (parents joined by ", "). */
export function stepEndpoints(step: Step, parents: string[]): { from: string; to: string } {
  const down = parents.join(", ");
  return step.direction === "up" ? { from: down, to: step.revision } : { from: step.revision, to: down };
}

/**
 * Imports the module of every step, in order — before anything is written, so a broken file stops
 * the run up front. The files are compiled in one batch first; each import then only loads.
 */
export async function loadStepModules(graph: RevisionGraph, steps: readonly Step[]): Promise<RevisionModule[]> {
  await prepareUserModules(steps.flatMap((step) => graph.get(step.revision)?.path ?? []));
  const modules: RevisionModule[] = [];
  for (const step of steps) {
    const revision = graph.get(step.revision);
    if (!revision) throw new MigrateError("revision-graph", `Revision ${step.revision} is not in the graph.`);
    modules.push(await importRevision(revision));
  }
  return modules;
}

/** Calls the module's function for the step with an `op` bound to `sink`, waiting for every operation. */
export async function callRevision(mod: RevisionModule, step: Step, sink: OperationSink): Promise<void> {
  const { operations, flush } = createOperations(sink);
  try {
    try {
      await mod[step.direction === "up" ? "upgrade" : "downgrade"](operations);
    } finally {
      // Operations the author forgot to await still run, in order, before the revision ends.
      await flush();
    }
  } catch (error) {
    sink.discard?.();
    throw error;
  }
  await sink.drain?.();
}
