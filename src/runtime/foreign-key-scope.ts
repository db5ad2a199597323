/**
 * Which tables a revision's foreign keys must be checked on before it commits. SQLite runs
 * migrations with foreign keys off, so it checks them itself (`verifyRevision`); checking the
 * whole database reads every row of every table that has a foreign key, once per revision, which
 * on a large database costs far more than the revision. The operations say what they touched: a
 * table whose rows or definition changed is checked together with the tables that reference it
 * (their rows may have lost a parent); a new table holds no rows yet; raw SQL may change anything.
 */
import type { TableRef } from "../catalog/types.js";
import type { ForeignKeyScope } from "../dialects/dialect.js";
import type { OperationTable, Operation } from "../operations/types.js";

const none = (): TableRef[] => [];
const onTable = (op: { schema?: string | null; table: string }): TableRef[] => [{ schema: op.schema ?? null, name: op.table }];

const touched: OperationTable<ForeignKeyScope> = {
  // A new table has no rows, so no row of it can miss a parent.
  createTable: none,
  dropTable: onTable,
  renameTable: (op) => [
    { schema: op.schema ?? null, name: op.from },
    { schema: op.schema ?? null, name: op.to },
  ],
  addColumn: onTable,
  dropColumn: onTable,
  alterColumn: onTable,
  createIndex: onTable,
  dropIndex: onTable,
  createPrimaryKey: onTable,
  replacePrimaryKey: onTable,
  alterTableOptions: onTable,
  alterIndexOptions: onTable,
  createForeignKey: onTable,
  createUniqueConstraint: onTable,
  createCheckConstraint: onTable,
  createExclusionConstraint: onTable,
  validateConstraint: onTable,
  dropConstraint: onTable,
  createTableComment: onTable,
  dropTableComment: onTable,
  setComment: none,
  createEnum: none,
  dropEnum: none,
  addEnumValue: none,
  renameEnumValue: none,
  createSchema: none,
  dropSchema: none,
  // Views, triggers and virtual tables change no rows when created or dropped.
  createObject: none,
  dropObject: none,
  replaceObject: none,
  execute: () => "any",
  bulkInsert: onTable,
  batchAlterTable: onTable,
};

/** The tables `op` may leave with rows that miss a parent row. */
export function foreignKeyScope(op: Operation): ForeignKeyScope {
  return (touched[op.kind] as (o: Operation) => ForeignKeyScope)(op);
}

/** Collects the scope of a revision's operations and queries. */
export class ForeignKeyScopeCollector {
  private tables = new Map<string, TableRef>();
  private any = false;

  /** Adds a scope; "any" (raw SQL, a data query) widens it to the whole database. */
  add(scope: ForeignKeyScope): void {
    if (scope === "any") this.any = true;
    // Lower case: the scope serves SQLite, whose names compare without case.
    else for (const ref of scope) this.tables.set(`${ref.schema ?? ""}.${ref.name.toLowerCase()}`, ref);
  }

  /** Everything collected so far. */
  get scope(): ForeignKeyScope {
    return this.any ? "any" : [...this.tables.values()];
  }
}
