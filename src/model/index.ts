/**
 * The model part in one import, for athanor's own code and tests: the DSL users write and its build
 * into the catalog. The public entry (src/index.ts) picks from it what users get.
 */
export { sql, rawSql, type SqlFragment } from "../core/sql.js";
export {
  ColumnBuilder,
  isColumnBuilder,
  toDefaultValue,
  type ColumnDefinition,
  type ColumnReference,
  type DefaultInput,
  type IdentityOptions,
  type ReferenceOptions,
  type UnsignableType,
} from "./column-builder.js";
export type { SequenceOptionsInput } from "../catalog/sequence-options.js";
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
} from "./column-types.js";
export { enumType, isEnumDefinition, enumOfType, type EnumDefinition } from "./enum-type.js";
export {
  check,
  exclude,
  foreignKey,
  index,
  primaryKey,
  unique,
  type CheckDefinition,
  type ConstraintFlags,
  type ConstraintNameOption,
  type CheckConstraintOptions,
  type ExclusionDefinition,
  type ExclusionElementInput,
  type ExclusionOptions,
  type ForeignKeyDefinition,
  type IndexDefinition,
  type IndexColumnsOf,
  type IndexElementInput,
  type IndexOptions,
  type PrimaryKeyDefinition,
  type PrimaryKeyOptions,
  type UniqueDefinition,
  type UniqueOptions,
} from "./constraints.js";
export { table, partition, isTableDefinition, type AnyTable, type ColumnMap, type ColumnNames, type LazyTable, type TableDefinition, type TableExtras, type TableExtrasInput, type InheritingExtras, type InheritingExtrasInput, type InheritsTarget, type TableTarget } from "./table.js";
export {
  extension,
  fn,
  isObjectDefinition,
  aggregate,
  domain,
  materializedView,
  materializedViewIndex,
  procedure,
  virtualTable,
  sequence,
  sequenceDefinition,
  trigger,
  rule,
  view,
  type DefinitionText,
  type ObjectDefinition,
  type ObjectDependency,
  type ObjectOptions,
  type SequenceOptions,
  type ViewDefinitionOptions,
} from "./objects.js";
export { policy, type PolicyOptions } from "./policy.js";
export { collation, collationDefinition, type CollationOptions } from "./collation.js";
export { compositeType, rangeType, type CompositeAttributeType, type RangeTypeOptions } from "./user-types.js";
export {
  textSearchConfiguration,
  textSearchDictionary,
  type TextSearchConfigurationOptions,
  type TextSearchDictionaryOptions,
} from "./text-search.js";
export { defineSchema, isSchemaDefinition, type SchemaDefinition, type SchemaInput } from "./define-schema.js";
export {
  DEFAULT_NAMING,
  resolveNaming,
  truncateName,
  applyNamingRule,
  columnsInExpression,
  NameAllocator,
  type NamingContext,
  type NamingConvention,
  type NamingOverrides,
  type NamingRule,
} from "./naming.js";
export { buildColumn } from "./build-column.js";
export { buildTable, buildIndex, buildExclusion, buildForeignKey, resolveTarget, type TableInput, type ResolvedTarget } from "./build-table.js";
export { assignNames } from "./assign-names.js";
export { sqlTextOf, type SqlText } from "./sql-text.js";
export { schemaFromModel, namingFromModel } from "./to-catalog.js";
export { validateSchema, validateTable, validateEnum } from "../catalog/validate-schema.js";
