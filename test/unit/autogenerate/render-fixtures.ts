/**
 * Fixtures for the render and pull tests: operations of every kind and rich schemas, all in the
 * canonical shape the façade and the model loader produce (every optional schema field present),
 * so that "render, evaluate, compare" can demand deep equality.
 */
import type { ColumnSchema, ColumnType, DatabaseSchema, ForeignKeySchema, IndexSchema, TableSchema } from "../../../src/catalog/types.js";
import type { Operation, OperationKind } from "../../../src/operations/types.js";

/** A canonical column: nullable, with every optional field null unless overridden. */
export function col(name: string, type: ColumnType, extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable: true, default: null, generated: null, comment: null, onUpdate: null, collation: null, ...extra };
}

/** A canonical foreign key. */
export function fk(name: string, columns: string[], referencedTable: string, referencedColumns: string[], extra: Partial<ForeignKeySchema> = {}): ForeignKeySchema {
  return { name, columns, referencedSchema: null, referencedTable, referencedColumns, onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false, ...extra };
}

/** A canonical index. */
export function ix(name: string, elements: IndexSchema["elements"], extra: Partial<IndexSchema> = {}): IndexSchema {
  return { name, elements, unique: false, where: null, using: null, ...extra };
}

/** A canonical table. */
export function tbl(name: string, columns: ColumnSchema[], extra: Partial<TableSchema> = {}): TableSchema {
  return { schema: null, name, columns, primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: null, ...extra };
}

const statusType: ColumnType = { kind: "enum", name: "order_status", values: ["new", "paid", "shipped"], schema: "shop" };

/** A table using most features: every constraint kind, generated columns, comments, a schema. */
export const ordersTable: TableSchema = tbl(
  "orders",
  [
    col("id", { kind: "bigint" }, { nullable: false, generated: { kind: "identity", always: true } }),
    col("customer_id", { kind: "integer", unsigned: true }, { nullable: false }),
    col("region", { kind: "char", length: 2 }, { nullable: false, default: { kind: "literal", value: "EU" } }),
    col("status", statusType, { nullable: false, default: { kind: "literal", value: "new" } }),
    col("total", { kind: "numeric", precision: 12, scale: 2 }, { nullable: false, default: { kind: "literal", value: 0 } }),
    col("quantity", { kind: "smallint" }, { default: { kind: "literal", value: -1 } }),
    col("line total", { kind: "numeric", precision: 14, scale: 2 }, { generated: { kind: "computed", sql: "total * quantity", stored: true } }),
    col("note", { kind: "text", size: "medium" }, { comment: 'free text, "quoted"\nsecond line', collation: "utf8mb4_bin" }),
    col("created_at", { kind: "timestamp", withTimezone: true, precision: 3 }, { nullable: false, default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } }),
    col("updated_at", { kind: "timestamp" }, { onUpdate: "CURRENT_TIMESTAMP", default: { kind: "literal", value: null } }),
    col("tags", { kind: "array", of: { kind: "text" }, dimensions: 2 }),
    col("payload", { kind: "jsonb" }, { default: { kind: "sql", sql: "'{}'::jsonb" } }),
    col("archived", { kind: "boolean" }, { nullable: false, default: { kind: "literal", value: false } }),
  ],
  {
    schema: "shop",
    comment: "customer orders",
    primaryKey: { name: "orders_pk", columns: ["id", "region"] },
    foreignKeys: [
      fk("orders_customer_fk", ["customer_id", "region"], "customers", ["id", "region"], {
        referencedSchema: "crm",
        onDelete: "CASCADE",
        onUpdate: "SET NULL",
        deferrable: true,
        initiallyDeferred: true,
      }),
    ],
    uniques: [{ name: "orders_region_note_uq", columns: ["region", "note"] }],
    checks: [{ name: "orders_total_ck", expression: "total >= 0 AND quantity <> 0" }],
    indexes: [
      ix("ix_orders_created", [{ column: "created_at", descending: true }, { column: "note", length: 20 }], { where: "archived = false" }),
      ix("ux_orders_lower_note", [{ expression: "lower(note)" }, { expression: "total * 2", descending: true }], { unique: true, using: "btree" }),
    ],
  },
);

const emailColumn = col("email", { kind: "varchar", length: 255 }, { nullable: false });
const emailIndex = ix("ix_users_email", [{ column: "email" }]);
const usersTable = tbl("users", [col("id", { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" } }), emailColumn], {
  primaryKey: { name: "users_pkey", columns: ["id"] },
  uniques: [{ name: "users_email_key", columns: ["email"] }],
});

/** Operations covering every kind (several kinds more than once, with different options). */
export const richOperations: Operation[] = [
  { kind: "createEnum", enum: { schema: "shop", name: "order_status", values: ["new", "paid", "shipped"] } },
  { kind: "createEnum", enum: { schema: null, name: "mood", values: ["sad", "ok"] } },
  { kind: "createEnum", enum: { schema: null, name: "weather", values: ["sun"], comment: "it's \"nice\"\nout" } },
  { kind: "createTable", table: ordersTable },
  { kind: "createTable", table: usersTable },
  { kind: "dropTable", schema: "shop", table: "orders", existing: ordersTable },
  { kind: "dropTable", table: "legacy" },
  { kind: "renameTable", schema: "shop", from: "carts", to: "baskets" },
  { kind: "renameTable", from: "a", to: "b" },
  { kind: "addColumn", table: "users", column: emailColumn },
  { kind: "addColumn", schema: "shop", table: "orders", column: col("code", { kind: "uuid" }, { default: { kind: "sql", sql: "gen_random_uuid()" }, comment: "public id" }) },
  { kind: "addColumn", table: "users", column: col("seq", { kind: "integer" }, { nullable: false, generated: { kind: "identity", always: false } }) },
  { kind: "addColumn", table: "users", column: col("big", { kind: "bigint" }, { generated: { kind: "autoincrement" } }) },
  { kind: "addColumn", table: "users", column: col("flags", { kind: "integer", unsigned: false }), position: { after: "email" } },
  { kind: "addColumn", table: "users", column: col("rank", { kind: "integer" }), position: { first: true } },
  { kind: "addColumn", table: "users", column: col("mood", { kind: "enum", name: "mood", values: ["sad", "ok"], schema: null }) },
  { kind: "addColumn", table: "users", column: col("avatar", { kind: "binary", length: 16, fixed: true }) },
  { kind: "addColumn", table: "users", column: col("blob", { kind: "binary", size: "long" }) },
  { kind: "addColumn", table: "users", column: col("vec", { kind: "raw", sql: "vector(3)" }) },
  { kind: "addColumn", table: "users", column: col("t", { kind: "time", withTimezone: false }) },
  { kind: "addColumn", table: "users", column: col("odd", { kind: "numeric", scale: 2 }) },
  { kind: "addColumn", table: "users", column: col("score", { kind: "double" }, { default: { kind: "literal", value: 1.5e-7 } }) },
  { kind: "dropColumn", table: "users", column: "email", existing: emailColumn },
  { kind: "dropColumn", schema: "shop", table: "orders", column: "legacy" },
  {
    kind: "alterColumn",
    table: "users",
    column: "email",
    newName: "mail",
    type: { kind: "varchar", length: 100 },
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
  {
    kind: "alterColumn",
    schema: "shop",
    table: "orders",
    column: "total",
    type: { kind: "bigint" },
    default: { kind: "sql", sql: "0" },
    using: "round(total)::bigint",
    existingType: { kind: "numeric", precision: 12, scale: 2 },
    existingDefault: { kind: "literal", value: null },
  },
  { kind: "alterColumn", table: "users", column: "score", default: { kind: "literal", value: null }, existingDefault: { kind: "literal", value: 0 } },
  { kind: "alterColumn", table: "users", column: "full", generated: { kind: "computed", sql: "a || b", stored: false }, existingGenerated: null, existingComment: "x" },
  { kind: "alterColumn", table: "users", column: "total", generated: { kind: "computed", sql: "price * qty", stored: true }, existingGenerated: { kind: "identity", always: true } },
  { kind: "alterColumn", table: "users", column: "seq", generated: { kind: "identity", always: false }, existingGenerated: { kind: "autoincrement" } },
  { kind: "createIndex", table: "users", index: emailIndex, concurrently: true },
  { kind: "createIndex", schema: "shop", table: "orders", index: ordersTable.indexes[1]!, ifNotExists: false },
  { kind: "createIndex", schema: "shop", table: "orders", index: ordersTable.indexes[0]! },
  { kind: "dropIndex", table: "users", name: "ix_users_email", existing: emailIndex, ifExists: true },
  { kind: "dropIndex", schema: "shop", table: "orders", name: "ix_gone", concurrently: true },
  { kind: "createPrimaryKey", table: "users", constraint: { name: "users_pkey", columns: ["id"] } },
  { kind: "replacePrimaryKey", table: "users", constraint: { name: "users_pkey", columns: ["id", "org_id"] }, existing: { name: "users_pkey", columns: ["id"] } },
  { kind: "replacePrimaryKey", table: "legacy", constraint: { columns: ["a", "b"] }, existing: { columns: ["a"] } },
  { kind: "alterTableOptions", table: "legacy", collation: "utf8mb4_bin", existingCollation: "utf8mb3_general_ci", engine: "InnoDB", existingEngine: "myisam" },
  { kind: "alterTableOptions", table: "events", unlogged: true, existingUnlogged: false, storageParameters: { fillfactor: "70", "toast.autovacuum_enabled": null }, existingStorageParameters: { fillfactor: null, "toast.autovacuum_enabled": "false" } },
  { kind: "alterIndexOptions", schema: "shop", table: "events", name: "ix_events_tags", using: "gin", storageParameters: { fastupdate: "false" }, existingStorageParameters: { fastupdate: null } },
  { kind: "alterColumn", table: "legacy", column: "name", collation: "utf8mb4_bin", existingCollation: "utf8mb3_general_ci", onUpdate: null, existingOnUpdate: "CURRENT_TIMESTAMP" },
  { kind: "createForeignKey", schema: "shop", table: "orders", constraint: ordersTable.foreignKeys[0]! },
  { kind: "createForeignKey", schema: "shop", table: "orders", constraint: fk("orders_user_fk", ["customer_id"], "users", ["id"], { onDelete: "RESTRICT" }) },
  { kind: "createForeignKey", table: "orders", constraint: fk("orders_self_fk", ["parent_id"], "orders", ["id"], { onUpdate: "NO ACTION" }) },
  { kind: "createUniqueConstraint", table: "users", constraint: { name: "users_email_key", columns: ["email"] } },
  // PostgreSQL's key timing, NULLS NOT DISTINCT and index element options.
  { kind: "createPrimaryKey", table: "ledger", constraint: { name: "ledger_pkey", columns: ["id"], deferrable: true, initiallyDeferred: true } },
  { kind: "createUniqueConstraint", table: "ledger", constraint: { name: "ledger_ref_key", columns: ["ref"], deferrable: true, nullsNotDistinct: true } },
  // Keys whose index stores INCLUDE columns (PostgreSQL 11+).
  { kind: "createPrimaryKey", table: "ledger", constraint: { name: "ledger_pkey", columns: ["id"], include: ["label", "ref"] } },
  { kind: "createUniqueConstraint", table: "ledger", constraint: { name: "ledger_ref_key", columns: ["ref"], include: ["label"] } },
  { kind: "replacePrimaryKey", table: "ledger", constraint: { name: "ledger_pkey", columns: ["id", "ref"], include: ["label"] }, existing: { name: "ledger_pkey", columns: ["id"], include: ["ref"] } },
  {
    kind: "createIndex",
    table: "ledger",
    index: {
      name: "ix_ledger",
      elements: [
        { column: "label", descending: true, nulls: "last", collation: "c", collationSchema: "s", opclass: "ops", opclassSchema: "s" },
        { expression: "lower(label)", nulls: "first", collation: "C" },
        { column: "code", length: 20 },
      ],
      unique: true,
      where: null,
      using: null,
      nullsNotDistinct: true,
      include: ["ref"],
    },
  },
  {
    kind: "createTable",
    table: {
      schema: null,
      name: "ledger",
      columns: [col("id", { kind: "integer" }, { nullable: false }), col("label", { kind: "text" }, { collation: "c", collationSchema: "s" }), col("ref", { kind: "integer" })],
      // Declared on its column (inline), deferrable and with INCLUDE columns: `.primaryKey({ … })` says all of it.
      primaryKey: { name: "ledger_pkey", columns: ["id"], deferrable: true, include: ["ref"], inline: true },
      foreignKeys: [],
      uniques: [
        { name: "ledger_label_key", columns: ["label"], include: ["id"], inline: true },
        { name: "ledger_ref_key", columns: ["ref"], initiallyDeferred: true, nullsNotDistinct: true },
      ],
      checks: [],
      indexes: [{ name: "ix_ledger_label", elements: [{ column: "label", nulls: "first" }], unique: false, where: null, using: null }],
      comment: null,
    },
  },
  { kind: "createCheckConstraint", schema: "shop", table: "orders", constraint: { name: "orders_total_ck", expression: "total >= 0" } },
  // A PostgreSQL exclusion constraint: a plain column element, an expression element with options, a predicate and timing.
  {
    kind: "createExclusionConstraint",
    table: "bookings",
    constraint: {
      name: "bookings_no_overlap",
      using: "gist",
      elements: [
        { column: "room_id", operator: "=" },
        { expression: "tstzrange(starts, ends)", opclass: "range_ops", operator: "&&" },
      ],
      include: ["note"],
      where: "NOT cancelled",
      deferrable: true,
    },
  },
  { kind: "validateConstraint", schema: "shop", table: "orders", name: "orders_customer_fk", type: "foreignKey", existing: { type: "foreignKey", constraint: { ...ordersTable.foreignKeys[0]!, notValid: true } } },
  { kind: "dropConstraint", table: "bookings", name: "bookings_no_overlap", type: "exclusion" },
  { kind: "dropConstraint", table: "users", name: "users_pkey", type: "primaryKey", existing: { type: "primaryKey", constraint: { name: "users_pkey", columns: ["id"] } } },
  { kind: "dropConstraint", schema: "shop", table: "orders", name: "orders_customer_fk", type: "foreignKey", existing: { type: "foreignKey", constraint: ordersTable.foreignKeys[0]! } },
  { kind: "dropConstraint", table: "users", name: "users_email_key", type: "unique", existing: { type: "unique", constraint: { name: "users_email_key", columns: ["email"] } } },
  { kind: "dropConstraint", table: "users", name: "users_age_check", type: "check" },
  { kind: "createTableComment", table: "users", comment: "people", existingComment: null },
  { kind: "createTableComment", schema: "shop", table: "orders", comment: "it's \"all\"" },
  { kind: "setComment", on: "index", schema: "shop", table: "orders", name: "ix_orders_placed", comment: "it's\nplaced, C:\\tmp $$", existingComment: null },
  { kind: "setComment", on: "constraint", table: "users", name: "users_email_key", comment: null, existingComment: "one per person" },
  { kind: "setComment", on: "enum", name: "mood", comment: "how it feels" },
  { kind: "createIndex", table: "users", index: { name: "ix_users_seen", elements: [{ column: "seen" }], unique: false, where: null, using: null, comment: "recent visitors" } },
  { kind: "createCheckConstraint", table: "users", constraint: { name: "users_age_check", expression: "age >= 0", comment: "no negative ages" } },
  { kind: "createUniqueConstraint", table: "users", constraint: { name: "users_handle_key", columns: ["handle"], comment: "one handle each" } },
  { kind: "dropTableComment", table: "users", existingComment: "people" },
  { kind: "dropTableComment", table: "users" },
  { kind: "dropEnum", name: "mood", existing: { schema: null, name: "mood", values: ["sad", "ok"] } },
  { kind: "dropEnum", schema: "shop", name: "old" },
  { kind: "addEnumValue", schema: "shop", name: "order_status", value: "refunded", after: "paid", existingValues: ["new", "paid", "shipped"] },
  { kind: "addEnumValue", name: "mood", value: "meh", before: "ok" },
  { kind: "renameEnumValue", schema: "shop", name: "order_status", from: "shipped", to: "sent" },
  { kind: "renameEnumValue", name: "mood", from: "ok", to: "fine" },
  { kind: "createSchema", name: "billing" },
  { kind: "dropSchema", name: "old \"reports\"" },
  { kind: "createObject", object: { kind: "extension", schema: null, name: "pgcrypto", definition: "" } },
  { kind: "createObject", object: { kind: "sequence", schema: "shop", name: "invoices", definition: "AS integer START WITH 1000 INCREMENT BY 10 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE" } },
  { kind: "createObject", object: { kind: "sequence", schema: null, name: "countdown", definition: "AS bigint START WITH 9223372036854775806 INCREMENT BY -1 MINVALUE -9223372036854775808 MAXVALUE 9223372036854775806 CACHE 20 CYCLE" } },
  {
    kind: "createObject",
    object: { kind: "function", schema: null, name: "touch", definition: "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$ begin new.note := `${tg_name}` || '\\n'; return new; end $function$" },
  },
  { kind: "createObject", object: { kind: "view", schema: "shop", name: "active users", definition: "SELECT users.id\n   FROM users", dependsOn: ["table:shop.users"] } },
  { kind: "dropObject", object: { kind: "trigger", schema: null, name: "users_touch", table: "users", definition: "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()", dependsOn: ["function:.touch", "table:.users"] } },
  {
    kind: "replaceObject",
    object: { kind: "materializedView", schema: null, name: "counts", definition: "SELECT count(*) AS n\n   FROM users" },
    existing: { kind: "materializedView", schema: null, name: "counts", definition: "SELECT 0 AS n" },
  },
  { kind: "dropObject", object: { kind: "procedure", schema: null, name: "bump", definition: "CREATE PROCEDURE `bump`(IN `n` int(11)) update t set a = n" } },
  { kind: "execute", sql: "UPDATE users SET active = true", reverse: "UPDATE users SET active = false" },
  { kind: "execute", sql: { strings: ["UPDATE t SET a = ", ", b = ", " WHERE note = '`${x}` \\d'\r\n AND id IN (", ")"], values: ["it's", null, [1, 2]] } },
  { kind: "execute", sql: { strings: ["DELETE FROM t"], values: [] }, reverse: { strings: ["SELECT ", ""], values: [42n] } },
  {
    kind: "bulkInsert",
    table: "users",
    rows: [
      { id: 1, email: "a@example.com", at: new Date("2024-01-02T03:04:05.678Z"), raw: Buffer.from([0, 1, 254]), meta: { nested: [1, "two", null] }, missing: undefined },
      { id: 2, "odd key": -0, ["__proto__"]: "own property", big: 9007199254740993n },
    ],
    columns: [
      { name: "id", type: { kind: "integer" } },
      { name: "at", type: { kind: "timestamp", withTimezone: true } },
      { name: "meta", type: { kind: "json" } },
      { name: "raw", type: { kind: "binary", fixed: false } },
    ],
  },
  { kind: "bulkInsert", schema: "shop", table: "orders", rows: [] },
  {
    kind: "batchAlterTable",
    table: "users",
    recreate: "auto",
    operations: [
      { kind: "addColumn", table: "users", column: emailColumn },
      { kind: "dropColumn", table: "users", column: "nickname", existing: col("nickname", { kind: "text" }) },
      { kind: "alterColumn", table: "users", column: "name", nullable: false, existingNullable: true, existingType: { kind: "text" } },
      { kind: "alterColumn", table: "users", column: "code", type: { kind: "varchar", length: 10 }, existingType: { kind: "text" } },
      { kind: "createIndex", table: "users", index: emailIndex },
      { kind: "dropIndex", table: "users", name: "ix_old", existing: emailIndex },
      { kind: "createPrimaryKey", table: "users", constraint: { name: "users_pkey", columns: ["id"] } },
      { kind: "createForeignKey", table: "users", constraint: fk("users_org_fk", ["org_id"], "orgs", ["id"]) },
      { kind: "createUniqueConstraint", table: "users", constraint: { name: "users_email_key", columns: ["email"] } },
      { kind: "createCheckConstraint", table: "users", constraint: { name: "users_id_ck", expression: "id > 0" } },
      { kind: "dropConstraint", table: "users", name: "users_old_ck", type: "check", existing: { type: "check", constraint: { name: "users_old_ck", expression: "1 = 1" } } },
      { kind: "createTableComment", table: "users", comment: "people", existingComment: "persons" },
      { kind: "dropTableComment", table: "users", existingComment: "people" },
    ],
  },
  { kind: "batchAlterTable", schema: "shop", table: "orders", recreate: "always", operations: [] },
];

/** Every operation kind, so a test can prove richOperations covers them all. */
export const ALL_KINDS: readonly OperationKind[] = Object.keys({
  createTable: 1,
  dropTable: 1,
  renameTable: 1,
  addColumn: 1,
  dropColumn: 1,
  alterColumn: 1,
  createIndex: 1,
  dropIndex: 1,
  createPrimaryKey: 1,
  replacePrimaryKey: 1,
  alterTableOptions: 1,
  alterIndexOptions: 1,
  createForeignKey: 1,
  createUniqueConstraint: 1,
  createCheckConstraint: 1,
  createExclusionConstraint: 1,
  validateConstraint: 1,
  dropConstraint: 1,
  createTableComment: 1,
  dropTableComment: 1,
  setComment: 1,
  createEnum: 1,
  dropEnum: 1,
  addEnumValue: 1,
  renameEnumValue: 1,
  createSchema: 1,
  dropSchema: 1,
  createObject: 1,
  dropObject: 1,
  replaceObject: 1,
  execute: 1,
  bulkInsert: 1,
  batchAlterTable: 1,
} satisfies Record<OperationKind, 1>) as OperationKind[];

/** A schema with every column type, defaults, generated columns, enums, schemas, and awkward names. */
export const richSchema: DatabaseSchema = {
  enums: [
    { schema: null, name: "mood", values: ["sad", "ok", "it's \"fine\""] },
    { schema: "shop", name: "order_status", values: ["new", "paid", "shipped"] },
  ],
  tables: [
    tbl(
      "all types",
      [
        col("id", { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" } }),
        col("small", { kind: "smallint", unsigned: true }),
        col("int", { kind: "integer" }, { nullable: false, default: { kind: "literal", value: 7 } }),
        col("big", { kind: "bigint" }, { generated: { kind: "identity", always: false } }),
        col("big2", { kind: "bigint" }, { nullable: false, generated: { kind: "autoincrement" } }),
        col("num", { kind: "numeric" }),
        col("num10", { kind: "numeric", precision: 10 }),
        col("money", { kind: "numeric", precision: 12, scale: 2, unsigned: true }),
        col("real", { kind: "real" }),
        col("double", { kind: "double" }, { default: { kind: "literal", value: 0.5 } }),
        col("flag", { kind: "boolean" }, { default: { kind: "literal", value: true } }),
        col("code", { kind: "char", length: 3 }),
        col("char", { kind: "char" }),
        col("name", { kind: "varchar", length: 80 }, { nullable: false, collation: "C" }),
        col("varchar", { kind: "varchar" }),
        col("body", { kind: "text" }, { comment: "the */ body" }),
        col("tiny", { kind: "text", size: "tiny" }),
        col("long", { kind: "text", size: "long" }),
        col("day", { kind: "date" }, { default: { kind: "sql", sql: "CURRENT_DATE" } }),
        col("at", { kind: "time", withTimezone: true, precision: 0 }),
        col("ts", { kind: "timestamp", withTimezone: false, precision: 6 }, { onUpdate: "CURRENT_TIMESTAMP(6)" }),
        col("span", { kind: "interval" }),
        col("doc", { kind: "json" }),
        col("docb", { kind: "jsonb" }, { default: { kind: "sql", sql: "'{\"a\": `1`}'::jsonb" } }),
        col("uid", { kind: "uuid" }),
        col("bin", { kind: "binary" }),
        col("bin16", { kind: "binary", length: 16, fixed: true }),
        col("varbin", { kind: "binary", length: 255 }),
        col("medblob", { kind: "binary", size: "medium" }),
        col("mood", { kind: "enum", name: "mood", values: ["sad", "ok", "it's \"fine\""], schema: null }, { default: { kind: "literal", value: "ok" } }),
        col("moods", { kind: "array", of: { kind: "enum", name: "mood", values: ["sad", "ok", "it's \"fine\""], schema: null } }),
        col("grid", { kind: "array", of: { kind: "integer" }, dimensions: 2 }),
        col("tsv", { kind: "raw", sql: "tsvector" }),
        col("signed", { kind: "integer", unsigned: false }),
        col("computed", { kind: "integer" }, { generated: { kind: "computed", sql: "int * 2", stored: false } }),
        col("stored", { kind: "text" }, { generated: { kind: "computed", sql: "lower(name)", stored: true } }),
        col("nullable serial", { kind: "integer" }, { generated: { kind: "autoincrement" } }),
        col("default null", { kind: "text" }, { default: { kind: "literal", value: null } }),
      ],
      { primaryKey: { name: "all_types_pk", columns: ["id"] }, comment: "every type" },
    ),
    tbl(
      "order lines",
      [
        col("order_id", { kind: "bigint" }, { nullable: false }),
        col("region", { kind: "char", length: 2 }, { nullable: false }),
        col("line", { kind: "integer" }, { nullable: false }),
        col("class", { kind: "text" }),
        col("naïve 名前", { kind: "text" }),
        col("__proto__", { kind: "text" }),
        col('say "hi"', { kind: "varchar", length: 5 }),
        col("status", { kind: "enum", name: "order_status", values: ["new", "paid", "shipped"], schema: "shop" }, { nullable: false, default: { kind: "literal", value: "new" } }),
      ],
      {
        schema: "shop",
        primaryKey: { name: "order_lines_pk", columns: ["order_id", "region", "line"] },
        foreignKeys: [
          fk("order_lines_order_fk", ["order_id", "region"], "orders", ["id", "region"], { referencedSchema: "shop", onDelete: "CASCADE", deferrable: true, initiallyDeferred: true }),
          fk("order lines → all types", ["line"], "all types", ["id"], { referencedSchema: null, onUpdate: "SET DEFAULT" }),
        ],
        uniques: [{ name: "order_lines_class_uq", columns: ["class", "naïve 名前"] }],
        checks: [{ name: "order_lines_line_ck", expression: "line > 0 AND class <> 'x'" }],
        indexes: [
          ix("ix_lines_partial", [{ column: "line", descending: true }], { where: "class IS NOT NULL" }),
          ix("ix_lines_expr", [{ expression: "lower(class)" }, { expression: "line * 2", descending: true }, { column: 'say "hi"', length: 3 }], { unique: true, using: "btree" }),
        ],
      },
    ),
    tbl(
      "orders",
      [
        col("id", { kind: "bigint" }, { nullable: false }),
        col("region", { kind: "char", length: 2 }, { nullable: false }),
        col("status", { kind: "enum", name: "order_status", values: ["new", "paid", "shipped"], schema: "shop" }),
      ],
      { schema: "shop", primaryKey: { name: "orders_pk", columns: ["id", "region"] }, comment: "multi\nline */ comment" },
    ),
  ],
};

/** Tables whose names collide with JavaScript reserved words, imported names and each other (sorted as the loader sorts). */
export const awkwardSchema: DatabaseSchema = {
  enums: [{ schema: null, name: "index", values: ["a"] }],
  tables: [
    tbl("!!!", [col("x", { kind: "text" })]),
    tbl("123 go", [col("x", { kind: "text" })]),
    tbl("class", [col("id", { kind: "integer" }, { nullable: false })], { primaryKey: { name: "class_pk", columns: ["id"] } }),
    tbl("index", [col("v", { kind: "enum", name: "index", values: ["a"], schema: null })]),
    tbl("order-items", [col("x", { kind: "text" })]),
    tbl("order_items", [col("x", { kind: "text" })]),
    tbl("table", [col("x", { kind: "text" })]),
    tbl("ÉTÉ", [col("x", { kind: "text" })]),
  ],
};
