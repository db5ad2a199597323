/**
 * One reversible operation of every kind (each carrying the prior state its reverse needs),
 * shared by the reverse and describe tests.
 */
import type { ColumnSchema, IndexSchema, TableSchema } from "../../../src/catalog/types.js";
import type { Operation, OperationKind, TableLevelOperation } from "../../../src/operations/types.js";

export const emailColumn: ColumnSchema = { name: "email", type: { kind: "varchar", length: 255 }, nullable: false, default: null, generated: null, comment: null, onUpdate: null, collation: null };

export const usersTable: TableSchema = {
  schema: "app",
  name: "users",
  columns: [{ name: "id", type: { kind: "integer" }, nullable: false, generated: { kind: "autoincrement" } }, emailColumn],
  primaryKey: { name: "users_pkey", columns: ["id"] },
  foreignKeys: [],
  uniques: [{ name: "users_email_key", columns: ["email"] }],
  checks: [],
  indexes: [],
  comment: null,
};

export const emailIndex: IndexSchema = { name: "ix_users_email", elements: [{ column: "email" }], unique: false, where: null, using: null };

const addEmail: TableLevelOperation = { kind: "addColumn", table: "users", column: emailColumn };
const tightenName: TableLevelOperation = { kind: "alterColumn", table: "users", column: "name", nullable: false, existingNullable: true, existingType: { kind: "text" } };

/** A reversible sample of every operation kind. */
export const samples: { [K in OperationKind]: Extract<Operation, { kind: K }> } = {
  createTable: { kind: "createTable", table: usersTable },
  dropTable: { kind: "dropTable", schema: "app", table: "users", existing: usersTable },
  renameTable: { kind: "renameTable", schema: "app", from: "users", to: "people" },
  addColumn: { kind: "addColumn", schema: "app", table: "users", column: emailColumn },
  dropColumn: { kind: "dropColumn", table: "users", column: "email", existing: emailColumn },
  alterColumn: {
    kind: "alterColumn",
    table: "users",
    column: "email",
    newName: "mail",
    type: { kind: "varchar", length: 320 },
    nullable: true,
    default: { kind: "literal", value: "" },
    comment: "address",
    generated: null,
    existingType: { kind: "varchar", length: 255 },
    existingNullable: false,
    existingDefault: null,
    existingComment: null,
    existingGenerated: null,
  },
  createIndex: { kind: "createIndex", table: "users", index: emailIndex, concurrently: true },
  dropIndex: { kind: "dropIndex", table: "users", name: "ix_users_email", existing: emailIndex, ifExists: true },
  createPrimaryKey: { kind: "createPrimaryKey", table: "users", constraint: { name: "users_pkey", columns: ["id"] } },
  replacePrimaryKey: { kind: "replacePrimaryKey", table: "users", constraint: { name: "users_pkey", columns: ["id", "org_id"] }, existing: { name: "users_pkey", columns: ["id"] } },
  alterTableOptions: { kind: "alterTableOptions", table: "users", collation: "utf8mb4_bin", engine: "InnoDB", existingCollation: "utf8mb3_general_ci", existingEngine: "MyISAM" },
  alterIndexOptions: { kind: "alterIndexOptions", table: "users", name: "ix_users_email", storageParameters: { fillfactor: "80", deduplicate_items: null }, existingStorageParameters: { fillfactor: null, deduplicate_items: "off" } },
  createForeignKey: {
    kind: "createForeignKey",
    table: "orders",
    constraint: { name: "orders_user_id_fkey", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"], onDelete: "CASCADE" },
  },
  createUniqueConstraint: { kind: "createUniqueConstraint", table: "users", constraint: { name: "users_email_key", columns: ["email"] } },
  createCheckConstraint: { kind: "createCheckConstraint", table: "users", constraint: { name: "users_age_check", expression: "age >= 0" } },
  createExclusionConstraint: {
    kind: "createExclusionConstraint",
    table: "bookings",
    constraint: { name: "bookings_room_id_during_excl", using: "gist", elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&" }], where: "NOT cancelled" },
  },
  validateConstraint: {
    kind: "validateConstraint",
    table: "orders",
    name: "orders_user_id_fkey",
    type: "foreignKey",
    existing: { type: "foreignKey", constraint: { name: "orders_user_id_fkey", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"], notValid: true } },
  },
  dropConstraint: { kind: "dropConstraint", table: "users", name: "users_email_key", type: "unique", existing: { type: "unique", constraint: { name: "users_email_key", columns: ["email"] } } },
  createTableComment: { kind: "createTableComment", table: "users", comment: "people", existingComment: "old" },
  dropTableComment: { kind: "dropTableComment", table: "users", existingComment: "people" },
  setComment: { kind: "setComment", on: "index", table: "users", name: "ix_users_email", comment: "lookups by email", existingComment: null },
  createEnum: { kind: "createEnum", enum: { schema: "app", name: "mood", values: ["sad", "ok"] } },
  dropEnum: { kind: "dropEnum", name: "mood", existing: { name: "mood", values: ["sad", "ok"] } },
  addEnumValue: { kind: "addEnumValue", name: "mood", value: "happy", existingValues: ["sad", "ok"] },
  renameEnumValue: { kind: "renameEnumValue", name: "mood", from: "ok", to: "fine" },
  createSchema: { kind: "createSchema", name: "billing" },
  dropSchema: { kind: "dropSchema", name: "billing" },
  createObject: { kind: "createObject", object: { kind: "view", schema: null, name: "active_users", definition: "SELECT users.id\n   FROM users", dependsOn: ["table:.users"] } },
  dropObject: { kind: "dropObject", object: { kind: "trigger", schema: "app", name: "users_touch", table: "users", definition: "CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch()" } },
  replaceObject: {
    kind: "replaceObject",
    object: { kind: "sequence", schema: null, name: "invoice_numbers", definition: "AS bigint START WITH 1000 INCREMENT BY 5 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE" },
    existing: { kind: "sequence", schema: null, name: "invoice_numbers", definition: "AS bigint START WITH 1000 INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE" },
  },
  execute: { kind: "execute", sql: "UPDATE users SET active = true", reverse: "UPDATE users SET active = false" },
  bulkInsert: { kind: "bulkInsert", table: "users", rows: [{ id: 1 }, { id: 2 }] },
  batchAlterTable: { kind: "batchAlterTable", table: "users", operations: [addEmail, tightenName], recreate: "auto" },
};
