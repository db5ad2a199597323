/**
 * A schema module written the way users write schema.ts: used by the model tests as a module
 * namespace, and type-checked with the rest of the tests (it must compile without annotations,
 * including two tables that reference each other and a self-reference by name).
 */
import {
  table, enumType, serial, bigint, integer, numeric, boolean, varchar, text, timestamp, array,
  index, unique, check, foreignKey, primaryKey, sql, defineSchema,
} from "../../../src/model/index.js";

export const orderStatus = enumType("order_status", ["new", "paid", "shipped"]);

export const users = table("users", {
  id: serial().primaryKey(),
  email: varchar(255).notNull().unique(),
  name: text().comment("display name"),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().default(sql`CURRENT_TIMESTAMP`),
  balance: numeric(12, 2).unsigned(),
  favouriteOrderId: bigint().references(() => orders, "id"),
  invitedBy: integer().references("users", "id", { onDelete: "SET NULL" }),
});

export const orders = table(
  "orders",
  {
    id: bigint().primaryKey().autoIncrement(),
    userId: integer().notNull().references(() => users, "id", { onDelete: "CASCADE" }),
    status: orderStatus.column().notNull().default("new"),
    tags: array(text()),
  },
  (t) => ({
    comment: "customer orders",
    indexes: [index([t.userId]), index([sql`lower(status)`], { name: "ix_lower_status", where: "status <> 'new'", using: "btree" })],
    uniques: [unique(["userId", "status"])],
    checks: [check("id > 0", { name: "ck_orders_positive" })],
  }),
);

export const orderItems = table(
  "order_items",
  {
    orderId: bigint(),
    line: integer(),
    sku: varchar(40).notNull(),
  },
  {
    primaryKey: primaryKey(["orderId", "line"]),
    foreignKeys: [foreignKey(["orderId"], () => orders, ["id"], { onDelete: "CASCADE", deferrable: true })],
  },
);

export default defineSchema({ tables: [users, orders, orderItems], enums: [orderStatus] });
