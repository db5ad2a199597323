/** `migrate downgrade TARGET`: undo revisions down to the target. */
import type { ResolvedConfig } from "../config/types.js";
import { runMigration, type MigrateOptions, type MigrateResult } from "../project/run-migration.js";

/** Downgrades to the target. */
export function downgrade(config: ResolvedConfig, options: MigrateOptions): Promise<MigrateResult> {
  return runMigration(config, "down", options);
}
