/**
 * athanor's public API: what schema.ts, revision files and programs import from "athanor".
 */
export * from "./model/index.js";
// Operations as data and the `op` façade's types; the machinery behind the façade (its queue,
// createOperations, SQL joining) stays internal.
export type * from "./operations/types.js";
export type { OperationSink } from "./operations/sink.js";
export type * from "./operations/operations-api.js";
export type { CreateOperationsOptions, OperationsHandle } from "./operations/create-operations.js";
export { reverseOperation, reverseAll } from "./operations/reverse.js";
export { describeOperation } from "./operations/describe.js";
export { defineConfig } from "./config/types.js";
export type { MigrateConfig, ResolvedConfig, VersionTableSetting } from "./config/types.js";
export { loadConfig, resolveConfig } from "./config/load.js";
export type * from "./catalog/types.js";
export type { DialectName } from "./core/dialect-name.js";
export * from "./errors.js";
// The commands are loaded when first called: a config, schema or revision file that imports
// "athanor" for the model DSL or `op` types then loads only those (it runs on every command).
export const init: typeof import("./commands/init.js").init = (...args) => import("./commands/init.js").then((m) => m.init(...args));
export const revision: typeof import("./commands/revision.js").revision = (...args) => import("./commands/revision.js").then((m) => m.revision(...args));
export const merge: typeof import("./commands/merge.js").merge = (...args) => import("./commands/merge.js").then((m) => m.merge(...args));
export const upgrade: typeof import("./commands/upgrade.js").upgrade = (...args) => import("./commands/upgrade.js").then((m) => m.upgrade(...args));
export const downgrade: typeof import("./commands/downgrade.js").downgrade = (...args) => import("./commands/downgrade.js").then((m) => m.downgrade(...args));
export const stamp: typeof import("./commands/stamp.js").stamp = (...args) => import("./commands/stamp.js").then((m) => m.stamp(...args));
export const current: typeof import("./commands/current.js").current = (...args) => import("./commands/current.js").then((m) => m.current(...args));
export const resolve: typeof import("./commands/resolve.js").resolve = (...args) => import("./commands/resolve.js").then((m) => m.resolve(...args));
export const checkDatabase: typeof import("./commands/check.js").check = (...args) => import("./commands/check.js").then((m) => m.check(...args));
export const pullSchema: typeof import("./commands/pull.js").pull = (...args) => import("./commands/pull.js").then((m) => m.pull(...args));
export const autogenerateRevision: typeof import("./commands/autogenerate.js").autogenerateRevision = (...args) => import("./commands/autogenerate.js").then((m) => m.autogenerateRevision(...args));
export { findChangedRevisions, type ChangedRevision } from "./runtime/changed-revisions.js";
export const heads: typeof import("./commands/heads.js").heads = (...args) => import("./commands/heads.js").then((m) => m.heads(...args));
export const branches: typeof import("./commands/branches.js").branches = (...args) => import("./commands/branches.js").then((m) => m.branches(...args));
export const history: typeof import("./commands/history.js").history = (...args) => import("./commands/history.js").then((m) => m.history(...args));
export const show: typeof import("./commands/show.js").show = (...args) => import("./commands/show.js").then((m) => m.show(...args));
export type { MigrateEvent, EventSink } from "./runtime/events.js";
// The option and result types of the command functions above, for programs that call them.
export type { MigrateOptions, MigrateResult, Direction } from "./project/run-migration.js";
export type { RevisionOptions, RevisionResult } from "./project/new-revision.js";
export type { RevisionInfo } from "./project/revision-info.js";
export type { AutogenerateOptions, AutogenerateResult } from "./commands/autogenerate.js";
export type { CheckOptions, CheckResult } from "./commands/check.js";
export type { CurrentOptions, CurrentResult } from "./commands/current.js";
export type { HistoryOptions } from "./commands/history.js";
export type { InitResult } from "./commands/init.js";
export type { MergeOptions } from "./commands/merge.js";
export type { PullOptions, PullResult } from "./commands/pull.js";
export type { ResolveOptions, ResolveOutcome, ResolveResult } from "./commands/resolve.js";
export type { StampOptions, StampResult } from "./commands/stamp.js";
