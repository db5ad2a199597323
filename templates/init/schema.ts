/**
 * Describe your tables here, then run `migrate revision --autogenerate -m "…"`:
 *
 *   export const users = table("users", {
 *     id: serial().primaryKey(),
 *     email: varchar(255).notNull().unique(),
 *   });
 *
 * Every exported table and enum is part of the model.
 */
import { defineSchema } from "athanor";

export default defineSchema({ tables: [] });
