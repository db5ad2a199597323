/**
 * athanor's public API: what schema.ts, revision files and programs import from "athanor".
 */
export * from "./model/index.js";
export * from "./operations/index.js";
export { defineConfig } from "./config/types.js";
export type { MigrateConfig, ResolvedConfig, VersionTableSetting } from "./config/types.js";
export { loadConfig, resolveConfig } from "./config/load.js";
export type * from "./catalog/types.js";
export type { DialectName } from "./core/dialect-name.js";
export * from "./errors.js";
export { init } from "./commands/init.js";
export { revision } from "./commands/revision.js";
export { merge } from "./commands/merge.js";
export { upgrade } from "./commands/upgrade.js";
export { downgrade } from "./commands/downgrade.js";
export { stamp } from "./commands/stamp.js";
export { current } from "./commands/current.js";
export { resolve } from "./commands/resolve.js";
export { check as checkDatabase } from "./commands/check.js";
export { pull as pullSchema } from "./commands/pull.js";
export { autogenerateRevision } from "./commands/autogenerate.js";
export { findChangedRevisions, type ChangedRevision } from "./runtime/changed-revisions.js";
export { heads } from "./commands/heads.js";
export { branches } from "./commands/branches.js";
export { history } from "./commands/history.js";
export { show } from "./commands/show.js";
export type { MigrateEvent, EventSink } from "./runtime/events.js";
