/**
 * athanor's public API: what schema.ts, revision files and programs import from "athanor".
 */
// The model DSL schema.ts and revision files write, and the types its values carry. The model's
// build into the catalog (buildTable, schemaFromModel, validation, naming machinery) and its type
// guards are internal: a program gets a model's effect through the commands.
export { sql, rawSql, type SqlFragment } from "./core/sql.js";
export type { ColumnBuilder, ColumnDefinition, ColumnReference, DefaultInput, IdentityOptions, ReferenceOptions, UnsignableType } from "./model/column-builder.js";
export type { SequenceOptionsInput } from "./catalog/sequence-options.js";
export {
  array,
  bigint,
  bigserial,
  binary,
  blob,
  boolean,
  char,
  column,
  date,
  double,
  identity,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  rawType,
  real,
  serial,
  smallint,
  text,
  time,
  timestamp,
  uuid,
  varchar,
  type ColumnTypeOf,
  type TimeOptions,
} from "./model/column-types.js";
export { enumType, type EnumDefinition } from "./model/enum-type.js";
export {
  check,
  exclude,
  foreignKey,
  index,
  primaryKey,
  unique,
  type CheckDefinition,
  type ConstraintNameOption,
  type CheckConstraintOptions,
  type CommentOption,
  type ExclusionDefinition,
  type ExclusionElementInput,
  type ExclusionOptions,
  type ForeignKeyDefinition,
  type IndexDefinition,
  type IndexColumnsOf,
  type IndexElementInput,
  type IndexOptions,
  type PrimaryKeyDefinition,
  type UniqueDefinition,
} from "./model/constraints.js";
export { table, partition, type AnyTable, type ColumnMap, type ColumnNames, type LazyTable, type TableDefinition, type TableExtras, type TableExtrasInput, type InheritingExtras, type InheritingExtrasInput, type InheritsTarget, type TableTarget } from "./model/table.js";
export {
  aggregate,
  domain,
  extension,
  fn,
  materializedView,
  materializedViewIndex,
  procedure,
  virtualTable,
  sequence,
  trigger,
  rule,
  view,
  type DefinitionText,
  type ObjectDefinition,
  type ObjectDependency,
  type ObjectOptions,
  type SequenceOptions,
  type ViewDefinitionOptions,
} from "./model/objects.js";
export { policy, type PolicyOptions } from "./model/policy.js";
export { collation, type CollationOptions } from "./model/collation.js";
export { compositeType, rangeType, type CompositeAttributeType, type RangeTypeOptions } from "./model/user-types.js";
export { textSearchConfiguration, textSearchDictionary, type TextSearchConfigurationOptions, type TextSearchDictionaryOptions } from "./model/text-search.js";
export { defineSchema, type SchemaDefinition, type SchemaInput } from "./model/define-schema.js";
export { DEFAULT_NAMING, type NamingContext, type NamingConvention, type NamingOverrides, type NamingRule } from "./model/naming.js";
export type { SqlText } from "./model/sql-text.js";
// Operations as data and the `op` façade's types; the machinery behind the façade (its queue,
// createOperations, SQL joining) stays internal.
export type * from "./operations/types.js";
export type { OperationSink } from "./operations/sink.js";
export type * from "./operations/operations-api.js";
export type { CreateOperationsOptions, OperationsHandle } from "./operations/create-operations.js";
export { reverseOperation, reverseAll } from "./operations/reverse.js";
export { describeOperation } from "./operations/describe.js";
export { defineConfig } from "./config/types.js";
export type { LockSetting, MigrateConfig, ResolvedConfig, VersionTableSetting } from "./config/types.js";
export { loadConfig, resolveConfig } from "./config/load.js";
export type * from "./catalog/types.js";
export type { StorageParameters, StorageParameterValue } from "./catalog/storage-parameters.js";
export type { StorageParameterChanges } from "./operations/storage-arguments.js";
export type { CompositeAttribute } from "./catalog/objects/composite-type.js";
export type { RangeTypeParts } from "./catalog/objects/range-type.js";
export type { PolicyClauses, PolicyCommand, PolicyKind, ViewAlgorithm, ViewCheckOption, ViewOptions, ViewSecurity } from "./catalog/objects/types.js";
export type { DialectName } from "./core/dialect-name.js";
export {
  EXIT_FAILURE,
  EXIT_USAGE,
  MigrateError,
  UsageError,
  ConfigError,
  ScriptError,
  RevisionGraphError,
  TargetError,
  UnsupportedOperationError,
  SqlError,
  ConnectionError,
  isMigrateError,
  type ErrorCode,
  type MigrateErrorOptions,
} from "./errors.js";
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
export const lockStatus: typeof import("./commands/lock-status.js").lockStatus = (...args) => import("./commands/lock-status.js").then((m) => m.lockStatus(...args));
export const unlock: typeof import("./commands/unlock.js").unlock = (...args) => import("./commands/unlock.js").then((m) => m.unlock(...args));
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
export type { LockStatus } from "./commands/lock-status.js";
export type { UnlockResult } from "./commands/unlock.js";
export type { LeaseState } from "./dialects/dialect.js";
export type { HistoryOptions } from "./commands/history.js";
export type { InitResult } from "./commands/init.js";
export type { MergeOptions } from "./commands/merge.js";
export type { PullOptions, PullResult } from "./commands/pull.js";
export type { ResolveOptions, ResolveOutcome, ResolveResult } from "./commands/resolve.js";
export type { StampOptions, StampResult } from "./commands/stamp.js";
