/**
 * Gives every unnamed primary key, foreign key, unique, check, exclusion constraint and index its conventional name.
 * Explicit names need only be unique within their table (validate-names.ts; the dialect's wider
 * rule is checked where the dialect is known), but generated names avoid every name in the
 * schema, so they are valid whichever way a dialect scopes names: explicit names are reserved
 * across all tables first and generated ones are then allocated in table order. Constraints
 * declared with `{ name: null }` (see unnamed.ts) keep no name.
 */
import { MigrateError } from "../errors.js";
import { tableLabel, type TableSchema } from "../catalog/types.js";
import { namedObjects, validateTableNames } from "../catalog/validate-names.js";
import { applyNamingRule, columnsInExpression, NameAllocator, type NamingContext, type NamingConvention, type NamingRule } from "./naming.js";
import { isKeptUnnamed } from "./unnamed.js";

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * Fills in missing names in place and returns the tables. Throws MigrateError("model") when an
 * explicit name is used twice in one table or is longer than the convention allows.
 */
export function assignNames(tables: TableSchema[], naming: NamingConvention): TableSchema[] {
  const allocators = new Map<string, NameAllocator>();
  const allocatorFor = (schema: string | null | undefined): NameAllocator => {
    const key = schema ?? "";
    let allocator = allocators.get(key);
    if (!allocator) allocators.set(key, (allocator = new NameAllocator(naming.maxLength)));
    return allocator;
  };

  for (const table of tables) {
    const label = tableLabel(table);
    for (const { name } of namedObjects(table)) {
      if (byteLength(name) > naming.maxLength) {
        throw new MigrateError("model", `The name "${name}" on table ${label} is longer than ${naming.maxLength} bytes.`, {
          hint: "Databases truncate or reject longer names, which makes every comparison report a change; choose a shorter name.",
        });
      }
      // Taken already by another table: allowed here, and generated names avoid it either way.
      allocatorFor(table.schema).reserve(name);
    }
    validateTableNames(table);
  }

  for (const table of tables) {
    const allocator = allocatorFor(table.schema);
    const base = { table: table.name, schema: table.schema ?? null };
    const make = (rule: NamingRule, context: Omit<NamingContext, "table" | "schema">): string =>
      allocator.allocate(applyNamingRule(rule, { ...base, ...context }, naming.maxLength));

    const needsName = (c: { name?: string | null }): boolean => !c.name && !isKeptUnnamed(c);
    if (table.primaryKey && needsName(table.primaryKey)) table.primaryKey.name = make(naming.primaryKey, { columns: [...table.primaryKey.columns] });
    for (const u of table.uniques) if (needsName(u)) u.name = make(naming.unique, { columns: [...u.columns] });
    for (const fk of table.foreignKeys) if (needsName(fk)) fk.name = make(naming.foreignKey, { columns: [...fk.columns], referencedTable: fk.referencedTable });
    const columnNames = table.columns.map((c) => c.name);
    for (const ck of table.checks) {
      if (!needsName(ck)) continue;
      const mentioned = columnsInExpression(ck.expression, columnNames);
      ck.name = make(naming.check, { columns: mentioned.length === 1 ? mentioned : [] });
    }
    for (const x of table.exclusions ?? []) {
      if (x.name) continue;
      x.name = make(naming.exclusion, { columns: x.elements.map((e) => ("column" in e ? e.column : "expr")) });
    }
    for (const ix of table.indexes) {
      if (ix.name) continue;
      const columns = ix.elements.map((e) => ("column" in e ? e.column : "expr"));
      ix.name = make(ix.unique ? naming.uniqueIndex : naming.index, { columns });
    }
  }
  return tables;
}
