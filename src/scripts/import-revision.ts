/**
 * Imports a revision module — only when its upgrade or downgrade is about to run — and checks
 * that it exports both functions.
 */
import { ScriptError } from "../errors.js";
import { importUserModule } from "../loader/import-user-module.js";
import type { Operations } from "../operations/index.js";
import type { Revision } from "../revisions/types.js";

/** The functions a revision module must export. */
export interface RevisionModule {
  upgrade(op: Operations): Promise<void> | void;
  downgrade(op: Operations): Promise<void> | void;
  /** Optional: false runs the revision outside a transaction. */
  transactional?: boolean;
}

/** Imports the module behind `revision`; throws ScriptError for syntax errors or missing exports. */
export async function importRevision(revision: Revision): Promise<RevisionModule> {
  const path = revision.path;
  if (!path) throw new ScriptError(`Revision ${revision.id} has no file.`, { hint: "Revisions built in memory cannot be run." });
  let mod: Record<string, unknown>;
  try {
    mod = await importUserModule(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ScriptError(`Could not load revision ${revision.id} (${path}): ${message}`, {
      hint: "Fix the error in the revision file (run with --verbose for the stack).",
      cause: error,
    });
  }
  for (const name of ["upgrade", "downgrade"] as const) {
    if (typeof mod[name] !== "function") {
      throw new ScriptError(`Revision ${revision.id} (${path}) does not export a function "${name}".`, {
        hint: `Add \`export async function ${name}(op: Operations): Promise<void> { … }\`.`,
      });
    }
  }
  const transactional = mod.transactional;
  if (transactional !== undefined && typeof transactional !== "boolean") {
    throw new ScriptError(`Revision ${revision.id} (${path}): "transactional" must be true or false.`, { hint: "Export `const transactional = false` to opt out of the transaction." });
  }
  return mod as unknown as RevisionModule;
}
