/** `migrate upgrade [TARGET]`: apply revisions up to the target (default head). */
import type { ResolvedConfig } from "../config/types.js";
import { runMigration, type MigrateOptions, type MigrateResult } from "../project/run-migration.js";

/** Upgrades to the target (default head). */
export function upgrade(config: ResolvedConfig, options: MigrateOptions): Promise<MigrateResult> {
  return runMigration(config, "up", options);
}
