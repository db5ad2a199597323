/**
 * createOperations: the `op` object a revision's upgrade()/downgrade() receives. Each method
 * checks its arguments, builds one Operation and queues it for the sink; the runtime awaits
 * `flush()` after the revision function returns, so operations a revision forgot to await still
 * run, in order, and their errors surface.
 */
import { createObjectOp, dropObjectOp, replaceObjectOp } from "./object-operations.js";
import { resolveNaming, type NamingConvention, type NamingOverrides } from "../model/naming.js";
import { tableTarget } from "./arguments.js";
import { batchAlterTableOp } from "./batch-operations.js";
import {
  addEnumValueOp,
  bulkInsertOp,
  createEnumOp,
  setCommentOp,
  createSchemaOp,
  createTableOp,
  dropEnumOp,
  dropSchemaOp,
  dropTableOp,
  executeOp,
  queryStatement,
  renameEnumValueOp,
  renameTableOp,
} from "./build-operations.js";
import {
  addColumnOp,
  alterColumnOp,
  createCheckOp,
  createForeignKeyOp,
  createIndexOp,
  createPrimaryKeyOp,
  replacePrimaryKeyOp,
  alterTableOptionsOp,
  alterIndexOptionsOp,
  createTableCommentOp,
  createUniqueOp,
  dropColumnOp,
  dropConstraintOp,
  createExclusionOp,
  validateConstraintOp,
  dropIndexOp,
  dropTableCommentOp,
} from "./build-table-operations.js";
import { OperationQueue } from "./operation-queue.js";
import type { Operations } from "./operations-api.js";
import type { OperationSink } from "./sink.js";
import type { Operation } from "./types.js";

/** Options of createOperations. */
export interface CreateOperationsOptions {
  /** The model's naming convention, used for constraints `op.createTable` leaves unnamed. */
  naming?: NamingOverrides;
}

/** The façade plus the handle the runtime keeps. */
export interface OperationsHandle {
  /** The object passed to upgrade()/downgrade(). */
  operations: Operations;
  /** Resolves once every queued operation has run; rejects with the first failure. */
  flush(): Promise<void>;
}

/** Creates the `op` façade over a sink. */
export function createOperations(sink: OperationSink, options: CreateOperationsOptions = {}): OperationsHandle {
  const queue = new OperationQueue();
  const naming: NamingConvention = resolveNaming(options.naming);

  /** Builds now (so later mutation of the arguments cannot change it), runs in queue order. */
  const submit = (build: () => Operation): Promise<void> => {
    let op: Operation;
    try {
      op = build();
    } catch (error) {
      return queue.reject(error);
    }
    return queue.enqueue(() => sink.run(op));
  };

  const operations: Operations = {
    get dialect() {
      return sink.dialect;
    },
    get offline() {
      return sink.offline;
    },
    createTable: (name, columns, extras) => submit(() => createTableOp(name, columns, extras, naming)),
    dropTable: (name, opts) => submit(() => dropTableOp(name, opts)),
    renameTable: (from, to, opts) => submit(() => renameTableOp(from, to, opts)),
    addColumn: (table, name, column, opts) => submit(() => addColumnOp(tableTarget(table, opts?.schema, "op.addColumn"), name, column, opts)),
    dropColumn: (table, name, opts) => submit(() => dropColumnOp(tableTarget(table, opts?.schema, "op.dropColumn"), name, opts)),
    alterColumn: (table, column, opts) => submit(() => alterColumnOp(tableTarget(table, opts?.schema, "op.alterColumn"), column, opts)),
    createIndex: (name, table, elements, opts) => submit(() => createIndexOp(tableTarget(table, opts?.schema, "op.createIndex"), name, elements, opts)),
    dropIndex: (name, opts) => submit(() => dropIndexOp(tableTarget(opts?.table, opts?.schema, `op.dropIndex ${name}`), name, opts)),
    createPrimaryKey: (name, table, columns, opts) => submit(() => createPrimaryKeyOp(tableTarget(table, opts?.schema, "op.createPrimaryKey"), name, columns, opts)),
    replacePrimaryKey: (table, columns, opts) => submit(() => replacePrimaryKeyOp(tableTarget(table, opts?.schema, "op.replacePrimaryKey"), columns, opts)),
    alterTableOptions: (table, opts) => submit(() => alterTableOptionsOp(tableTarget(table, opts?.schema, "op.alterTableOptions"), opts)),
    alterIndexOptions: (name, table, opts) => submit(() => alterIndexOptionsOp(tableTarget(table, opts?.schema, `op.alterIndexOptions ${name}`), name, opts)),
    createForeignKey: (name, sourceTable, referencedTable, local, remote, opts) =>
      submit(() => createForeignKeyOp(tableTarget(sourceTable, opts?.schema, "op.createForeignKey"), name, referencedTable, local, remote, opts)),
    createUniqueConstraint: (name, table, columns, opts) => submit(() => createUniqueOp(tableTarget(table, opts?.schema, "op.createUniqueConstraint"), name, columns, opts)),
    createCheckConstraint: (name, table, condition, opts) => submit(() => createCheckOp(tableTarget(table, opts?.schema, "op.createCheckConstraint"), name, condition, opts)),
    createExclusionConstraint: (name, table, elements, opts) => submit(() => createExclusionOp(tableTarget(table, opts?.schema, "op.createExclusionConstraint"), name, elements, opts)),
    validateConstraint: (name, table, opts) => submit(() => validateConstraintOp(tableTarget(table, opts?.schema, "op.validateConstraint"), name, opts)),
    dropConstraint: (name, table, opts) => submit(() => dropConstraintOp(tableTarget(table, opts?.schema, "op.dropConstraint"), name, opts)),
    createTableComment: (table, comment, opts) => submit(() => createTableCommentOp(tableTarget(table, opts?.schema, "op.createTableComment"), comment, opts)),
    dropTableComment: (table, opts) => submit(() => dropTableCommentOp(tableTarget(table, opts?.schema, "op.dropTableComment"), opts)),
    setComment: (spec) => submit(() => setCommentOp(spec)),
    createEnum: (name, values, opts) => submit(() => createEnumOp(name, values, opts)),
    dropEnum: (name, opts) => submit(() => dropEnumOp(name, opts)),
    addEnumValue: (name, value, opts) => submit(() => addEnumValueOp(name, value, opts)),
    renameEnumValue: (name, from, to, opts) => submit(() => renameEnumValueOp(name, from, to, opts)),
    createSchema: (name) => submit(() => createSchemaOp(name)),
    dropSchema: (name) => submit(() => dropSchemaOp(name)),
    createObject: (definition) => submit(() => createObjectOp(definition)),
    dropObject: (definition) => submit(() => dropObjectOp(definition)),
    replaceObject: (definition, opts) => submit(() => replaceObjectOp(definition, opts)),
    execute: (statement, opts) => submit(() => executeOp(statement, opts)),
    bulkInsert: (table, rows, opts) => submit(() => bulkInsertOp(table, rows, opts)),
    batchAlterTable: (table, build, opts) => submit(() => batchAlterTableOp(tableTarget(table, opts?.schema, "op.batchAlterTable"), build, opts)),
    query: <T = Record<string, unknown>>(statement: Parameters<Operations["query"]>[0]) => {
      let checked: ReturnType<typeof queryStatement>;
      try {
        checked = queryStatement(statement);
      } catch (error) {
        return queue.reject(error);
      }
      return queue.enqueue(() => sink.query<T>(checked));
    },
  };
  return { operations, flush: () => queue.flush() };
}
