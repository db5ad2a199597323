/**
 * The public entry exports what a program, schema.ts or a revision file needs — the commands, the
 * model DSL, defineConfig and loadConfig, the errors, operations as data — and none of the
 * model's build, guards or helpers. A new export must be added here on purpose.
 */
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import * as model from "../../src/model/index.js";

const PUBLIC_VALUES = {
  commands: ["autogenerateRevision", "branches", "checkDatabase", "current", "downgrade", "findChangedRevisions", "heads", "history", "init", "lockStatus", "merge", "pullSchema", "resolve", "revision", "show", "stamp", "unlock", "upgrade"],
  config: ["defineConfig", "loadConfig", "resolveConfig"],
  model: [
    "DEFAULT_NAMING", "aggregate", "array", "bigint", "bigserial", "binary", "blob", "boolean", "char", "check", "collation", "column", "compositeType", "date", "defineSchema", "domain", "double", "enumType", "exclude", "extension", "fn",
    "foreignKey", "identity", "index", "integer", "interval", "json", "jsonb", "materializedView", "materializedViewIndex", "numeric", "partition", "policy", "primaryKey", "procedure", "rangeType", "rawSql", "rawType", "real", "rule", "sequence",
    "serial", "smallint", "sql", "table", "text", "textSearchConfiguration", "textSearchDictionary", "time", "timestamp", "trigger", "unique", "uuid", "varchar", "view", "virtualTable",
  ],
  operations: ["describeOperation", "reverseAll", "reverseOperation"],
  errors: ["ConfigError", "ConnectionError", "EXIT_FAILURE", "EXIT_USAGE", "MigrateError", "RevisionGraphError", "ScriptError", "SqlError", "TargetError", "UnsupportedOperationError", "UsageError", "isMigrateError"],
};

describe("the public API", () => {
  it("exports exactly the commands, the model DSL, the config helpers, operations and errors", () => {
    expect(Object.keys(api).sort()).toEqual(Object.values(PUBLIC_VALUES).flat().sort());
  });

  it("keeps the model's build, type guards and helpers internal", () => {
    expect(MODEL_INTERNALS.filter((name) => name in api)).toEqual([]);
  });

  it("decides for every export of the model whether users get it (a new DSL function must be public)", () => {
    const undecided = Object.keys(model).filter((name) => !(name in api) && !MODEL_INTERNALS.includes(name));
    expect(undecided).toEqual([]);
  });
});

const MODEL_INTERNALS = [
  "isColumnBuilder", "toDefaultValue", "isTableDefinition", "isEnumDefinition", "enumOfType", "isObjectDefinition", "isSchemaDefinition", "sequenceDefinition", "collationDefinition",
  "buildColumn", "buildTable", "buildIndex", "buildExclusion", "buildForeignKey", "resolveTarget", "assignNames", "schemaFromModel", "namingFromModel", "sqlTextOf",
  "validateSchema", "validateTable", "validateEnum", "resolveNaming", "truncateName", "applyNamingRule", "columnsInExpression", "NameAllocator", "ColumnBuilder",
  "OperationQueue", "createOperations", "joinFragment", "isSqlFragment", "withFileSystem",
];
