/**
 * The example shop's schema, as the revisions in migrations/versions leave it.
 * Edit it and run `migrate revision --autogenerate -m "…"` to get the next revision.
 */
import { boolean, check, date, index, integer, numeric, serial, table, text, timestamp, varchar, sql } from "athanor";

export const users = table("users", {
  id: serial().primaryKey(),
  email: varchar(255).notNull().unique(),
  name: text(),
  created_at: timestamp().notNull().default(sql`CURRENT_TIMESTAMP`),
});

export const products = table(
  "products",
  {
    id: serial().primaryKey(),
    sku: varchar(32).notNull().unique(),
    title: text().notNull(),
    price: numeric(10, 2).notNull(),
    active: boolean().notNull().default(true),
  },
  { checks: [check("price >= 0", { name: "products_price_check" })] },
);

export const invoices = table(
  "invoices",
  {
    id: serial().primaryKey(),
    user_id: integer().notNull().references(() => users, "id", { onDelete: "CASCADE" }),
    total: numeric(10, 2).notNull(),
    due_date: date(),
  },
  { indexes: [index(["user_id"])] },
);

export const audit_log = table("audit_log", {
  id: serial().primaryKey(),
  invoice_id: integer().references(() => invoices, "id"),
  action: varchar(32).notNull(),
  at: timestamp().notNull().default(sql`CURRENT_TIMESTAMP`),
});
