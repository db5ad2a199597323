/**
 * Operations: the Operation union, the `op` façade revision files receive, reverse and
 * describe. The DSL building blocks revision files also use (column types, index(), sql, …) are
 * exported by src/model/index.ts; nothing is exported from both, so `export *` of the two is safe.
 */
export type * from "./types.js";
export type { OperationSink } from "./sink.js";
export { isSqlFragment, joinFragment } from "../core/sql.js";
export type {
  AddColumnOptions,
  AddEnumValueOptions,
  AlterColumnOptions,
  BatchAlterTableOptions,
  BatchOperations,
  BulkInsertOptions,
  CreateForeignKeyOptions,
  CreateIndexOptions,
  CreatePrimaryKeyOptions,
  CreateUniqueOptions,
  DefaultSpec,
  DropColumnOptions,
  DropConstraintOptions,
  DropConstraintSpec,
  DropEnumOptions,
  DropIndexOptions,
  DropTableOptions,
  ExecuteOptions,
  GenerationSpec,
  Operations,
  SchemaOption,
  TableCommentOptions,
} from "./operations-api.js";
export { createOperations, type CreateOperationsOptions, type OperationsHandle } from "./create-operations.js";
export { OperationQueue } from "./operation-queue.js";
export { reverseOperation, reverseAll } from "./reverse.js";
export { describeOperation } from "./describe.js";
