/**
 * One operation as the `op` façade call that builds it again: evaluating the rendered call
 * produces an Operation deep-equal to its renderedForm (the operation without the prior state
 * only reversing it would read; the downgrade is written as its own calls). Columns and the
 * `existing…` types of alterColumn use the builder DSL. The dispatch table is exhaustive over
 * every operation kind.
 */
import type { Operation, OperationTable, TableLevelOperation } from "../operations/types.js";
import { isSqlFragment, type SqlFragment } from "../core/sql.js";
import { array, arrow, call, commentLines, object, text, type Code, type ObjectEntry, type Statement } from "./render-code.js";
import { typeArgument } from "./render-column.js";
import type { RenderContext } from "./render-context.js";
import { tableParts } from "./render-table.js";
import { batchForm, opForm, tableCall } from "./render-table-operation.js";
import { fragmentTemplate, propertyKey, stringLiteral, valueCode } from "./render-values.js";
import { renderedForm } from "./rendered-form.js";
import { operationWarnings } from "./render-warnings.js";
import { objectCode } from "./render-object.js";

const str = (value: string): Code => text(stringLiteral(value));
const strings = (values: readonly string[]): Code => array(values.map(str));
const entry = (key: string, value: Code): ObjectEntry => ({ key, value });
const schemaEntry = (schema: string | null | undefined): ObjectEntry[] => (schema ? [entry("schema", str(schema))] : []);
/** A trailing options argument, left out when empty. */
const options = (entries: ObjectEntry[]): Code[] => (entries.length ? [object(entries)] : []);

/** SQL for execute: a plain string stays a string, a fragment becomes an `sql` template. */
function statementCode(statement: string | SqlFragment, ctx: RenderContext): Code {
  if (!isSqlFragment(statement)) return str(statement);
  ctx.use("sql");
  return text(fragmentTemplate(statement));
}

function tableLevel(op: TableLevelOperation, ctx: RenderContext): Code {
  return opForm(tableCall(op, ctx), op);
}

/** A warning comment for each destructive change inside `op`. */
function warningComments(op: Operation): string[] {
  return operationWarnings(op).flatMap((warning) => commentLines(`WARNING: ${warning}`));
}

function batchStatement(op: TableLevelOperation, ctx: RenderContext): Statement {
  return { comments: warningComments(op), prefix: "", code: batchForm(tableCall(op, ctx)), suffix: ";" };
}

function renderers(ctx: RenderContext): OperationTable<Code> {
  const level = (op: TableLevelOperation): Code => tableLevel(op, ctx);
  return {
    createTable: (op) => {
      const { columns, extras } = tableParts(op.table, ctx);
      return call("op.createTable", [str(op.table.name), columns, ...options(extras)]);
    },
    dropTable: (op) => call("op.dropTable", [str(op.table), ...options(schemaEntry(op.schema))]),
    renameTable: (op) => call("op.renameTable", [str(op.from), str(op.to), ...options(schemaEntry(op.schema))]),
    addColumn: level,
    dropColumn: level,
    alterColumn: level,
    createIndex: level,
    dropIndex: level,
    createPrimaryKey: level,
    replacePrimaryKey: level,
    alterTableOptions: level,
    alterIndexOptions: level,
    createForeignKey: level,
    createUniqueConstraint: level,
    createCheckConstraint: level,
    createExclusionConstraint: level,
    validateConstraint: level,
    dropConstraint: level,
    createTableComment: level,
    dropTableComment: level,
    setComment: (op) => {
      const comment = (value: string | null): Code => (value === null ? text("null") : str(value));
      const prior = op.existingComment === undefined ? [] : [entry("existingComment", comment(op.existingComment))];
      const on = [entry("on", str(op.on)), ...schemaEntry(op.schema), ...(op.table === undefined ? [] : [entry("table", str(op.table))]), entry("name", str(op.name))];
      return call("op.setComment", [object([...on, entry("comment", comment(op.comment)), ...prior])]);
    },
    createEnum: (op) => call("op.createEnum", [str(op.enum.name), strings(op.enum.values), ...options([...schemaEntry(op.enum.schema), ...(op.enum.comment ? [entry("comment", str(op.enum.comment))] : [])])]),
    dropEnum: (op) => call("op.dropEnum", [str(op.name), ...options(schemaEntry(op.schema))]),
    addEnumValue: (op) => {
      const extra = (["before", "after"] as const).filter((k) => op[k] !== undefined).map((k) => entry(k, str(op[k] as string)));
      const existing = op.existingValues ? [entry("existingValues", strings(op.existingValues))] : [];
      return call("op.addEnumValue", [str(op.name), str(op.value), ...options([...schemaEntry(op.schema), ...extra, ...existing])]);
    },
    createSchema: (op) => call("op.createSchema", [str(op.name)]),
    dropSchema: (op) => call("op.dropSchema", [str(op.name)]),
    createObject: (op) => call("op.createObject", [objectCode(op.object, ctx)]),
    dropObject: (op) => call("op.dropObject", [objectCode(op.object, ctx)]),
    replaceObject: (op) => call("op.replaceObject", [objectCode(op.object, ctx), object([entry("existing", objectCode(op.existing, ctx))])]),
    renameEnumValue: (op) => call("op.renameEnumValue", [str(op.name), str(op.from), str(op.to), ...options(schemaEntry(op.schema))]),
    execute: (op) => call("op.execute", [statementCode(op.sql, ctx), ...options(op.reverse === undefined ? [] : [entry("reverse", statementCode(op.reverse, ctx))])]),
    bulkInsert: (op) => {
      const columns = op.columns ? [entry("columns", object(op.columns.map((c) => entry(propertyKey(c.name), typeArgument(c.type, ctx)))))] : [];
      return call("op.bulkInsert", [str(op.table), valueCode(op.rows), ...options([...schemaEntry(op.schema), ...columns])]);
    },
    batchAlterTable: (op) => {
      const body = arrow("(batch)", op.operations.map((inner) => batchStatement(inner, ctx)));
      const recreate = op.recreate !== undefined && op.recreate !== "auto" ? [entry("recreate", str(op.recreate))] : [];
      return call("op.batchAlterTable", [str(op.table), body, ...options([...schemaEntry(op.schema), ...recreate])]);
    },
  };
}

/**
 * The statement for one operation: `await op.<method>(…);`, preceded by a `// WARNING:` line for
 * each destructive change (inside a batch, the warnings sit above the batch's own lines).
 */
export function operationStatement(operation: Operation, ctx: RenderContext): Statement {
  const op = renderedForm(operation);
  const code = (renderers(ctx)[op.kind] as (op: Operation) => Code)(op);
  return { comments: op.kind === "batchAlterTable" ? [] : warningComments(op), prefix: "await ", code, suffix: ";" };
}
